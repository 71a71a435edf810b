package dev.switchyard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * Writes a deterministic, synthetic Salesforce-like CSV export of {@code N} records into
 * a folder: {@code Account.csv} (20%), {@code Contact.csv} (50%) and
 * {@code Opportunity.csv} (30%). Rows are streamed straight to the files; nothing but a
 * few small word lists is held in memory.
 * <p>
 * Everything that other rows refer to (an account's id, name and phone, a contact's id)
 * is a pure function of the row's index, so that references, duplicates and hierarchies
 * can be produced without remembering earlier rows. The rest comes from one fixed-seed
 * random generator per file.
 */
public final class CrmExportGenerator {

    /** Bump when the generated data changes, so that cached exports are regenerated. */
    static final int VERSION = 1;

    private static final long SEED = 0x5317C4A7D00DL;

    private static final String MARKER = ".generated";

    static final String[] ACCOUNT_HEADER = { "Id", "Name", "Type", "Industry", "Phone", "Fax", "Website",
            "BillingAddress", "BillingCity", "BillingState", "BillingPostalCode", "BillingCountry", "AnnualRevenue",
            "NumberOfEmployees", "Description", "OwnerId", "CreatedDate", "LastModifiedDate" };

    static final String[] CONTACT_HEADER = { "Id", "AccountId", "ReportsToId", "Salutation", "FirstName", "LastName",
            "Title", "Email", "Phone", "MobilePhone", "Birthdate", "MailingStreet", "MailingCity", "MailingState",
            "MailingPostalCode", "LeadSource", "OwnerId", "CreatedDate", "LastModifiedDate" };

    static final String[] OPPORTUNITY_HEADER = { "Id", "AccountId", "Name", "Type", "StageName", "Amount",
            "Probability", "CloseDate", "IsClosed", "IsWon", "ForecastCategory", "LeadSource", "NextStep", "OwnerId",
            "CreatedDate", "LastModifiedDate" };

    private static final String[] SYLLABLES = { "ac", "al", "an", "ar", "ba", "bel", "bri", "ca", "cor", "da", "del",
            "dy", "el", "en", "fa", "fin", "ga", "gen", "ha", "hel", "in", "ir", "jo", "ka", "kel", "la", "lin", "lo",
            "ma", "mer", "mon", "na", "nor", "o", "pa", "pol", "qua", "ra", "ron", "sa", "sel", "sta", "ta", "tel",
            "tri", "u", "va", "ven", "vi", "wa", "xen", "ya", "zan", "zo" };

    private static final String[] NOUNS = { "Systems", "Industries", "Logistics", "Foods", "Motors", "Energy",
            "Partners", "Holdings", "Technologies", "Solutions", "Labs", "Networks", "Media", "Health", "Capital",
            "Pharma", "Robotics", "Textiles", "Analytics", "Airlines", "Consulting", "Builders", "Retail", "Brands",
            "Devices", "Software", "Materials", "Outfitters", "Dynamics", "Ventures", "Design", "Marine", "Metals",
            "Chemicals", "Electric", "Optics", "Supply", "Finance", "Insurance", "Travel" };

    private static final String[] LEGAL = { "Inc", "Inc.", "Corp", "Corp.", "LLC", "Ltd", "Co.", "Group", "" };

    private static final String[] INDUSTRIES = { "Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals",
            "Communications", "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
            "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare", "Hospitality",
            "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit", "Other", "Recreation", "Retail",
            "Shipping", "Technology", "Telecommunications", "Transportation", "Utilities", "Aerospace", "Automotive",
            "Consumer Electronics", "Cosmetics", "Defense", "Furniture", "Gaming", "Legal", "Logistics", "Mining",
            "Pharmaceuticals", "Real Estate", "Semiconductors", "Software", "Sports", "Textiles", "Tobacco",
            "Wholesale", "Water", "" };

    private static final String[] ACCOUNT_TYPES = { "Customer - Direct", "Customer - Channel", "Prospect", "Partner",
            "Reseller", "Other", "" };

    private static final String[] STREETS = { "Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Pine St", "Elm St",
            "Washington Blvd", "Lake Rd", "Hill St", "Park Ave", "Sunset Blvd", "Broadway", "Market St", "2nd Ave",
            "Church Rd", "Mill Rd", "River Rd", "Highland Ave", "Irvine Center Dr", "Kathy St" };

