package dev.switchyard.support.salesforce;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.CallMeter;
import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stateful Salesforce org for tests: WireMock on a loopback port, answering as the wire
 * contract describes (crm-apis.md §1) from in-memory objects and records. Seed objects
 * and records, read what the org holds, expire sessions, use up or reset the daily
 * budget, and make the next calls fail with 429 or 503. Its login URL is also its
 * instance URL. Close it when done.
 */
public final class SalesforceStubOrg implements AutoCloseable {

    private final WireMockServer server;

    private final StubApi api;

    private SalesforceStubOrg(StubApi api) {
        this.api = api;
        this.server = new WireMockServer(
                wireMockConfig().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal().extensions(api));
        this.server.start();
        this.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
        api.baseUrl = "http://127.0.0.1:" + this.server.port();
    }

    /**
     * @return a started, empty org
     */
    public static SalesforceStubOrg start() {
        return new SalesforceStubOrg(new StubApi());
    }

    /**
     * @return the login (and instance) URL, such as {@code http://127.0.0.1:41234}
     */
    public String url() {
        return this.api.baseUrl;
    }

    /**
     * @return the connected app's consumer key
     */
    public String clientId() {
        return this.api.clientId;
    }

    /**
     * @return the connected app's consumer secret
     */
    public String clientSecret() {
        return this.api.clientSecret;
    }

    /**
     * @return the options of a client-credentials connection to this org
     */
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("loginUrl", url());
        options.put("authFlow", "client-credentials");
        options.put("clientId", clientId());
        options.put("apiVersion", "62.0");
        return options;
    }

    /**
     * @param meter the meter counting the calls
     * @return the settings of a client-credentials connection to this org
     */
    public ConnectionSettings settings(CallMeter meter) {
        return new ConnectionSettings(ConnectorType.SALESFORCE, null, options(), clientSecret(), Map.of(), meter);
    }

    /**
     * Lets a user log in by the JWT bearer flow.
     * @param username the user name ({@code sub})
     * @param key the public key of the connected app's certificate
     * @return this org
     */
    public SalesforceStubOrg jwtUser(String username, PublicKey key) {
        synchronized (this.api.state) {
            this.api.jwtUsers.put(username, key);
        }
        return this;
    }

    /**
     * @param object an object to add
     * @return this org
     */
    public SalesforceStubOrg define(StubObject object) {
        synchronized (this.api.state) {
            this.api.state.objects.put(object.name(), object);
        }
        return this;
    }

    /**
     * Adds records as they are (ids, system fields and all), without the checks a save
     * makes; a record without {@code Id} gets one, and missing system fields are set to
     * now.
     * @param object the object
     * @param records the records (JSON-ready values)
     * @return the ids
     */
    public List<String> seed(String object, List<Map<String, Object>> records) {
        synchronized (this.api.state) {
            StubObject definition = this.api.state.object(object);
            Map<String, Map<String, Object>> table = this.api.state.table(object);
            String now = StubOrgState.format(this.api.state.now());
            List<String> ids = new ArrayList<>();
            for (Map<String, Object> values : records) {
                Map<String, Object> record = new LinkedHashMap<>();
                definition.fields().values().forEach((f) -> record.put(f.name(), null));
                record.putAll(values);
                String id = (record.get("Id") != null) ? record.get("Id").toString() : this.api.state.newId(definition);
                record.put("Id", id);
                record.putIfAbsent("IsDeleted", false);
                if (record.get("IsDeleted") == null) {
                    record.put("IsDeleted", false);
                }
                for (String stamp : List.of("CreatedDate", "LastModifiedDate", "SystemModstamp")) {
                    if (record.get(stamp) == null) {
                        record.put(stamp, now);
                    }
                }
                table.put(id, record);
                ids.add(id);
            }
            return ids;
        }
    }

    /**
     * Changes a record as a user would: its {@code LastModifiedDate} and
     * {@code SystemModstamp} become the org's now.
     * @param object the object
     * @param id the record
     * @param changes the fields to set
     */
    public void update(String object, String id, Map<String, Object> changes) {
        synchronized (this.api.state) {
            this.api.state.save(this.api.state.object(object), id, changes);
        }
    }

    /**
     * Deletes a record (to the recycle bin: queryAll and getDeleted still see it).
     * @param object the object
     * @param id the record
     */
    public void delete(String object, String id) {
        synchronized (this.api.state) {
            this.api.state.delete(object, id);
        }
    }

    /**
     * @param object an object
     * @return its live records, by id, in creation order (copies)
     */
    public Map<String, Map<String, Object>> records(String object) {
        synchronized (this.api.state) {
            Map<String, Map<String, Object>> live = new LinkedHashMap<>();
            this.api.state.table(object).forEach((id, record) -> {
                if (!Boolean.TRUE.equals(record.get("IsDeleted"))) {
                    live.put(id, new LinkedHashMap<>(record));
                }
            });
            return live;
        }
    }

    /**
     * Fixes the org's clock (the time saves stamp on records), or frees it with null.
     * @param now the instant, or null for the real time
     */
    public void now(Instant now) {
        synchronized (this.api.state) {
            this.api.state.fixedNow = now;
        }
    }

    /**
     * Ends every session: the next call with an old token gets 401 INVALID_SESSION_ID.
     */
    public void expireSessions() {
        synchronized (this.api.state) {
            this.api.tokens.clear();
        }
    }

    /**
     * Sets the daily API usage.
     * @param used calls used
     * @param max calls allowed
     */
    public void budget(long used, long max) {
        synchronized (this.api.state) {
            this.api.used = used;
            this.api.max = max;
        }
    }

    /** Uses up the daily budget: every API call gets 403 REQUEST_LIMIT_EXCEEDED. */
    public void exhaustBudget() {
        synchronized (this.api.state) {
            this.api.used = this.api.max;
        }
    }

    /** Resets the daily budget to nothing used. */
    public void resetBudget() {
        synchronized (this.api.state) {
            this.api.used = 0;
        }
    }

    /**
     * @return the daily API usage
     */
    public ApiUsage usage() {
        synchronized (this.api.state) {
            return new ApiUsage(this.api.used, this.api.max);
        }
    }

    /**
     * Makes the next API calls fail.
     * @param times how many calls
     * @param status 429, 503 or another status
     * @param retryAfterSeconds the {@code Retry-After} to send, or -1 for none
     */
    public void failNext(int times, int status, int retryAfterSeconds) {
        synchronized (this.api.state) {
            this.api.failureCodes.putIfAbsent(429, "REQUEST_LIMIT_EXCEEDED_RATE");
            for (int i = 0; i < times; i++) {
                this.api.failures.add(new int[] { status, retryAfterSeconds });
            }
        }
    }

    /** Refuses the Tooling API, as for a user without "View Setup". */
    public void forbidTooling() {
        synchronized (this.api.state) {
            this.api.toolingForbidden = true;
        }
    }

    /**
     * @return every API call so far, as {@code METHOD /resource} under the versioned base
     */
    public List<String> calls() {
        return List.copyOf(this.api.calls);
    }

    /**
     * @param prefix the start of {@code METHOD /resource}, such as {@code GET /query}
     * @return how many API calls so far start with it
     */
    public long calls(String prefix) {
        return this.api.calls.stream().filter((c) -> c.startsWith(prefix)).count();
    }

    /**
     * @return how many sessions were issued
     */
    public int logins() {
        synchronized (this.api.state) {
            return this.api.logins;
        }
    }

    @Override
    public void close() {
        this.server.stop();
    }

}
