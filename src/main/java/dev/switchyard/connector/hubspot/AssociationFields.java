package dev.switchyard.connector.hubspot;

/**
 * How a HubSpot record carries its associations as fields, so that staging, the
 * dictionary and reference inference see them like any other value:
 * {@code associations_companies} holds every association to companies as JSON
 * ({@code [{"object":"companies","id":"900","typeId":1,"label":"Primary"}, …]}, one entry
 * per associated record and type), and {@code associations_companies_primary} holds the
 * id of the company labelled primary, a declared reference to {@code companies}. Only
 * associations to companies have a primary label in HubSpot.
 */
final class AssociationFields {

    private static final String PREFIX = "associations_";

    private AssociationFields() {
    }

    /**
     * @param associated the associated object
     * @return the field holding every association to it
     */
    static String listField(String associated) {
        return PREFIX + associated;
    }

    /**
     * @param associated the associated object
     * @return the field holding the id of the associated record labelled primary
     */
    static String primaryField(String associated) {
        return PREFIX + associated + "_primary";
    }

    /**
     * @param associated the associated object
     * @return whether HubSpot labels one association to it primary
     */
    static boolean hasPrimary(String associated) {
        return associated.equals("companies");
    }

    /**
     * @param field a field name
     * @return whether it is one of the association fields
     */
    static boolean isAssociationField(String field) {
        return field.startsWith(PREFIX);
    }

}
