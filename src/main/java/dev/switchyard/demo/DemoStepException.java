package dev.switchyard.demo;

/**
 * A step of building the demo project failed; the message names the step and the cause.
 */
class DemoStepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String step;

    DemoStepException(String step, Throwable cause) {
        super(step + " failed: " + cause.getMessage(), cause);
        this.step = step;
    }

    /**
     * @return the step, e.g. {@code extracting the source}
     */
    String getStep() {
        return this.step;
    }

}
