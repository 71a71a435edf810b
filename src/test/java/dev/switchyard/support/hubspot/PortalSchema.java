package dev.switchyard.support.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stub portal's standard objects, their properties and the association types between
 * them (HUBSPOT_DEFINED ids from contract §2.7 and HubSpot's published list).
 */
final class PortalSchema {

    /**
     * Association types by "from/to": unlabelled id, inverse unlabelled id, primary id,
     * inverse primary id.
     */
    static final Map<String, int[]> PAIRS = new LinkedHashMap<>();

    static {
        pair("contacts", "companies", 279, 280, 1, 2);
        pair("deals", "companies", 341, 342, 5, 6);
        pair("deals", "contacts", 3, 4, 0, 0);
        pair("tickets", "contacts", 16, 15, 0, 0);
        pair("tickets", "companies", 26, 25, 0, 0);
        pair("tickets", "deals", 28, 27, 0, 0);
        pair("notes", "contacts", 202, 201, 0, 0);
        pair("notes", "companies", 190, 189, 0, 0);
        pair("notes", "deals", 214, 213, 0, 0);
        pair("tasks", "contacts", 204, 203, 0, 0);
        pair("tasks", "companies", 192, 191, 0, 0);
        pair("tasks", "deals", 216, 215, 0, 0);
        pair("calls", "contacts", 194, 193, 0, 0);
        pair("calls", "companies", 182, 181, 0, 0);
        pair("calls", "deals", 206, 205, 0, 0);
        pair("emails", "contacts", 198, 197, 0, 0);
        pair("emails", "companies", 186, 185, 0, 0);
        pair("emails", "deals", 210, 209, 0, 0);
        pair("meetings", "contacts", 200, 199, 0, 0);
        pair("meetings", "companies", 188, 187, 0, 0);
        pair("meetings", "deals", 212, 211, 0, 0);
    }

    private PortalSchema() {
    }

    private static void pair(String from, String to, int plain, int inversePlain, int primary, int inversePrimary) {
        PAIRS.put(from + "/" + to, new int[] { plain, primary });
        PAIRS.put(to + "/" + from, new int[] { inversePlain, inversePrimary });
    }

    /**
     * @param from an object
     * @param to another
     * @return the type ids of the pair: unlabelled, then primary (0 when none), or null
     */
    static int[] types(String from, String to) {
        return PAIRS.get(from + "/" + to);
    }

    /**
     * @param from an object
     * @param to another
     * @param typeId a type of the pair
     * @return the type of the inverse direction
     */
    static int inverse(String from, String to, int typeId) {
        int[] there = PAIRS.get(from + "/" + to);
        int[] back = PAIRS.get(to + "/" + from);
        return (there != null && back != null && typeId == there[1]) ? back[1] : (back != null) ? back[0] : typeId;
    }

    static Map<String, List<PortalProperty>> standard() {
        Map<String, List<PortalProperty>> objects = new LinkedHashMap<>();
        objects.put("contacts", with(PortalProperty.of("email", "string", "text"), PortalProperty.text("firstname"),
                PortalProperty.text("lastname"), PortalProperty.of("phone", "string", "phonenumber"),
                PortalProperty.text("jobtitle"),
                PortalProperty.select("lifecyclestage", "subscriber", "lead", "marketingqualifiedlead", "opportunity",
                        "customer", "other"),
                PortalProperty.readOnly("lastmodifieddate", "datetime", "date"),
                PortalProperty.calculated("num_associated_deals")));
        objects.put("companies", with(PortalProperty.text("name"), PortalProperty.text("domain"),
                PortalProperty.select("industry", "ACCOUNTING", "BANKING", "CONSTRUCTION", "EDUCATION", "ELECTRONICS",
                        "ENERGY", "ENGINEERING", "FOOD_BEVERAGES", "GOVERNMENT", "HOSPITALITY", "INSURANCE",
                        "MACHINERY", "MEDIA", "RETAIL", "TECHNOLOGY", "TELECOMMUNICATIONS", "TRANSPORTATION",
                        "UTILITIES", "OTHER"),
                PortalProperty.of("phone", "string", "phonenumber"), PortalProperty.text("city"),
                PortalProperty.text("state"), PortalProperty.text("country"),
                PortalProperty.of("annualrevenue", "number", "number"),
                PortalProperty.of("numberofemployees", "number", "number"), PortalProperty.text("description")));
        objects.put("deals", with(PortalProperty.text("dealname"), PortalProperty.of("amount", "number", "number"),
                PortalProperty.of("closedate", "datetime", "date"),
                PortalProperty.select("dealstage", "appointmentscheduled", "qualifiedtobuy", "presentationscheduled",
                        "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"),
                PortalProperty.select("pipeline", "default"), PortalProperty.text("description")));
        objects.put("tickets", with(PortalProperty.text("subject"), PortalProperty.of("content", "string", "textarea"),
                PortalProperty.select("hs_pipeline_stage", "1", "2", "3", "4")));
        objects.put("notes", with(PortalProperty.of("hs_timestamp", "datetime", "date"),
                PortalProperty.of("hs_note_body", "string", "textarea")));
        objects.put("tasks",
                with(PortalProperty.of("hs_timestamp", "datetime", "date"), PortalProperty.text("hs_task_subject"),
                        PortalProperty.of("hs_task_body", "string", "textarea"), PortalProperty.select("hs_task_status",
                                "NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"),
                        PortalProperty.select("hs_task_priority", "LOW", "MEDIUM", "HIGH")));
        objects.put("calls",
                with(PortalProperty.of("hs_timestamp", "datetime", "date"),
                        PortalProperty.of("hs_call_body", "string", "textarea"),
                        PortalProperty.of("hs_call_duration", "number", "number"),
                        PortalProperty.select("hs_call_direction", "INBOUND", "OUTBOUND")));
        objects.put("emails",
                with(PortalProperty.of("hs_timestamp", "datetime", "date"), PortalProperty.text("hs_email_subject"),
                        PortalProperty.of("hs_email_text", "string", "textarea"),
                        PortalProperty.select("hs_email_direction", "EMAIL", "INCOMING_EMAIL", "FORWARDED_EMAIL")));
        objects.put("meetings",
                with(PortalProperty.of("hs_timestamp", "datetime", "date"), PortalProperty.text("hs_meeting_title"),
                        PortalProperty.of("hs_meeting_start_time", "datetime", "date"),
                        PortalProperty.of("hs_meeting_end_time", "datetime", "date")));
        return objects;
    }

    private static List<PortalProperty> with(PortalProperty... own) {
        List<PortalProperty> properties = new ArrayList<>();
        properties.add(PortalProperty.readOnly("hs_object_id", "number", "number"));
        properties.add(PortalProperty.readOnly("createdate", "datetime", "date"));
        properties.add(PortalProperty.readOnly("hs_lastmodifieddate", "datetime", "date"));
        properties.add(PortalProperty.select("hubspot_owner_id", "101", "102", "103"));
        properties.add(PortalProperty.unique("legacy_id"));
        properties.addAll(List.of(own));
        return properties;
    }

}
