package dev.switchyard.cutover;

/**
 * The objective go/no-go criteria a project agrees before its cutover.
 */
public enum GateKind {

    /**
     * The share (percent) of in-scope records the validation cannot account for (no
     * outcome in the ledger, or loaded but missing in the target): at most the threshold.
     */
    RECONCILIATION_VARIANCE("Reconciliation variance", "at most {0} % of in-scope records unaccounted for"),

    /** The share (percent) of the run's records quarantined: at most the threshold. */
    QUARANTINE_RATE("Quarantine rate", "at most {0} % of the run's records quarantined"),

    /**
     * The validation's verdict: threshold 0 needs a pass, 1 accepts a warning too.
     */
    VALIDATION_VERDICT("Validation verdict", "{0}");

    private final String label;

    private final String rule;

    GateKind(String label, String rule) {
        this.label = label;
        this.rule = rule;
    }

    /**
     * @return the gate's name
     */
    public String label() {
        return this.label;
    }

    /**
     * @param threshold the agreed threshold
     * @return the rule as people read it
     */
    public String rule(java.math.BigDecimal threshold) {
        if (this == VALIDATION_VERDICT) {
            return (threshold.signum() == 0) ? "the validation passes" : "the validation passes or warns";
        }
        return this.rule.replace("{0}", threshold.stripTrailingZeros().toPlainString());
    }

}
