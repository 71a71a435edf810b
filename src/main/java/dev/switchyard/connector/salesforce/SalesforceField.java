package dev.switchyard.connector.salesforce;

import java.util.Locale;

import dev.switchyard.connector.FieldType;

/**
 * A field of an sObject as the connector reads and writes it.
 *
 * @param name the API name
 * @param soapType Salesforce's field type ({@code string}, {@code reference},
 * {@code datetime}, …)
 * @param createable whether it can be set on create
 * @param updateable whether it can be changed
 * @param externalId whether it is an external id (an upsert key)
 */
public record SalesforceField(String name, String soapType, boolean createable, boolean updateable,
        boolean externalId) {

    /**
     * @return the dictionary type
     */
    public FieldType type() {
        return switch (this.soapType.toLowerCase(Locale.ROOT)) {
            case "id" -> FieldType.ID;
            case "reference" -> FieldType.REFERENCE;
            case "picklist" -> FieldType.PICKLIST;
            case "multipicklist" -> FieldType.MULTI_PICKLIST;
            case "boolean" -> FieldType.BOOLEAN;
            case "int", "long" -> FieldType.INTEGER;
            case "double", "currency", "percent" -> FieldType.DECIMAL;
            case "date" -> FieldType.DATE;
            case "datetime" -> FieldType.DATETIME;
            case "email" -> FieldType.EMAIL;
            case "phone" -> FieldType.PHONE;
            case "url" -> FieldType.URL;
            default -> FieldType.TEXT;
        };
    }

    /**
     * @param soapType a describe's field type
     * @return whether a field of that type is read: compound fields (address, location)
     * are read as their component fields, and binary content (base64) is not read
     */
    static boolean readable(String soapType) {
        return !("address".equals(soapType) || "location".equals(soapType) || "base64".equals(soapType));
    }

}
