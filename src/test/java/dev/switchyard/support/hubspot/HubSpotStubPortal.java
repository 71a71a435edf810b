package dev.switchyard.support.hubspot;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.switchyard.support.hubspot.PortalState.Link;
import dev.switchyard.support.hubspot.PortalState.StoredRecord;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stateful HubSpot portal for tests, on WireMock on a loopback port, following the
 * contract (crm-apis.md §2): properties, list with paging, search with filters, sorting
 * and the 10,000-result cap, batch create/update/upsert/read/archive with 207 partial
 * failures, v4 associations (read, create, labels), the standard error body, the bearer
 * token, the rate-limit headers on every answer but search's, the rolling window and the
 * daily quota (429 {@code TEN_SECONDLY_ROLLING} and {@code DAILY}), the search's
 * per-second limit, and a missing scope per object type.
 *
 * <p>
 * Records are seeded and inspected through this class; injected faults (a burst 429, a
 * 5xx, an exhausted daily quota) make connectors take their retry and pause paths.
 */
public final class HubSpotStubPortal implements AutoCloseable {

    /** The access token the portal accepts. */
    public static final String TOKEN = "pat-na1-stub-token";

    private static final Pattern OBJECTS = Pattern.compile("/crm/v3/objects/([^/]+)(/search|/batch/(\\w+))?");

    private static final Pattern RECORD_ASSOCIATIONS = Pattern
        .compile("/crm/v4/objects/([^/]+)/([^/]+)/associations/([^/]+)");

    private static final Pattern PROPERTIES = Pattern.compile("/crm/v3/properties/([^/]+)");

    private static final Pattern ASSOCIATIONS = Pattern
        .compile("/crm/v4/associations/([^/]+)/([^/]+)/(batch/read|batch/create|labels)");

    private final PortalState state = new PortalState();

    private final PortalObjects objects = new PortalObjects(this.state);

    private final PortalAssociations associations = new PortalAssociations(this.state);

    private final WireMockServer server;

    private final Deque<Long> window = new ArrayDeque<>();

    private final Deque<Long> searches = new ArrayDeque<>();

    private final Map<String, AtomicInteger> calls = new LinkedHashMap<>();

    private int windowMax = 100;

    private int intervalMillis = 10_000;

    private int searchesPerSecond = 5;

    private long dailyLimit = 250_000;

    private long dailyUsed;

    private int burstsToInject;

    private int serverErrorsToInject;

    private int windowRefusals;

