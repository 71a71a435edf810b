package dev.switchyard.bench;

import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.switchyard.mapping.transform.AddressSplit;
import dev.switchyard.mapping.transform.Chain;
import dev.switchyard.mapping.transform.ChangeCase;
import dev.switchyard.mapping.transform.Concatenate;
import dev.switchyard.mapping.transform.Copy;
import dev.switchyard.mapping.transform.CountryCode;
import dev.switchyard.mapping.transform.NormalizeEmail;
import dev.switchyard.mapping.transform.ParseBoolean;
import dev.switchyard.mapping.transform.ParseDate;
import dev.switchyard.mapping.transform.ParseNumber;
import dev.switchyard.mapping.transform.PhoneE164;
import dev.switchyard.mapping.transform.PicklistMap;
import dev.switchyard.mapping.transform.Reference;
import dev.switchyard.mapping.transform.StateCode;
import dev.switchyard.mapping.transform.TransformContext;
import dev.switchyard.mapping.transform.TransformException;
import dev.switchyard.mapping.transform.Trim;
import dev.switchyard.mapping.transform.Truncate;

/**
 * The benchmark's {@code transform} phase: a typical 20-field mapping per object (trim,
 * case, picklists, number/date/boolean parsing, phones to E.164, e-mail, address split,
 * country and state codes, references) applied to every record of the generated export.
 * Only the transforms are timed: records are read in batches first, so the CSV reading is
 * not counted and memory stays bounded.
 */
final class TransformWorkload {

    /**
     * Records read before the clock starts, then transformed. A thousand records (about 2
     * MB as maps) are still in the processor's caches when they are transformed, as in a
     * run that transforms each record as it reads it; 20,000 (the first version, about 40
     * MB) are not, and then the phase also times fetching every record back from memory:
     * about 1.4 s per million records with every chain a plain copy, see
     * docs/benchmarks.md. {@code -Dbench.transformBatch=20000} measures that way.
     */
    private static final int BATCH = Integer.getInteger("bench.transformBatch", 1_000);

    /**
     * Per-field times are measured on every 16th record only and scaled up: reading the
     * clock twice per value would cost about 50 ns a value, a noticeable part of a fast
     * transform. The phase's total is measured around each batch, not summed.
     */
    private static final int TIMED_EVERY = 16;

    private long nanos;

    private long records;

    private long values;

    private long errors;

    private final Map<String, long[]> byTarget = new java.util.TreeMap<>();

    /**
     * @return the slowest target fields: "object.field seconds (errors)", the seconds
     * estimated from every 16th record
     */
    List<String> slowest(int count) {
        return this.byTarget.entrySet()
            .stream()
            .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
            .limit(count)
            .map((e) -> String.format(java.util.Locale.ROOT, "%s %.2f s (%d errors)", e.getKey(), e.getValue()[0] / 1e9,
                    e.getValue()[1]))
            .toList();
    }

    int batch() {
        return BATCH;
    }

    long records() {
        return this.records;
    }

    long values() {
        return this.values;
    }

    long errors() {
        return this.errors;
    }

    double seconds() {
        return this.nanos / 1e9;
    }

    void run(Path folder) throws IOException {
        run(folder.resolve("Account.csv"), "Account", account());
        run(folder.resolve("Contact.csv"), "Contact", contact());
        run(folder.resolve("Opportunity.csv"), "Opportunity", opportunity());
    }

