package dev.switchyard.connector;

/**
 * The types of the data dictionary, declared by a source's schema or inferred from its
 * values.
 */
public enum FieldType {

    TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME, EMAIL, PHONE, URL, ID, REFERENCE, PICKLIST, MULTI_PICKLIST

}