    public HubSpotStubPortal() {
        this.server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").containerThreads(8).extensions(new Portal()));
        this.server.start();
        this.server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(500)));
    }

    /**
     * @return the base address, for the connection's {@code baseUrl}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + this.server.port();
    }

    @Override
    public void close() {
        this.server.stop();
    }

    // ---- seeding and inspection ----

    /**
     * Creates a record.
     * @param type the object type, such as {@code contacts}
     * @param properties its properties
     * @return its id
     */
    public synchronized String seed(String type, Map<String, String> properties) {
        return Long.toString(this.state.create(type, properties, this.state.tick()).id);
    }

    /**
     * Creates a record modified at a given instant.
     * @param type the object type
     * @param properties its properties
     * @param modified its last modification time
     * @return its id
     */
    public synchronized String seed(String type, Map<String, String> properties, Instant modified) {
        return Long.toString(this.state.create(type, properties, modified).id);
    }

    /**
     * Changes a record's properties, at a given instant.
     */
    public synchronized void modify(String type, String id, Map<String, String> properties, Instant at) {
        StoredRecord record = this.state.live(type, id);
        record.properties.putAll(properties);
        record.touch(type, at);
    }

    /**
     * Archives (deletes) a record.
     */
    public synchronized void archive(String type, String id) {
        this.state.live(type, id).archived = true;
    }

    /**
     * Associates two records (and the inverse direction, as HubSpot does).
     * @param typeId the association type from {@code from} to {@code to}
     */
    public synchronized void associate(String from, String fromId, String to, String toId, int typeId) {
        this.state.link(from, Long.parseLong(fromId), to, Long.parseLong(toId), "HUBSPOT_DEFINED", typeId);
    }

    /**
     * @return the live records of a type, each with its {@code id} and properties
     */
    public synchronized List<Map<String, String>> records(String type) {
        List<Map<String, String>> records = new ArrayList<>();
        for (StoredRecord record : this.state.records.get(type).values()) {
            if (!record.archived) {
                Map<String, String> values = new LinkedHashMap<>(record.properties);
                values.put("id", Long.toString(record.id));
                records.add(values);
            }
        }
        return records;
    }

    /**
     * @return the type ids of the associations from one record to records of a type, as
     * "toId:typeId"
     */
    public synchronized List<String> associations(String from, String fromId, String to) {
        List<String> found = new ArrayList<>();
        for (Link link : this.state.links) {
            if (link.from().equals(from) && Long.toString(link.fromId()).equals(fromId) && link.to().equals(to)) {
                found.add(link.toId() + ":" + link.typeId());
            }
        }
        return found;
    }

    /**
     * Sets how many associated records one answer holds (HubSpot: 500), so that paging
     * shows with few records.
     */
    public synchronized void associationPageSize(int size) {
        this.associations.pageSize = size;
    }

    /**
     * Adds a property to an object type.
     */
    public synchronized void addProperty(String type, PortalProperty property) {
        this.state.properties.get(type).add(property);
    }

    /**
     * Makes the portal refuse an object type, as a token without its scope: 403
     * {@code MISSING_SCOPES}.
     */
    public synchronized void withoutScope(String type) {
        this.state.refused.put(type, new String[] { "403", "MISSING_SCOPES",
                "This app hasn't been granted all required scopes to make this call. Read more about required scopes "
                        + "here: https://developers.hubspot.com/scopes." });
    }

    // ---- limits and faults ----

    /**
     * Sets the rolling window: calls allowed per interval.
     */
    public synchronized void window(int max, int intervalMillis) {
        this.windowMax = max;
        this.intervalMillis = intervalMillis;
        this.window.clear();
    }

    /**
     * Sets the search endpoint's per-second limit.
     */
    public synchronized void searchLimit(int perSecond) {
        this.searchesPerSecond = perSecond;
        this.searches.clear();
    }

    /**
     * Sets the daily quota and the calls used today.
     */
    public synchronized void daily(long limit, long used) {
        this.dailyLimit = limit;
        this.dailyUsed = used;
    }

    /** Uses up the daily quota: every further call gets a {@code DAILY} 429. */
    public synchronized void exhaustDaily() {
        this.dailyUsed = this.dailyLimit;
    }

    /** Renews the daily quota. */
    public synchronized void resetDaily() {
        this.dailyUsed = 0;
    }

    /**
     * The next calls get a 429 {@code TEN_SECONDLY_ROLLING}, as when another app used the
     * window.
     */
    public synchronized void injectBurst429(int count) {
        this.burstsToInject = count;
    }

    /** The next calls get a 502. */
    public synchronized void injectServerErrors(int count) {
        this.serverErrorsToInject = count;
    }

    /**
     * @return the 429s served for the rolling window or the search limit (injected ones
     * included)
     */
    public synchronized int windowRefusals() {
        return this.windowRefusals;
    }

    /**
     * @return the calls served, by "METHOD path-pattern" ({@code POST batch/upsert},
     * {@code GET list}, …)
     */
    public synchronized Map<String, Integer> calls() {
        Map<String, Integer> copy = new LinkedHashMap<>();
        this.calls.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /**
     * @return the calls used today
     */
    public synchronized long dailyUsed() {
        return this.dailyUsed;
    }

    // ---- serving ----

    private synchronized ResponseDefinition serve(Request request) {
        String url = request.getUrl();
        int question = url.indexOf('?');
        String path = (question < 0) ? url : url.substring(0, question);
        Map<String, String> query = query((question < 0) ? "" : url.substring(question + 1));
        boolean search = path.endsWith("/search");
        if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
            return respond(Answer.error(401, "INVALID_AUTHENTICATION",
                    "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can "
                            + "find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"),
                    search);
        }
        if (this.dailyUsed >= this.dailyLimit) {
            return respond(Answer.rateLimited("DAILY", "You have reached your daily limit."), search);
        }
        long now = System.currentTimeMillis();
        while (!this.window.isEmpty() && this.window.peekFirst() + this.intervalMillis <= now) {
            this.window.removeFirst();
        }
        while (!this.searches.isEmpty() && this.searches.peekFirst() + 1000 <= now) {
            this.searches.removeFirst();
        }
        if (this.burstsToInject > 0 || this.window.size() >= this.windowMax) {
            this.burstsToInject = Math.max(0, this.burstsToInject - 1);
            this.windowRefusals++;
            return respond(
                    Answer.rateLimited("TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit."),
                    search);
        }
        if (search && this.searches.size() >= this.searchesPerSecond) {
            this.windowRefusals++;
            return respond(Answer.rateLimited("SECONDLY", "You have reached your secondly limit."), search);
        }
        this.window.addLast(now);
        this.dailyUsed++;
        if (search) {
            this.searches.addLast(now);
        }
        if (this.serverErrorsToInject > 0) {
            this.serverErrorsToInject--;
            return respond(new Answer(502, null), search);
        }
        return respond(route(request.getMethod().getName(), path, query, request), search);
    }

    private Answer route(String method, String path, Map<String, String> query, Request request) {
        Matcher properties = PROPERTIES.matcher(path);
        Matcher objectPath = OBJECTS.matcher(path);
        Matcher associationPath = ASSOCIATIONS.matcher(path);
        if (properties.matches() && method.equals("GET")) {
            return guarded(properties.group(1), () -> this.objects.properties(properties.group(1)), "GET properties");
        }
        if (objectPath.matches()) {
            String type = objectPath.group(1);
            if (objectPath.group(2) == null && method.equals("GET")) {
                return guarded(type, () -> this.objects.list(type, query), "GET list");
            }
            if ("/search".equals(objectPath.group(2)) && method.equals("POST")) {
                return guarded(type, () -> this.objects.search(type, body(request)), "POST search");
            }
            if (objectPath.group(3) != null && method.equals("POST")) {
                return guarded(type, () -> this.objects.batch(type, objectPath.group(3), body(request)),
                        "POST batch/" + objectPath.group(3));
            }
        }
        Matcher recordAssociations = RECORD_ASSOCIATIONS.matcher(path);
        if (recordAssociations.matches() && method.equals("GET")) {
            String from = recordAssociations.group(1);
            String to = recordAssociations.group(3);
            return guarded(from, () -> guarded(to, () -> this.associations.list(from, recordAssociations.group(2), to,
                    Integer.parseInt(query.getOrDefault("after", "0"))), "v4 list"), "v4 list");
        }
        if (associationPath.matches()) {
            String from = associationPath.group(1);
            String to = associationPath.group(2);
            String action = associationPath.group(3);
            return guarded(from, () -> guarded(to, () -> switch (action) {
                case "labels" -> this.associations.labels(from, to);
                case "batch/read" -> this.associations.read(from, to, body(request));
                default -> this.associations.create(from, to, body(request));
            }, "v4 " + action), "v4 " + action);
        }
        return Answer.error(404, "OBJECT_NOT_FOUND", "No route for " + method + " " + path);
    }

    private Answer guarded(String type, java.util.function.Supplier<Answer> handler, String call) {
        this.calls.computeIfAbsent(call, (k) -> new AtomicInteger()).incrementAndGet();
        String[] refusal = this.state.refused.get(type);
        if (refusal != null) {
            return Answer.error(Integer.parseInt(refusal[0]), refusal[1], refusal[2]);
        }
        if (!this.state.known(type)) {
            return Answer.error(400, "VALIDATION_ERROR", "Unable to infer object type from: " + type);
        }
        return handler.get();
    }

    private ResponseDefinition respond(Answer answer, boolean search) {
        ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(answer.status())
            .withHeader("Content-Type", "application/json;charset=utf-8");
        if (!search) {
            response.withHeader("X-HubSpot-RateLimit-Daily", Long.toString(this.dailyLimit))
                .withHeader("X-HubSpot-RateLimit-Daily-Remaining",
                        Long.toString(Math.max(0, this.dailyLimit - this.dailyUsed)))
                .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", Integer.toString(this.intervalMillis))
                .withHeader("X-HubSpot-RateLimit-Max", Integer.toString(this.windowMax))
                .withHeader("X-HubSpot-RateLimit-Remaining",
                        Integer.toString(Math.max(0, this.windowMax - this.window.size())));
        }
        if (answer.body() != null) {
            response.withBody(answer.body().toString());
        }
        return response.build();
    }

    private static JsonNode body(Request request) {
        String text = request.getBodyAsString();
        return (text == null || text.isBlank()) ? Answer.JSON.createObjectNode() : Answer.JSON.readTree(text);
    }

    private static Map<String, String> query(String text) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals),
                        StandardCharsets.UTF_8);
                String value = (equals < 0) ? ""
                        : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                query.put(name, value);
            }
        }
        return query;
    }

    /** Routes every request to the portal. */
    private final class Portal implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            return serve(event.getRequest());
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "hubspot-portal";
        }

    }

}
