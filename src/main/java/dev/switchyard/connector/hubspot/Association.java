package dev.switchyard.connector.hubspot;

/**
 * One association of a record read from HubSpot: to which record, of which type.
 *
 * @param object the associated object ({@code companies})
 * @param id the associated record's id
 * @param typeId the association type's id
 * @param label the type's label, or null for the unlabelled type
 */
public record Association(String object, String id, int typeId, String label) {

    /**
     * @return whether the association is labelled primary
     */
    public boolean primary() {
        return this.label != null && this.label.equalsIgnoreCase("Primary");
    }

}
