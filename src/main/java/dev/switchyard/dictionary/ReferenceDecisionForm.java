package dev.switchyard.dictionary;

import java.util.Locale;

import dev.switchyard.system.InvalidInputException;

/**
 * Reads a decision on an inferred reference as a page or the API sends it.
 */
final class ReferenceDecisionForm {

    private ReferenceDecisionForm() {
    }

    /**
     * @param text CONFIRMED, REJECTED or NONE (any case; confirm and reject too)
     * @return the kind, null for NONE
     * @throws InvalidInputException for anything else
     */
    static ReferenceDecisions.Kind kind(String text) {
        String value = (text != null) ? text.strip().toUpperCase(Locale.ROOT) : "";
        return switch (value) {
            case "CONFIRMED", "CONFIRM" -> ReferenceDecisions.Kind.CONFIRMED;
            case "REJECTED", "REJECT" -> ReferenceDecisions.Kind.REJECTED;
            case "NONE", "WITHDRAW" -> null;
            default -> throw new InvalidInputException("decision", "The decision is CONFIRMED, REJECTED or NONE");
        };
    }

}
