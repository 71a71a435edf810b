package dev.switchyard.demo;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.mapping.FieldMapping;
import dev.switchyard.mapping.MappingDocument;
import dev.switchyard.mapping.ObjectMapping;
import dev.switchyard.mapping.PicklistSource;
import dev.switchyard.mapping.transform.ParseNumber;
import dev.switchyard.mapping.transform.PicklistMap;
import dev.switchyard.mapping.transform.Transform;
import dev.switchyard.mapping.transform.Trim;

/**
 * The demo's mapping decisions that suggestions cannot make: what an analyst would curate
 * after accepting every suggestion for the bundled Salesforce export and the demo CRM.
 * <ul>
 * <li>{@code companies.industry} takes its values from the {@code industries} lookup
 * table; each of the export's 38 Salesforce industries is grouped into one of its 12
 * codes;</li>
 * <li>{@code companies.type} maps every account type to one the CHECK constraint allows
 * ({@code Old Customer} → {@code former customer});</li>
 * <li>{@code companies.employees} parses {@code NumberOfEmployees} to a whole
 * number;</li>
 * <li>{@code deals.deal_type}, which names do not match, takes {@code Opportunity.Type},
 * with the export's typo {@code Additional Lisence} corrected;</li>
 * <li>phones are copied as written (trimmed): the export's numbers are fictitious and
 * many fail E.164 validation, which would quarantine every contact.</li>
 * </ul>
 */
final class DemoMapping {

    /** Where {@code companies.industry}'s allowed values come from. */
    static final PicklistSource INDUSTRY_CODES = new PicklistSource("companies", "industry", "industries", "code");

    /** Salesforce industry (as in the export) → the demo CRM's industry code. */
    static final Map<String, String> INDUSTRIES = ordered("Aerospace", "Manufacturing", "Airlines", "Transportation",
            "Apparel", "Retail", "Apparel Retail", "Retail", "Auctions", "Retail", "Banking", "Finance",
            "Biotechnology", "Healthcare", "Chemicals", "Manufacturing", "Construction", "Real Estate",
            "Consumer Electronics", "Technology", "Department Stores", "Retail", "Drug Manufacturing", "Healthcare",
            "Drug Stores", "Retail", "Education", "Public Sector", "Electricity, Oil & Gas", "Energy",
            "Film Production", "Media", "Food & Beverages", "Retail", "Freight Services", "Transportation",
            "Hospitals & Clinics", "Healthcare", "Info & Doc Mgmt", "Services", "Info Collection", "Services",
            "Internet Portals", "Technology", "Investment Banking", "Finance", "Manufacture", "Manufacturing",
            "Motor Vehicles", "Manufacturing", "News Services", "Media", "Personal Computers", "Technology",
            "Photo Equipment", "Manufacturing", "Rail, Bus & Taxi", "Transportation", "Real Estate", "Real Estate",
            "Restaurants", "Retail", "Semiconductors", "Technology", "Software", "Technology", "Sporting Goods",
            "Manufacturing", "Sporting Goods Retail", "Retail", "Telecom Equipment", "Technology", "Telephone Services",
            "Technology", "Universities", "Public Sector");

    /** Salesforce account type → the demo CRM's company type. */
    static final Map<String, String> ACCOUNT_TYPES = ordered("Customer", "customer", "Customer - Direct", "customer",
            "Old Customer", "former customer", "Customer Candidate", "prospect", "Prospect", "prospect", "Partner",
            "partner");

    /**
     * Opportunity type → the demo CRM's deal type (free text): kept, but for the export's
     * typo.
     */
    static final Map<String, String> DEAL_TYPES = ordered("New Customer", "New Customer", "New Business",
            "New Business", "Existing Customer - Upgrade", "Existing Customer - Upgrade",
            "Existing Customer - Replacement", "Existing Customer - Replacement", "Existing Customer - Downgrade",
            "Existing Customer - Downgrade", "Installation Services", "Installation Services", "Additional Lisence",
            "Additional License");

    static final String PHONE_NOTE = "Copied as written (trimmed), not normalised to E.164: the demo export's phone "
            + "numbers are fictitious (e.g. 1-691-501-1932) and many fail validation, which would quarantine their "
            + "records. With real data, use the phone (E.164) step.";

    private DemoMapping() {
    }

    /**
     * @return the mapping to ask suggestions for: empty but for the industries lookup
     */
    static MappingDocument start() {
        return new MappingDocument(0, List.of(), List.of(INDUSTRY_CODES), List.of());
    }

    /**
     * @param suggested the mapping with every suggestion applied
     * @return it with the demo's curated field mappings in place of the suggested ones
     * @throws IllegalStateException when the suggestions did not map an object the demo
     * curates
     */
    static MappingDocument curate(MappingDocument suggested) {
        MappingDocument document = suggested;
        document = put(document, "Account", "companies",
                field("industry", "Industry", new PicklistMap(INDUSTRIES, null, true),
                        "Salesforce's industries grouped into the 12 codes of the industries table"),
                field("type", "Type", new PicklistMap(ACCOUNT_TYPES, null, true),
                        "Customer Candidate counts as a prospect, Old Customer as a former customer"),
                field("employees", "NumberOfEmployees", new ParseNumber(null, null, RoundingMode.HALF_UP, true), null),
                field("phone", "Phone", new Trim(false), PHONE_NOTE));
        document = put(document, "Contact", "people", field("phone", "Phone", new Trim(false), PHONE_NOTE),
                field("mobile_phone", "MobilePhone", new Trim(false), PHONE_NOTE));
        document = put(document, "Opportunity", "deals", field("deal_type", "Type",
                new PicklistMap(DEAL_TYPES, null, true), "The source's typo 'Additional Lisence' corrected"));
        return document;
    }

    private static MappingDocument put(MappingDocument document, String source, String target,
            FieldMapping... curated) {
        ObjectMapping object = document.object(source, target)
            .orElseThrow(() -> new IllegalStateException(
                    "The suggestions did not map " + source + " to " + target + ": the demo mapping needs it"));
        List<FieldMapping> fields = new ArrayList<>(object.fields());
        for (FieldMapping field : curated) {
            int at = fields.indexOf(object.field(field.target()).orElse(null));
            if (at >= 0) {
                fields.set(at, field);
            }
            else {
                fields.add(field);
            }
        }
        List<ObjectMapping> objects = new ArrayList<>(document.objects());
        objects.replaceAll((o) -> (o == object) ? object.withFields(fields) : o);
        return document.withObjects(objects);
    }

    private static FieldMapping field(String target, String source, Transform step, String note) {
        return new FieldMapping(target, List.of(source), List.of(step), note);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

}
