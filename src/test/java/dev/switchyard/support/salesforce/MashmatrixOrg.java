package dev.switchyard.support.salesforce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * The bundled Salesforce export (src/test/resources/data/sf-export-mashmatrix: Account,
 * Contact, Opportunity) as a stub org: field types read from the values, the lookups as
 * references, the required fields of the real objects, a few picklists (one restricted,
 * one dependent), a record type, two validation rules, and an external-id field
 * {@code Legacy_Id__c} on each object for loads into it.
 */
public final class MashmatrixOrg {

    /** The export's folder. */
    public static final Path DATA = Path.of("src/test/resources/data/sf-export-mashmatrix");

    /** The objects, parents first. */
    public static final List<String> OBJECTS = List.of("Account", "Contact", "Opportunity");

    private static final Set<String> SYSTEM = Set.of("Id", "IsDeleted", "CreatedDate", "LastModifiedDate",
            "SystemModstamp");

    private static final Map<String, String[]> REFERENCES = Map.of("AccountId", new String[] { "Account" }, "ParentId",
            new String[] { "Account" }, "ReportsToId", new String[] { "Contact" }, "OwnerId",
            new String[] { "Group", "User" }, "CreatedById", new String[] { "User" }, "LastModifiedById",
            new String[] { "User" }, "CampaignId", new String[] { "Campaign" }, "Pricebook2Id",
            new String[] { "Pricebook2" }, "IndividualId", new String[] { "Individual" }, "MasterRecordId",
            new String[] { "Self" });

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private MashmatrixOrg() {
    }

    /**
     * Defines the three objects (no records).
     * @param org the org
     */
    public static void define(SalesforceStubOrg org) {
        for (String object : OBJECTS) {
            org.define(definition(object, rows(object)));
        }
    }

    /**
     * Defines the objects and seeds every record of the export, with its original id.
     * @param org the org
     */
    public static void seed(SalesforceStubOrg org) {
        define(org);
        for (String object : OBJECTS) {
            List<Map<String, String>> rows = rows(object);
            StubObject definition = definition(object, rows);
            List<Map<String, Object>> records = new ArrayList<>();
            for (Map<String, String> row : rows) {
                Map<String, Object> record = new LinkedHashMap<>();
                row.forEach((column, value) -> definition.field(column)
                    .ifPresent((field) -> record.put(field.name(), value(field, value))));
                records.add(record);
            }
            org.seed(object, records);
        }
    }

    /**
     * @param object an object of the export
     * @return its rows, by column
     */
    public static List<Map<String, String>> rows(String object) {
        try {
            String text = Files.readString(DATA.resolve(object + ".csv"), StandardCharsets.UTF_8).replace("\uFEFF", "");
            List<Map<String, String>> rows = new ArrayList<>();
            try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(text)) {
                reader.forEach((r) -> rows.add(r.getFieldsAsMap()));
            }
            return rows;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static StubObject definition(String object, List<Map<String, String>> rows) {
        String prefix = switch (object) {
            case "Account" -> "001";
            case "Contact" -> "003";
            default -> "006";
        };
        StubObject definition = new StubObject(object, prefix);
        for (String column : rows.get(0).keySet()) {
            if (!SYSTEM.contains(column)) {
                definition.add(field(object, column, rows));
            }
        }
        definition.add(StubField.externalId("Legacy_Id__c", 18));
        switch (object) {
            case "Account" ->
                definition.add(StubField.picklist("Rating", true, "Hot", "Warm", "Cold").withInactive("Lukewarm"))
                    .add(StubField.picklist("Region__c", true, "EMEA", "APAC"))
                    .add(StubField.picklist("Subregion__c", false)
                        .dependentOn("Region__c", Map.of("DACH", "gA==", "Japan", "QA==")))
                    .recordType("Customer", "012000000000001AAA")
                    .validationRule("Name_Not_Test", "An account may not be called TEST", "Name", "Name = 'TEST'",
                            (r) -> "TEST".equals(r.get("Name")));
            case "Opportunity" ->
                definition.validationRule("Close_Date_Required", "Close date is required when the stage is Closed Won",
                        "CloseDate", "AND(ISPICKVAL(StageName, 'Closed Won'), ISBLANK(CloseDate))",
                        (r) -> "Closed Won".equals(r.get("StageName")) && r.get("CloseDate") == null);
            default -> {
            }
        }
        return definition;
    }

    private static StubField field(String object, String column, List<Map<String, String>> rows) {
        List<String> values = rows.stream().map((r) -> r.get(column)).filter((v) -> v != null && !v.isEmpty()).toList();
        boolean required = switch (object + "." + column) {
            case "Account.Name", "Contact.LastName", "Opportunity.Name", "Opportunity.StageName",
                    "Opportunity.CloseDate" ->
                true;
            default -> false;
        };
        StubField field;
        if (REFERENCES.containsKey(column)) {
            String[] targets = REFERENCES.get(column);
            field = StubField.reference(column, targets[0].equals("Self") ? new String[] { object } : targets);
        }
        else if (column.equals("StageName") || column.equals("Industry")) {
            field = StubField.picklist(column, false, values.stream().distinct().sorted().toArray(String[]::new));
        }
        else if (column.endsWith("Address") && values.stream().allMatch((v) -> v.startsWith("{"))) {
            field = StubField.of(column, "address");
        }
        else if (!values.isEmpty() && values.stream().allMatch((v) -> v.equals("true") || v.equals("false"))) {
            field = StubField.of(column, "boolean");
        }
        else if (!values.isEmpty() && values.stream().allMatch((v) -> DATE.matcher(v).matches())) {
            field = StubField.of(column, "date");
        }
        else if (!values.isEmpty() && values.stream().allMatch((v) -> DATE_TIME.matcher(v).matches())) {
            field = StubField.of(column, "datetime");
        }
        else if (!values.isEmpty() && values.stream().allMatch((v) -> NUMBER.matcher(v).matches())) {
            field = StubField.of(column, "double");
        }
        else if (values.stream().anyMatch((v) -> v.length() > 255 || v.contains("\n"))) {
            field = StubField.of(column, "textarea");
        }
        else {
            field = StubField.text(column, 255);
        }
        return required ? field.required() : field;
    }

    private static Object value(StubField field, String text) {
        if (field.type().equals("boolean")) {
            return Boolean.parseBoolean(text);
        }
        if (text == null || text.isEmpty()) {
            return null;
        }
        return field.type().equals("double") ? new BigDecimal(text) : text;
    }

}