    private void run(Path file, String object, Map<String, Mapped> mapping) throws IOException {
        List<Map<String, Object>> batch = new ArrayList<>(BATCH);
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file)) {
            for (NamedCsvRecord row : reader) {
                batch.add(new LinkedHashMap<>(row.getFieldsAsMap()));
                if (batch.size() == BATCH) {
                    transform(object, batch, mapping);
                    batch.clear();
                }
            }
        }
        transform(object, batch, mapping);
    }

    private void transform(String object, List<Map<String, Object>> batch, Map<String, Mapped> mapping) {
        String[] targets = mapping.keySet().toArray(String[]::new);
        Mapped[] mapped = mapping.values().toArray(Mapped[]::new);
        long[][] stats = new long[targets.length][];
        for (int t = 0; t < targets.length; t++) {
            stats[t] = this.byTarget.computeIfAbsent(object + "." + targets[t], (k) -> new long[2]);
        }
        long start = System.nanoTime();
        for (Map<String, Object> record : batch) {
            String id = (String) record.get("Id");
            boolean timed = (this.records % TIMED_EVERY) == 0;
            for (int t = 0; t < targets.length; t++) {
                long before = timed ? System.nanoTime() : 0;
                TransformContext context = new TransformContext(id, record, targets[t], 255);
                try {
                    mapped[t].chain().apply(record.get(mapped[t].source()), context);
                }
                catch (TransformException ex) {
                    this.errors++;
                    stats[t][1]++;
                }
                if (timed) {
                    stats[t][0] += (System.nanoTime() - before) * TIMED_EVERY;
                }
            }
            this.values += targets.length;
            this.records++;
        }
        this.nanos += System.nanoTime() - start;
    }

    private static Map<String, Mapped> account() {
        Map<String, Mapped> m = new LinkedHashMap<>();
        m.put("source_id", new Mapped("Id", Chain.of(new Copy())));
        m.put("name", new Mapped("Name", Chain.of(new Trim(true), new Truncate(255))));
        m.put("kind", new Mapped("Type", Chain.of(new Trim(false), new PicklistMap(
                Map.of("Customer", "customer", "Partner", "partner", "Reseller", "partner", "Prospect", "prospect"),
                "other", true))));
        m.put("industry", new Mapped("Industry", Chain.of(new Trim(false), new ChangeCase(ChangeCase.Mode.LOWER))));
        m.put("phone", new Mapped("Phone", Chain.of(new PhoneE164("US", "BillingCountry"))));
        m.put("website", new Mapped("Website", Chain.of(new Trim(false), new ChangeCase(ChangeCase.Mode.LOWER))));
        m.put("street", new Mapped("BillingAddress", Chain.of(new AddressSplit(AddressSplit.Part.STREET, "US"))));
        m.put("city", new Mapped("BillingCity", Chain.of(new Trim(true), new ChangeCase(ChangeCase.Mode.TITLE))));
        m.put("state", new Mapped("BillingState", Chain.of(new StateCode("BillingCountry", "US"))));
        m.put("postal_code",
                new Mapped("BillingAddress", Chain.of(new AddressSplit(AddressSplit.Part.POSTAL_CODE, "US"))));
        m.put("country", new Mapped("BillingCountry", Chain.of(new CountryCode())));
        m.put("annual_revenue",
                new Mapped("AnnualRevenue", Chain.of(new ParseNumber("en-US", null, RoundingMode.HALF_UP, true))));
        m.put("employees", new Mapped("NumberOfEmployees", Chain.of(new ParseNumber())));
        m.put("description", new Mapped("Description", Chain.of(new Trim(true), new Truncate(4000))));
        m.put("owner_id", new Mapped("OwnerId", Chain.of(new Reference("User"))));
        m.put("created_at", new Mapped("CreatedDate", Chain.of(new ParseDate(null, false, "UTC"))));
        m.put("updated_at", new Mapped("LastModifiedDate", Chain.of(new ParseDate(null, false, "UTC"))));
        m.put("created_on", new Mapped("CreatedDate", Chain.of(new ParseDate(null, true, "UTC"))));
        m.put("fax", new Mapped("Fax", Chain.of(new Trim(false))));
        m.put("label", new Mapped("Name", Chain.of(new Trim(true), new ChangeCase(ChangeCase.Mode.UPPER))));
        return m;
    }

    private static Map<String, Mapped> contact() {
        Map<String, Mapped> m = new LinkedHashMap<>();
        m.put("source_id", new Mapped("Id", Chain.of(new Copy())));
        m.put("company_id", new Mapped("AccountId", Chain.of(new Reference("Account"))));
        m.put("manager_id", new Mapped("ReportsToId", Chain.of(new Reference("Contact"))));
        m.put("salutation",
                new Mapped("Salutation",
                        Chain.of(new PicklistMap(
                                Map.of("Mr.", "mr", "Mrs.", "mrs", "Ms.", "ms", "Dr.", "dr", "Prof.", "prof"), "",
                                true))));
        m.put("first_name", new Mapped("FirstName", Chain.of(new Trim(true), new ChangeCase(ChangeCase.Mode.TITLE))));
        m.put("last_name", new Mapped("LastName", Chain.of(new Trim(true), new ChangeCase(ChangeCase.Mode.TITLE))));
        m.put("full_name",
                new Mapped("FirstName", Chain.of(new Concatenate(List.of("FirstName", "LastName"), " ", true))));
        m.put("title", new Mapped("Title", Chain.of(new Trim(true), new Truncate(128))));
        m.put("email", new Mapped("Email", Chain.of(new NormalizeEmail(true))));
        m.put("phone", new Mapped("Phone", Chain.of(new PhoneE164("US", null))));
        m.put("mobile", new Mapped("MobilePhone", Chain.of(new PhoneE164("US", null))));
        m.put("birthdate",
                new Mapped("Birthdate", Chain.of(new ParseDate(List.of("MM/dd/yyyy", "dd/MM/yyyy"), true, "UTC"))));
        m.put("street", new Mapped("MailingStreet", Chain.of(new Trim(true))));
        m.put("city", new Mapped("MailingCity", Chain.of(new Trim(true), new ChangeCase(ChangeCase.Mode.TITLE))));
        m.put("state", new Mapped("MailingState", Chain.of(new StateCode(null, "US"))));
        m.put("postal_code", new Mapped("MailingPostalCode", Chain.of(new Trim(false))));
        m.put("lead_source", new Mapped("LeadSource", Chain.of(new ChangeCase(ChangeCase.Mode.LOWER))));
        m.put("owner_id", new Mapped("OwnerId", Chain.of(new Reference("User"))));
        m.put("created_at", new Mapped("CreatedDate", Chain.of(new ParseDate(null, false, "UTC"))));
        m.put("updated_at", new Mapped("LastModifiedDate", Chain.of(new ParseDate(null, false, "UTC"))));
        return m;
    }

    private static Map<String, Mapped> opportunity() {
        Map<String, Mapped> m = new LinkedHashMap<>();
        m.put("source_id", new Mapped("Id", Chain.of(new Copy())));
        m.put("company_id", new Mapped("AccountId", Chain.of(new Reference("Account"))));
        m.put("name", new Mapped("Name", Chain.of(new Trim(true), new Truncate(255))));
        m.put("stage", new Mapped("StageName", Chain.of(new ChangeCase(ChangeCase.Mode.LOWER))));
        m.put("amount", new Mapped("Amount", Chain.of(new ParseNumber("en-US", 2, RoundingMode.HALF_EVEN, false))));
        m.put("close_date", new Mapped("CloseDate", Chain.of(new ParseDate(List.of("yyyy-MM-dd"), true, "UTC"))));
        m.put("probability",
                new Mapped("Probability", Chain.of(new ParseNumber("en-US", null, RoundingMode.HALF_UP, true))));
        m.put("closed", new Mapped("IsClosed", Chain.of(ParseBoolean.salesforceCheckbox())));
        m.put("won", new Mapped("IsWon", Chain.of(ParseBoolean.salesforceCheckbox())));
        m.put("updated_at", new Mapped("LastModifiedDate", Chain.of(new ParseDate(null, false, "UTC"))));
        return m;
    }

    /**
     * A target field: its source field and its chain.
     *
     * @param source the source field
     * @param chain the transforms
     */
    private record Mapped(String source, Chain chain) {
    }

}