    private static final String[][] CITIES = { { "Glendale", "AZ" }, { "Irvine", "CA" }, { "San Francisco", "CA" },
            { "Boston", "MA" }, { "Portland", "ME" }, { "Newark", "NJ" }, { "Hartford", "CT" }, { "Austin", "TX" },
            { "Chicago", "IL" }, { "Denver", "CO" }, { "Seattle", "WA" }, { "Atlanta", "GA" }, { "Miami", "FL" },
            { "New York", "NY" }, { "Providence", "RI" }, { "Burlington", "VT" }, { "Phoenix", "AZ" },
            { "Columbus", "OH" }, { "Nashville", "TN" }, { "South Lake Tahoe", "CA" } };

    private static final String[] FIRST_NAMES = { "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
            "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
            "Sarah", "Charles", "Karen", "Emma", "Liam", "Olivia", "Noah", "Ava", "Sophia", "Mateo", "Isabella",
            "Lucas", "Mia", "Hiroshi", "Yuki", "Priya", "Arjun", "Chen", "Wei", "Fatima", "Omar", "Zoë", "José",
            "François", "Björn", "Siobhan", "Dmitri", "Ana", "Kwame", "Aisha", "Lars", "Ingrid", "Pablo" };

    private static final String[] LAST_NAMES = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
            "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
            "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
            "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen",
            "Hill", "Flores", "O'Brien", "Müller", "Tanaka", "Sato", "Kim", "Park", "Novak", "Kowalski", "Rossi",
            "Dubois" };

    private static final String[] TITLES = { "CEO", "CFO", "VP Sales", "Director of Sales", "Buyer", "Procurement",
            "SVP, Operations", "Office Manager", "IT Manager", "Engineer", "Analyst", "" };

    private static final String[] SALUTATIONS = { "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "" };

    private static final String[] LEAD_SOURCES = { "Web", "Phone Inquiry", "Partner Referral", "Purchased List",
            "Trade Show", "Word of mouth", "Other", "" };

    private static final String[] DOMAINS = { "example.com", "mail.example.org", "corp.example.net", "gmail.example",
            "outlook.example" };

    private static final String[] STAGES = { "Prospecting", "Qualification", "Needs Analysis", "Value Proposition",
            "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost" };

    private static final int[] STAGE_PROBABILITY = { 10, 20, 25, 50, 75, 90, 100, 0 };

    private static final String[] FORECAST = { "Pipeline", "Pipeline", "Pipeline", "BestCase", "BestCase", "Commit",
            "Closed", "Omitted" };

    private static final String[] OPPORTUNITY_TYPES = { "New Customer", "Existing Customer - Upgrade",
            "Existing Customer - Replacement", "Existing Customer - Downgrade", "" };

    private static final String[] PRODUCTS = { "Generators", "Installation", "SLA Gold", "SLA Silver", "Consulting",
            "Licenses", "Support Renewal", "Hardware Refresh", "Training", "Pilot" };

    private static final String[] OWNERS = { "005f4000000VrDDAA0", "005f4000000VrDEAA0", "005f4000000VrDFAA0",
            "005f4000000VrDGAA0", "005f4000000VrDHAA0" };

    private static final DateTimeFormatter SF_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'",
            Locale.ROOT);

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);

    private static final DateTimeFormatter EU_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    private static final LocalDateTime EPOCH = LocalDateTime.of(2015, 1, 1, 0, 0);

    private final long records;

    private final long accounts;

    private final long contacts;

    private final long opportunities;

    private final long scatterStep;

    /**
     * @param records the total number of records (at least 10)
     */
    public CrmExportGenerator(long records) {
        if (records < 10) {
            throw new IllegalArgumentException("At least 10 records, please");
        }
        this.records = records;
        this.accounts = records / 5;
        this.contacts = records / 2;
        this.opportunities = records - this.accounts - this.contacts;
        long step = 7_919;
        while (gcd(step, this.accounts) != 1) {
            step++;
        }
        this.scatterStep = step;
    }

    public long accounts() {
        return this.accounts;
    }

    public long contacts() {
        return this.contacts;
    }

    public long opportunities() {
        return this.opportunities;
    }

    /**
     * Generates the export unless the folder already holds one of the same size and
     * generator version.
     * @param folder the folder
     * @return true when files were written, false when an earlier export was reused
     * @throws IOException when the files cannot be written
     */
    public boolean generateInto(Path folder) throws IOException {
        Path marker = folder.resolve(MARKER);
        String expected = "records=" + this.records + " version=" + VERSION + "\n";
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(expected)) {
            return false;
        }
        Files.createDirectories(folder);
        Files.deleteIfExists(marker);
        writeAccounts(folder.resolve("Account.csv"));
        writeContacts(folder.resolve("Contact.csv"));
        writeOpportunities(folder.resolve("Opportunity.csv"));
        Files.writeString(marker, expected);
        return true;
    }

    private static CsvWriter writer(Path file) throws IOException {
        return CsvWriter.builder()
            .lineDelimiter(LineDelimiter.LF)
            .bufferSize(64 * 1024)
            .build(file, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ accounts

    private void writeAccounts(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        String[] row = new String[ACCOUNT_HEADER.length];
        try (CsvWriter csv = writer(file)) {
            csv.writeRecord(ACCOUNT_HEADER);
            for (long i = 0; i < this.accounts; i++) {
                String[] city = pick(CITIES, random);
                LocalDateTime created = EPOCH.plusSeconds(random.nextLong(8L * 365 * 86400));
                row[0] = accountId(i);
                row[1] = accountName(i);
                row[2] = pick(ACCOUNT_TYPES, random);
                row[3] = pick(INDUSTRIES, random);
                row[4] = accountPhone(i);
                row[5] = (random.nextInt(3) == 0) ? phone(mix(i, 11), random.nextInt(4)) : "";
                row[6] = (random.nextInt(5) == 0) ? ""
                        : "www." + baseWord(i).toLowerCase(Locale.ROOT) + ((random.nextInt(4) == 0) ? ".net" : ".com");
                String zip = zip(random);
                String plus4 = (random.nextInt(3) == 0)
                        ? "-" + String.format(Locale.ROOT, "%04d", random.nextInt(10000)) : "";
                String street = (1 + random.nextInt(9999)) + " " + pick(STREETS, random);
                String suite = (random.nextInt(3) == 0) ? ", Suite " + (1 + random.nextInt(400)) : "";
                row[7] = (random.nextInt(10) == 0) ? ""
                        : street + suite + ", " + city[0] + "(" + city[1] + ") " + zip + plus4;
                row[8] = city[0];
                row[9] = city[1];
                row[10] = lostLeadingZero(zip, random);
                row[11] = (random.nextInt(4) == 0) ? "US" : "United States";
                row[12] = revenue(random);
                row[13] = (random.nextInt(4) == 0) ? "" : Integer.toString(1 + random.nextInt(50000));
                row[14] = description(i, random);
                row[15] = pick(OWNERS, random);
                row[16] = SF_DATETIME.format(created);
                row[17] = SF_DATETIME.format(created.plusSeconds(random.nextLong(3L * 365 * 86400)));
                csv.writeRecord(row);
            }
        }
    }

    /**
     * Account names: mostly unique invented company names; about 2% are near duplicates
     * of an earlier account's name ("Acme Corp" vs "ACME Corporation") and about 0.5%
     * exact duplicates of an earlier account, phone included (see
     * {@link #accountPhone(long)}).
     */
    String accountName(long i) {
        long kind = mix(i, 1) % 1000;
        if (i > 0 && kind < 5) {
            return accountName(duplicateOf(i));
        }
        if (i > 0 && kind < 25) {
            return nearDuplicate(baseName(duplicateOf(i)), mix(i, 2));
        }
        return baseName(i);
    }

    private String accountPhone(long i) {
        long kind = mix(i, 1) % 1000;
        if (i > 0 && kind < 5) {
            return accountPhone(duplicateOf(i));
        }
        long h = mix(i, 3);
        return phone(h, (int) ((h >>> 40) % 4));
    }

    private static long duplicateOf(long i) {
        return i - 1 - (mix(i, 4) % Math.min(i, 5000));
    }

    private static String baseWord(long i) {
        long h = mix(i, 5);
        int syllables = 2 + (int) (h % 2);
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            h = h / 97 + mix(h, s);
            word.append(SYLLABLES[(int) Long.remainderUnsigned(h, SYLLABLES.length)]);
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }

    private static String baseName(long i) {
        long h = mix(i, 6);
        String legal = LEGAL[(int) (h % LEGAL.length)];
        String noun = NOUNS[(int) ((h >>> 8) % NOUNS.length)];
        String name = baseWord(i) + " " + noun;
        return legal.isEmpty() ? name : name + " " + legal;
    }

    private static String nearDuplicate(String name, long h) {
        return switch ((int) (h % 6)) {
            case 0 -> name.toUpperCase(Locale.ROOT);
            case 1 -> name.replace(" Corp.", " Corporation")
                .replace(" Corp", " Corporation")
                .replace(" Inc.", " Incorporated")
                .replace(" Inc", ", Inc.")
                .replace(" Ltd", " Limited")
                .replace(" LLC", ", L.L.C.");
            case 2 -> name + " ";
            case 3 -> name.replace(" ", "  ");
            case 4 -> name.substring(0, name.lastIndexOf(' ') > 0 ? name.lastIndexOf(' ') : name.length());
            default -> "The " + name.toUpperCase(Locale.ROOT).replace(" CORP", " CORPORATION");
        };
    }

    private static String description(long i, SplittableRandom random) {
        int kind = random.nextInt(100);
        if (kind < 60) {
            return "";
        }
        if (kind < 95) {
            return "Key account in " + INDUSTRIES[random.nextInt(INDUSTRIES.length - 1)].toLowerCase(Locale.ROOT)
                    + ", renewal due in Q" + (1 + random.nextInt(4)) + ".";
        }
        if (kind < 98) {
            return "Met at the \"" + (2016 + random.nextInt(8)) + " Summit\", wants a demo;\nfollow up with "
                    + pick(FIRST_NAMES, random) + ", please.";
        }
        return "Line one of the notes for account " + i + "\nline two, with a comma\r\nand a third line.";
    }

    private static String revenue(SplittableRandom random) {
        long dollars = (1 + random.nextInt(99_999)) * 10_000L;
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> Long.toString(dollars);
            case 2 -> dollars + ".00";
            default -> String.format(Locale.US, "$%,d.00 ", dollars);
        };
    }

    // ------------------------------------------------------------------ contacts

    private void writeContacts(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        String[] row = new String[CONTACT_HEADER.length];
        try (CsvWriter csv = writer(file)) {
            csv.writeRecord(CONTACT_HEADER);
            for (long j = 0; j < this.contacts; j++) {
                // contacts come in blocks of 2-3 per account; the block's first contact
                // is
                // the one the others may report to
                long block = j * this.accounts / this.contacts;
                long first = ceilDiv(block * this.contacts, this.accounts);
                String first2 = pick(FIRST_NAMES, random);
                String last = pick(LAST_NAMES, random);
                LocalDateTime created = EPOCH.plusSeconds(random.nextLong(8L * 365 * 86400));
                String[] city = pick(CITIES, random);
                row[0] = id("003", j);
                row[1] = accountId(scatter(block));
                row[2] = (j > first && random.nextInt(5) < 2) ? id("003", first) : "";
                row[3] = pick(SALUTATIONS, random);
                row[4] = first2;
                row[5] = last;
                row[6] = pick(TITLES, random);
                row[7] = email(first2, last, random);
                row[8] = (random.nextInt(6) == 0) ? "" : phone(random.nextLong(), random.nextInt(4));
                row[9] = (random.nextInt(2) == 0) ? "" : phone(random.nextLong(), random.nextInt(4));
                row[10] = birthdate(random);
                row[11] = (1 + random.nextInt(9999)) + " " + pick(STREETS, random);
                row[12] = city[0];
                row[13] = city[1];
                row[14] = lostLeadingZero(zip(random), random);
                row[15] = pick(LEAD_SOURCES, random);
                row[16] = pick(OWNERS, random);
                row[17] = SF_DATETIME.format(created);
                row[18] = SF_DATETIME.format(created.plusSeconds(random.nextLong(2L * 365 * 86400)));
                csv.writeRecord(row);
            }
        }
    }

    private static String email(String first, String last, SplittableRandom random) {
        String local = ascii(first) + "." + ascii(last);
        String domain = DOMAINS[random.nextInt(DOMAINS.length)];
        return switch (random.nextInt(50)) {
            case 0 -> local + domain;
            case 1 -> local + "@" + domain.replace('.', ' ');
            case 2 -> local + "@@" + domain;
            case 3 -> "";
            case 4 -> local + ".@" + domain;
            default -> local + (random.nextInt(3) == 0 ? Integer.toString(random.nextInt(100)) : "") + "@" + domain;
        };
    }

    private static String ascii(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String birthdate(SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            return "";
        }
        LocalDate date = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(50 * 365));
        return (random.nextInt(3) == 0) ? EU_DATE.format(date) : US_DATE.format(date);
    }

    // ------------------------------------------------------------------ opportunities

    private void writeOpportunities(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        String[] row = new String[OPPORTUNITY_HEADER.length];
        try (CsvWriter csv = writer(file)) {
            csv.writeRecord(OPPORTUNITY_HEADER);
            for (long k = 0; k < this.opportunities; k++) {
                long account = random.nextLong(this.accounts);
                int stage = random.nextInt(STAGES.length);
                LocalDateTime created = EPOCH.plusSeconds(random.nextLong(8L * 365 * 86400));
                boolean closed = stage >= 6;
                row[0] = id("006", k);
                row[1] = accountId(account);
                row[2] = baseWord(account) + " - " + pick(PRODUCTS, random);
                row[3] = pick(OPPORTUNITY_TYPES, random);
                row[4] = STAGES[stage];
                row[5] = (random.nextInt(10) == 0) ? ""
                        : (1 + random.nextInt(5000)) * 100 + ((random.nextInt(2) == 0) ? "" : ".00");
                row[6] = Integer.toString(STAGE_PROBABILITY[stage]);
                row[7] = created.toLocalDate().plusDays(random.nextInt(365)).toString();
                row[8] = closed ? "1" : "";
                row[9] = (stage == 6) ? "1" : "";
                row[10] = FORECAST[stage];
                row[11] = pick(LEAD_SOURCES, random);
                row[12] = (random.nextInt(3) == 0) ? "Call back; send quote" : "";
                row[13] = pick(OWNERS, random);
                row[14] = SF_DATETIME.format(created);
                row[15] = SF_DATETIME.format(created.plusSeconds(random.nextLong(365L * 86400)));
                csv.writeRecord(row);
            }
        }
    }

    // ------------------------------------------------------------------ shared

    private String accountId(long i) {
        return id("001", i);
    }

    /**
     * @param prefix the object's key prefix
     * @param index the row's index
     * @return an 18-character Salesforce-style id: prefix, pod, the index in base 62 and
     * the case-safe checksum suffix
     */
    static String id(String prefix, long index) {
        char[] id = new char[18];
        prefix.getChars(0, 3, id, 0);
        "f40000".getChars(0, 6, id, 3);
        long n = index;
        for (int p = 14; p >= 9; p--) {
            id[p] = BASE62.charAt((int) (n % 62));
            n /= 62;
        }
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int b = 0; b < 5; b++) {
                char c = id[chunk * 5 + b];
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << b;
                }
            }
            id[15 + chunk] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".charAt(bits);
        }
        return new String(id);
    }

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static String phone(long h, int format) {
        long x = h & Long.MAX_VALUE;
        int area = 201 + (int) (x % 789);
        int exchange = (x / 789 % 4 == 0) ? 555 : 200 + (int) (x / 3156 % 800);
        int line = (int) (x / 2524800 % 10000);
        return switch (format) {
            case 0 -> String.format(Locale.ROOT, "(%03d) %03d-%04d", area, exchange, line);
            case 1 -> String.format(Locale.ROOT, "%03d-%03d-%04d", area, exchange, line);
            case 2 -> String.format(Locale.ROOT, "%03d.%03d.%04d", area, exchange, line);
            default -> String.format(Locale.ROOT, "+1 %03d %03d %04d", area, exchange, line);
        };
    }

    private static String zip(SplittableRandom random) {
        // roughly a tenth of the zips start with 0 (New England, New Jersey, Puerto Rico)
        int zip = (random.nextInt(10) == 0) ? 501 + random.nextInt(9499) : 10000 + random.nextInt(89999);
        return String.format(Locale.ROOT, "%05d", zip);
    }

    private static String lostLeadingZero(String zip, SplittableRandom random) {
        // a third of the zips starting with 0 went through a spreadsheet
        return (zip.charAt(0) == '0' && random.nextInt(3) == 0) ? Integer.toString(Integer.parseInt(zip)) : zip;
    }

    private static <T> T pick(T[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    /** A bijection of [0, accounts) that spreads consecutive blocks over all accounts. */
    private long scatter(long block) {
        return Math.floorMod(block * this.scatterStep + 13, this.accounts);
    }

    private static long gcd(long a, long b) {
        return (b == 0) ? a : gcd(b, a % b);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** SplitMix64's finalizer over an index and a salt: stable per-row randomness. */
    private static long mix(long value, int salt) {
        long z = value * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + SEED;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /**
     * Generates an export from the command line.
     * @param args the record count and the folder
     * @throws IOException when writing fails
     */
    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        new CrmExportGenerator(Long.parseLong(args[0])).generateInto(Path.of(args[1]));
        System.out.printf(Locale.ROOT, "Generated in %.2f s%n", (System.nanoTime() - start) / 1e9);
    }

}
