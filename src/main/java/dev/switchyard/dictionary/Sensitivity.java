package dev.switchyard.dictionary;

/**
 * How sensitive a field's data is.
 */
public enum Sensitivity {

    NONE, PII, CONFIDENTIAL

}
