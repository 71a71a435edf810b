package dev.switchyard.support.hubspot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * The real Salesforce export in {@code src/test/resources/data/sf-export-mashmatrix} (see
 * its PROVENANCE.md) as HubSpot records: accounts as companies, contacts as contacts with
 * their primary company, opportunities as deals with their company; each keeps its
 * Salesforce id in the unique property {@code legacy_id}.
 */
public final class MashmatrixPortal {

    private static final Path DIRECTORY = Path.of("src/test/resources/data/sf-export-mashmatrix");

    private MashmatrixPortal() {
    }

    /**
     * @return the accounts as company properties, in file order
     */
    public static List<Map<String, String>> companies() {
        List<Map<String, String>> companies = new ArrayList<>();
        for (Map<String, String> row : rows("Account")) {
            Map<String, String> company = new LinkedHashMap<>();
            company.put("legacy_id", row.get("Id"));
            company.put("name", row.get("Name"));
            company.put("phone", row.get("Phone"));
            company.put("city", row.get("BillingCity"));
            company.put("state", row.get("BillingState"));
            company.put("country", row.get("BillingCountry"));
            company.put("industry", industry(row.get("Industry")));
            company.put("description", row.get("Description"));
            companies.add(company);
        }
        return companies;
    }

    /**
     * @return the contacts as contact properties, each with {@code AccountId} kept apart
     * under the key {@code _account}
     */
    public static List<Map<String, String>> contacts() {
        List<Map<String, String>> contacts = new ArrayList<>();
        for (Map<String, String> row : rows("Contact")) {
            Map<String, String> contact = new LinkedHashMap<>();
            contact.put("legacy_id", row.get("Id"));
            contact.put("firstname", row.get("FirstName"));
            contact.put("lastname", row.get("LastName"));
            contact.put("email", row.get("Email"));
            contact.put("phone", row.get("Phone"));
            contact.put("jobtitle", row.get("Title"));
            contact.put("_account", row.get("AccountId"));
            contacts.add(contact);
        }
        return contacts;
    }

    /**
     * @return the opportunities as deal properties, each with {@code AccountId} kept
     * apart under the key {@code _account}
     */
    public static List<Map<String, String>> deals() {
        List<Map<String, String>> deals = new ArrayList<>();
        for (Map<String, String> row : rows("Opportunity")) {
            Map<String, String> deal = new LinkedHashMap<>();
            deal.put("legacy_id", row.get("Id"));
            deal.put("dealname", row.get("Name"));
            deal.put("amount", row.get("Amount"));
            deal.put("closedate", row.get("CloseDate"));
            deal.put("dealstage", switch (row.get("StageName")) {
                case "Closed Won" -> "closedwon";
                case "Closed Lost" -> "closedlost";
                default -> "qualifiedtobuy";
            });
            deal.put("pipeline", "default");
            deal.put("_account", row.get("AccountId"));
            deals.add(deal);
        }
        return deals;
    }

    /**
     * Seeds the portal with the companies, the contacts associated with their primary
     * company (types 1 and 279) and the deals associated with their company (5 and 341).
     * @param portal the portal
     * @return HubSpot id by Salesforce id
     */
    public static Map<String, String> seed(HubSpotStubPortal portal) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map<String, String> company : companies()) {
            ids.put(company.get("legacy_id"), portal.seed("companies", company));
        }
        for (Map<String, String> contact : contacts()) {
            String account = contact.remove("_account");
            String id = portal.seed("contacts", contact);
            ids.put(contact.get("legacy_id"), id);
            portal.associate("contacts", id, "companies", ids.get(account), 1);
            portal.associate("contacts", id, "companies", ids.get(account), 279);
        }
        for (Map<String, String> deal : deals()) {
            String account = deal.remove("_account");
            String id = portal.seed("deals", deal);
            ids.put(deal.get("legacy_id"), id);
            portal.associate("deals", id, "companies", ids.get(account), 5);
            portal.associate("deals", id, "companies", ids.get(account), 341);
        }
        return ids;
    }

    private static String industry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String option = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace("&", "");
        return PortalSchema.standard()
            .get("companies")
            .stream()
            .filter((p) -> p.name().equals("industry"))
            .findFirst()
            .orElseThrow()
            .options()
            .contains(option) ? option : "OTHER";
    }

    private static List<Map<String, String>> rows(String object) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
            .detectBomHeader(true)
            .ofNamedCsvRecord(DIRECTORY.resolve(object + ".csv"), StandardCharsets.UTF_8)) {
            for (NamedCsvRecord record : reader) {
                Map<String, String> values = new LinkedHashMap<>();
                List<String> header = record.getHeader();
                for (int i = 0; i < header.size(); i++) {
                    String value = record.getField(i);
                    values.put(header.get(i), value.isEmpty() ? null : value);
                }
                rows.add(values);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return rows;
    }

}
