package dev.switchyard.connector;

/**
 * Counts a connection's API calls, for CRM connectors whose calls count against a daily
 * limit. The connector calls {@link #beforeCall} before each request and
 * {@link #afterCall} after each answer; the workbench keeps the counts per connection and
 * kind, and refuses a call once the project's share of the daily limit is used up.
 */
public interface CallMeter {

    /** A meter that counts nothing and refuses nothing: files and databases. */
    CallMeter NONE = new CallMeter() {

        @Override
        public void beforeCall(String kind) {
        }

        @Override
        public void afterCall(String kind, ApiUsage usage) {
        }

    };

    /**
     * Before a call.
     * @param kind what the call is for, such as {@code query}, {@code describe},
     * {@code collections}, {@code bulk}, {@code limits}
     * @throws BudgetExhaustedException when the project's share of the daily limit is
     * used up
     */
    void beforeCall(String kind);

    /**
     * After an answer (also an error's).
     * @param kind the call's kind
     * @param usage the provider's usage as the answer reported it, or null when it did
     * not
     */
    void afterCall(String kind, ApiUsage usage);

}
