package dev.switchyard.mapping;

import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.switchyard.mapping.transform.AddressSplit;
import dev.switchyard.mapping.transform.ChangeCase;
import dev.switchyard.mapping.transform.Concatenate;
import dev.switchyard.mapping.transform.Constant;
import dev.switchyard.mapping.transform.Copy;
import dev.switchyard.mapping.transform.CountryCode;
import dev.switchyard.mapping.transform.DefaultWhenBlank;
import dev.switchyard.mapping.transform.Expression;
import dev.switchyard.mapping.transform.MultiPicklistMap;
import dev.switchyard.mapping.transform.NormalizeEmail;
import dev.switchyard.mapping.transform.NullPolicy;
import dev.switchyard.mapping.transform.ParseBoolean;
import dev.switchyard.mapping.transform.ParseDate;
import dev.switchyard.mapping.transform.ParseNumber;
import dev.switchyard.mapping.transform.PhoneE164;
import dev.switchyard.mapping.transform.PicklistMap;
import dev.switchyard.mapping.transform.Reference;
import dev.switchyard.mapping.transform.RegexReplace;
import dev.switchyard.mapping.transform.Split;
import dev.switchyard.mapping.transform.StateCode;
import dev.switchyard.mapping.transform.Transform;
import dev.switchyard.mapping.transform.TransformJson;
import dev.switchyard.mapping.transform.Trim;
import dev.switchyard.mapping.transform.Truncate;
import dev.switchyard.scope.rule.Condition;
import dev.switchyard.scope.rule.Match;
import dev.switchyard.scope.rule.Operator;

/**
 * A mapping document that uses every built-in transform, with values a spreadsheet finds
 * awkward: formula-like text ({@code = + - @} first), {@code ;} inside names and values,
 * unicode beyond the BMP, control characters (those PostgreSQL stores), literal
 * {@code _xHHHH_} escapes, leading and trailing spaces, empty text next to null, long
 * text and many picklist values. Its names are trimmed, so saving it changes nothing.
 */
final class RichMappingDocument {

    /** A long text with unicode, about 6,000 characters. */
    static final String LONG_TEXT = "Lorem ipsum dolor sit amet, «ünïcödé» 日本語 😀; =not a formula\n".repeat(100);

    private RichMappingDocument() {
    }

