package dev.switchyard.connector;

/**
 * The target could not take the work at all for a reason no record caused: the connection
 * was lost or closed, the server is shutting down or out of resources, a lock wait or
 * deadlock ended the transaction. A run pauses and retries the chunk later instead of
 * marking its records failed.
 *
 * <p>
 * Nothing of the chunk is committed, unless {@link #inDoubt()}: then the connection went
 * while the commit itself was under way, and the target may or may not hold the chunk; a
 * replay finds out by match key.
 */
public class TargetUnavailableException extends ConnectorException {

    private final boolean inDoubt;

    /**
     * @param message what failed and where, without credentials
     * @param cause what the driver threw
     * @param inDoubt whether the failure came during the commit
     */
    public TargetUnavailableException(String message, Throwable cause, boolean inDoubt) {
        super(message, cause);
        this.inDoubt = inDoubt;
    }

    /**
     * @return whether the commit may have gone through before the failure
     */
    public boolean inDoubt() {
        return this.inDoubt;
    }

}
