package dev.switchyard.extraction;

import java.util.Locale;
import java.util.Map;

/**
 * The objects of Salesforce's standard key prefixes (the first three characters of a
 * record id), and the object a field's name suggests, for naming what a reference to an
 * object outside the export points at.
 */
final class KeyPrefixes {

    private static final Map<String, String> OBJECTS = Map.ofEntries(Map.entry("001", "Account"),
            Map.entry("002", "Note"), Map.entry("003", "Contact"), Map.entry("005", "User"),
            Map.entry("006", "Opportunity"), Map.entry("00D", "Organization"), Map.entry("00E", "UserRole"),
            Map.entry("00G", "Group (queue)"), Map.entry("00O", "Report"), Map.entry("00P", "Attachment"),
            Map.entry("00Q", "Lead"), Map.entry("00T", "Task"), Map.entry("00U", "Event"),
            Map.entry("00X", "EmailTemplate"), Map.entry("00e", "Profile"), Map.entry("00k", "OpportunityLineItem"),
            Map.entry("012", "RecordType"), Map.entry("015", "Document"), Map.entry("01s", "Pricebook2"),
            Map.entry("01t", "Product2"), Map.entry("01u", "PricebookEntry"), Map.entry("02i", "Asset"),
            Map.entry("02s", "EmailMessage"), Map.entry("068", "ContentVersion"), Map.entry("069", "ContentDocument"),
            Map.entry("0Q0", "Quote"), Map.entry("0WO", "WorkOrder"), Map.entry("500", "Case"),
            Map.entry("501", "Solution"), Map.entry("701", "Campaign"), Map.entry("00v", "CampaignMember"),
            Map.entry("800", "Contract"), Map.entry("801", "Order"), Map.entry("802", "OrderItem"),
            Map.entry("0PS", "PermissionSet"), Map.entry("0OL", "Territory2"));

    /** Field names Salesforce gives references to users. */
    private static final Map<String, String> FIELDS = Map.of("ownerid", "User", "createdbyid", "User",
            "lastmodifiedbyid", "User", "recordtypeid", "RecordType", "masterrecordid", "the same object (merged)");

    private KeyPrefixes() {
    }

    /**
     * @param prefix a Salesforce key prefix
     * @return the standard object it belongs to, or null (a custom object, or unknown)
     */
    static String objectOf(String prefix) {
        return (prefix != null) ? OBJECTS.get(prefix) : null;
    }

    /**
     * @param field a reference field's name
     * @return the object its name suggests: {@code OwnerId} → User, {@code Territory__c}
     * → Territory, {@code region_id} → region; null when it names none
     */
    static String objectNamed(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        String known = FIELDS.get(lower);
        if (known != null) {
            return known;
        }
        String name = field;
        if (name.endsWith("__c")) {
            name = name.substring(0, name.length() - 3);
        }
        String lowered = name.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] { "_id", "id" }) {
            if (lowered.endsWith(suffix) && lowered.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        name = name.replaceAll("[_\\s]+$", "");
        return name.isEmpty() || name.equals(field) && !field.endsWith("__c") ? null : name;
    }

}