    static MappingDocument create() {
        Map<String, String> industries = new LinkedHashMap<>();
        industries.put("Banking", "Finance");
        industries.put("=Insurance", "+Finance");
        industries.put("-1", "@minus one");
        industries.put("a;b", "x;y");
        industries.put("Ünïcödé 😀", "日本語");
        industries.put("_x0041_", "_x005F_");
        industries.put("padded target", "  spaces around  ");
        industries.put("to empty", "");
        industries.put("", "from empty");
        industries.put("tab\there", "line\nbreak\r\nand\rreturn");
        industries.put("bell\u0007", "escape\u001B");
        industries.put("123", "456");
        industries.put("TRUE", "FALSE");
        industries.put("2020-01-01", "2021-12-31");
        for (int i = 1; i <= 300; i++) {
            industries.put("Value " + i + " ü", "Target " + i);
        }
        Map<String, String> stagesA = new LinkedHashMap<>();
        stagesA.put("Closed/Won", "Closed Won");
        stagesA.put("Id. Decision Makers", "Id. Decision Makers");
        Map<String, String> stagesB = new LinkedHashMap<>();
        stagesB.put("Closed Won", "won");
        stagesB.put("Closed Lost", "lost");
        Map<String, String> interests = new LinkedHashMap<>();
        interests.put("Golf", "Golf");
        interests.put("Tennis & Pickleball", "Racket sports");
        interests.put("a;b key", "=x");
        interests.put("Ski", " spaced ");

        List<FieldMapping> accountFields = List.of(new FieldMapping("source_id", List.of("Id"), List.of(), null),
                new FieldMapping("name", List.of("Name"), List.of(new Trim(true), new ChangeCase(ChangeCase.Mode.TITLE),
                        new Truncate(80)), "=SUM(A1) is not a formula\nsecond line ü 😀"),
                new FieldMapping("industry", List.of("Industry"),
                        List.of(new Trim(false), new PicklistMap(industries, "Other ", true)), "+ many values"),
                new FieldMapping("phone", List.of("Phone", "BillingCountry"),
                        List.of(new PhoneE164("US", "BillingCountry")), null),
                new FieldMapping("country", List.of("BillingCountry"), List.of(new CountryCode()), null),
                new FieldMapping("state", List.of("BillingState", "BillingCountry"),
                        List.of(new StateCode("BillingCountry", "US")), null),
                new FieldMapping("street", List.of("BillingAddress"),
                        List.of(new AddressSplit(AddressSplit.Part.STREET, "US")), null),
                new FieldMapping("revenue", List.of("AnnualRevenue"),
                        List.of(new ParseNumber("de-DE", 2, RoundingMode.HALF_EVEN, false)), null),
                new FieldMapping("amount", List.of("Amount__c"), List.of(new ParseNumber()), null),
                new FieldMapping("founded", List.of("Founded__c"),
                        List.of(new ParseDate(List.of("dd.MM.yyyy", "ISO_LOCAL_DATE"), true, "Europe/Berlin")), null),
                new FieldMapping("active", List.of("Active__c"),
                        List.of(new ParseBoolean(List.of("ja", "+1"), List.of("nein", "-1"), true)), null),
                new FieldMapping("email", List.of("Email__c"), List.of(new NormalizeEmail(true)), null),
                new FieldMapping("owner", List.of("OwnerId"), List.of(new Reference("users")), null),
                new FieldMapping("label", List.of("Name", "Site"),
                        List.of(new Concatenate(List.of("Name", "Site"), " ; ", true), new DefaultWhenBlank("@none"),
                                new NullPolicy(NullPolicy.Mode.BLANK_TO_NULL)),
                        null),
                new FieldMapping("code", List.of("Billing;Street", "back\\slash", "trailing\\"),
                        List.of(new RegexReplace("^\\s+|\\s+$", ""), new Split("-", -1)), null),
                new FieldMapping("tier", List.of("Rating"),
                        List.of(new Expression("#record['Rating'] == 'Hot' ? 'A' : #value")), null),
                new FieldMapping("source_system", List.of(), List.of(new Constant("=HYPERLINK(\"http://evil\")")),
                        null),
                new FieldMapping("blank_constant", List.of(), List.of(new Constant("")), null),
                new FieldMapping("null_constant", List.of(), List.of(new Constant(null)), null),
                new FieldMapping("padded", List.of(), List.of(new Constant("  padded value  ")), null),
                new FieldMapping("long_text", List.of(), List.of(new Constant(LONG_TEXT)), LONG_TEXT.strip()),
                new FieldMapping("control", List.of(),
                        List.of(new Constant("_x0041_ literal, tab\tnewline\ncr\r bell\u0007 vertical tab\u000B")),
                        null),
                new FieldMapping("=weird_target", List.of("-minus", "@at", "+plus"), List.of(new Copy()), "@note"),
                new FieldMapping("名前", List.of("Name"), List.of(new Copy()), "日本語のメモ"));
        ObjectMapping account = new ObjectMapping("Account", "companies",
                new SourceFilter(Match.ALL,
                        List.of(Condition.of("Type", Operator.NOT_EQUALS, "=Other"),
                                Condition.of("Industry", Operator.IN, "Banking;Insurance"),
                                Condition.hasRelated("Opportunity", "AccountId"))),
                "source_id", accountFields);
        ObjectMapping opportunity = new ObjectMapping("Opportunity", "deals", null, null, List.of(
                new FieldMapping("stage", List.of("StageName"),
                        List.of(new PicklistMap(stagesA, "", false), new Trim(false),
                                new PicklistMap(stagesB, null, true)),
                        null),
                new FieldMapping("interests", List.of("Interests__c"),
                        List.of(new MultiPicklistMap(interests, null, true)), null),
                new FieldMapping("hobbies", List.of("Hobbies__c"), List.of(new MultiPicklistMap(Map.of(), "", false)),
                        null)));
        ObjectMapping lead = new ObjectMapping("Lead", "Person",
                new SourceFilter(Match.ANY, List.of(Condition.of("IsConverted", Operator.IS_FALSE, null))), "legacy_id",
                List.of(new FieldMapping("legacy_id", List.of("Id"), List.of(), null)));
        ObjectMapping contact = new ObjectMapping("Contact", "Person", null, "legacy_id",
                List.of(new FieldMapping("legacy_id", List.of("Id"), List.of(), null)));
        ObjectMapping long1 = new ObjectMapping("Very_Long_Custom_Object_Name__c", "another_very_long_target_name",
                null, null, List.of(new FieldMapping("x", List.of("X"), List.of(), null)));
        ObjectMapping long2 = new ObjectMapping("Very_Long_Custom_Object_Name__c", "another_very_long_target_name_2",
                null, null, List.of(new FieldMapping("y", List.of("Y"), List.of(), null)));
        ObjectMapping weird = new ObjectMapping("Weird[Obj]:*?/\\", "'quoted'", null, null,
                List.of(new FieldMapping("z", List.of("Z"), List.of(), null)));
        ObjectMapping empty = new ObjectMapping("Task", "activities", null, null, List.of());
        return new MappingDocument(7, List.of(account, opportunity, lead, contact, long1, long2, weird, empty),
                List.of(new PicklistSource("deals", "stage", "deal_stages", "name"),
                        new PicklistSource("Person", "Ünïcode", "lookup ; table", "=col")),
                List.of("Account.Name→companies.name", "=cmd", "", "spaces  around ", "日本語"));
    }

    /**
     * @param document a document
     * @return the type names of every transform it uses
     */
    static Set<String> types(MappingDocument document) {
        Set<String> types = new TreeSet<>();
        for (ObjectMapping object : document.objects()) {
            for (FieldMapping field : object.fields()) {
                for (Transform step : field.transforms()) {
                    types.add(TransformJson.typeName(step.getClass()));
                }
            }
        }
        return types;
    }

}
