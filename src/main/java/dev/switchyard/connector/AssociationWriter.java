package dev.switchyard.connector;

import java.util.List;

/**
 * An optional capability of a {@link TargetConnector} whose records relate through
 * associations rather than reference fields (HubSpot): many-to-many links between two
 * records, each of an association type that may carry a label such as "Primary". A run
 * creates them from its cross-reference once both ends exist, and accounts for each one
 * like a record. Callers test for it with {@code instanceof}; a target without it relates
 * records through reference fields only.
 *
 * <p>
 * Objects are named as the target spells them ({@code contacts}, {@code companies}); ids
 * are target ids.
 */
public interface AssociationWriter {

    /**
     * Lists the association types the target offers from one object to another, so that
     * mapping can suggest one for a source reference field (Contact.AccountId → contacts
     * → companies).
     * @param fromObject the object the associations start at
     * @param toObject the object they point to
     * @return the types, unlabelled (default) ones included; empty when there are none
     * @throws ConnectorException when the pair cannot be read (an unknown object)
     * @throws TargetUnavailableException when the target cannot be reached for now
     */
    List<AssociationType> associationTypes(String fromObject, String toObject);

    /**
     * Creates associations of one object pair in as few calls as the target allows.
     * Creating an association that already exists changes nothing and counts as created,
     * so a replayed chunk is harmless.
     * @param fromObject the object the associations start at
     * @param toObject the object they point to
     * @param associations the associations to create
     * @return exactly one outcome per association, in input order
     * @throws TargetUnavailableException when the target could not take the work at all
     */
    List<AssociationOutcome> createAssociations(String fromObject, String toObject,
            List<AssociationInput> associations);

    /**
     * One association type between two objects.
     *
     * @param category who defined it ({@code HUBSPOT_DEFINED}, {@code USER_DEFINED},
     * {@code INTEGRATOR_DEFINED})
     * @param typeId the target's id of the type
     * @param label its label, or null for the unlabelled default type
     */
    record AssociationType(String category, int typeId, String label) {

        /**
         * @return whether this is the unlabelled type every pair has
         */
        public boolean unlabelled() {
            return this.label == null || this.label.isBlank();
        }

    }

    /**
     * One association to create.
     *
     * @param fromId the target id of the record it starts at
     * @param toId the target id of the record it points to
     * @param type its type (the category and type id; the label is not sent)
     */
    record AssociationInput(String fromId, String toId, AssociationType type) {

    }

    /**
     * What became of one association.
     *
     * @param input the association
     * @param created whether the target holds it after the call
     * @param code the target's error code when it was refused, or null
     * @param message the target's message when it was refused, or null
     */
    record AssociationOutcome(AssociationInput input, boolean created, String code, String message) {

        /**
         * @param input the association
         * @return an association the target holds
         */
        public static AssociationOutcome created(AssociationInput input) {
            return new AssociationOutcome(input, true, null, null);
        }

        /**
         * @param input the association
         * @param code the target's error code, or null
         * @param message the target's message
         * @return an association the target refused
         */
        public static AssociationOutcome refused(AssociationInput input, String code, String message) {
            return new AssociationOutcome(input, false, code, message);
        }

    }

}
