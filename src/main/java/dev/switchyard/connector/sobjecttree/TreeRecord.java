package dev.switchyard.connector.sobjecttree;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A record of a tree file, as it was found: top-level or nested under a parent.
 *
 * @param type its object, from {@code attributes.type}
 * @param idField the field its id comes from ({@code referenceId} unless configured)
 * @param referenceId its {@code attributes.referenceId}, or null
 * @param id its id: the reference id, or the value of the field chosen as id; null or
 * blank when it has none
 * @param file the file it is in
 * @param ordinal its 1-based position in the file, counting nested records
 * @param fields its fields without {@code attributes} and nested child records
 * @param parentType the parent's object when nested, else null
 * @param parentId the parent's id when nested, else null
 */
record TreeRecord(String type, String idField, String referenceId, String id, TreeFile file, int ordinal,
        Map<String, JsonNode> fields, String parentType, String parentId) {

    /**
     * @return {@code Contacts.json#ContactRef3}, or {@code Contacts.json#record 3}
     * without a reference id
     */
    String location() {
        return this.file.name() + "#" + ((this.referenceId != null) ? this.referenceId : "record " + this.ordinal);
    }

    /**
     * @return a key unique to this record within one read of the files
     */
    String key() {
        return this.file.name() + "#" + this.ordinal;
    }

    /**
     * @return the field that holds the parent's id when nested, else null
     */
    String parentField() {
        return (this.parentType != null) ? parentField(this.parentType) : null;
    }

    /**
     * The lookup field a nested child gets: {@code <ParentType>Id} for standard objects
     * ({@code AccountId} for a Contact nested in an Account), the parent's own name for
     * custom objects ({@code Experience__c} for a record nested in an
     * {@code Experience__c}), as Salesforce names lookup fields.
     * @param parentType the parent's object
     * @return the field name
     */
    static String parentField(String parentType) {
        return parentType.endsWith("__c") ? parentType : parentType + "Id";
    }

}
