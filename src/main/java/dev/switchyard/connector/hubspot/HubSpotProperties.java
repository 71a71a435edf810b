package dev.switchyard.connector.hubspot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HubSpot connector settings, under {@code switchyard.hubspot}.
 *
 * @param objects the standard objects described and read (custom objects from the schemas
 * endpoint are added), default contacts, companies, deals, tickets and the engagement
 * objects notes, calls, emails, meetings, tasks
 * @param associations the objects whose associations are read with each object's records
 * (object → associated objects); an object not listed is read without associations
 * @param pageSize records per list page (at most 100)
 * @param searchPageSize records per search page (at most 200)
 * @param searchCap the most results one search query reaches (10,000): a delta slice that
 * reaches it starts a new slice from the last modification time seen
 * @param searchesPerSecond search calls allowed per second (HubSpot allows about 5 per
 * account)
 * @param windowCalls calls allowed per rolling window until the portal's
 * {@code X-HubSpot-RateLimit-Max} header tells (100)
 * @param window the rolling window until the portal's
 * {@code X-HubSpot-RateLimit-Interval-Milliseconds} header tells (10 s)
 * @param maxRetries retries of a call refused for the rolling window or the search limit,
 * or failed with a 5xx answer or a lost connection, before giving up
 * @param serverErrorDelay the first wait before retrying a 5xx answer (doubled each time)
 * @param connectTimeout the connect timeout
 * @param readTimeout the read timeout of one call
 */
@ConfigurationProperties("switchyard.hubspot")
public record HubSpotProperties(@DefaultValue( {
        "contacts", "companies", "deals", "tickets", "notes", "calls", "emails", "meetings",
        "tasks" }) List<String> objects, Map<String, List<String>> associations, @DefaultValue("100") int pageSize,
        @DefaultValue("200") int searchPageSize, @DefaultValue("10000") int searchCap,
        @DefaultValue("4") int searchesPerSecond, @DefaultValue("100") int windowCalls,
        @DefaultValue("10s") Duration window, @DefaultValue("4") int maxRetries,
        @DefaultValue("200ms") Duration serverErrorDelay, @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout){

    private static final List<String> ACTIVITY_LINKS = List.of("contacts", "companies", "deals");

    public HubSpotProperties {
        objects = List.copyOf(objects);
        associations = (associations != null && !associations.isEmpty()) ? Map.copyOf(associations)
                : Map.of("contacts", List.of("companies", "deals"), "companies", List.of("contacts", "deals"), "deals",
                        List.of("contacts", "companies"), "tickets", ACTIVITY_LINKS, "notes", ACTIVITY_LINKS, "calls",
                        ACTIVITY_LINKS, "emails", ACTIVITY_LINKS, "meetings", ACTIVITY_LINKS, "tasks", ACTIVITY_LINKS);
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("switchyard.hubspot.page-size must be 1 to 100, not " + pageSize);
        }
        if (searchPageSize < 1 || searchPageSize > 200) {
            throw new IllegalArgumentException(
                    "switchyard.hubspot.search-page-size must be 1 to 200, not " + searchPageSize);
        }
        if (searchCap < searchPageSize) {
            throw new IllegalArgumentException("switchyard.hubspot.search-cap must be at least the search page size");
        }
        if (searchesPerSecond < 1 || windowCalls < 1 || maxRetries < 0) {
            throw new IllegalArgumentException(
                    "switchyard.hubspot.searches-per-second and window-calls must be positive, max-retries not negative");
        }
    }

    /**
     * @return the defaults, for connectors opened outside Spring (tests)
     */
    public static HubSpotProperties defaults() {
        return new HubSpotProperties(
                List.of("contacts", "companies", "deals", "tickets", "notes", "calls", "emails", "meetings", "tasks"),
                null, 100, 200, 10_000, 4, 100, Duration.ofSeconds(10), 4, Duration.ofMillis(200),
                Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /**
     * @param object an object
     * @return the objects whose associations are read with its records
     */
    public List<String> associationsOf(String object) {
        return this.associations.getOrDefault(object, List.of());
    }

}
