package dev.switchyard.profiling;

import dev.switchyard.connector.FieldType;

/**
 * Tracks the smallest and largest values three ways at once (numeric, chronological,
 * lexical), so that the comparison matching the type inferred at the end can be reported.
 */
final class MinMax {

    private double minNumber = Double.POSITIVE_INFINITY;

    private double maxNumber = Double.NEGATIVE_INFINITY;

    private String minNumberText;

    private String maxNumberText;

    private long minKey = Long.MAX_VALUE;

    private long maxKey = Long.MIN_VALUE;

    private String minKeyText;

    private String maxKeyText;

    private String minText;

    private String maxText;

    void text(String value) {
        if (this.minText == null || value.compareTo(this.minText) < 0) {
            this.minText = value;
        }
        if (this.maxText == null || value.compareTo(this.maxText) > 0) {
            this.maxText = value;
        }
    }

    void number(double number, String value) {
        if (number < this.minNumber) {
            this.minNumber = number;
            this.minNumberText = value;
        }
        if (number > this.maxNumber) {
            this.maxNumber = number;
            this.maxNumberText = value;
        }
    }

    void chronological(long key, String value) {
        if (key < this.minKey) {
            this.minKey = key;
            this.minKeyText = value;
        }
        if (key > this.maxKey) {
            this.maxKey = key;
            this.maxKeyText = value;
        }
    }

    String min(FieldType type) {
        return switch (type) {
            case INTEGER, DECIMAL -> this.minNumberText;
            case DATE, DATETIME -> this.minKeyText;
            default -> this.minText;
        };
    }

    String max(FieldType type) {
        return switch (type) {
            case INTEGER, DECIMAL -> this.maxNumberText;
            case DATE, DATETIME -> this.maxKeyText;
            default -> this.maxText;
        };
    }

}
