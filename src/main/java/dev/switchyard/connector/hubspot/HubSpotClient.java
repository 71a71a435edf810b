package dev.switchyard.connector.hubspot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.BudgetExhaustedException;
import dev.switchyard.connector.CallMeter;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.TargetUnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls HubSpot's CRM API with the private app's token (contract §2): every call is
 * metered, kept within the rolling window, and retried a bounded number of times when
 * HubSpot refuses it for the window or the search limit (after the window), answers 5xx,
 * or cannot be reached. A {@code DAILY} 429 is a {@link BudgetExhaustedException}; other
 * refusals are {@link HubSpotApiException}s carrying HubSpot's own message.
 */
public class HubSpotClient {

    /** The calls that change the portal: a lost answer leaves them in doubt. */
    private static final java.util.regex.Pattern WRITES = java.util.regex.Pattern
        .compile("/batch/(create|update|upsert|archive|associate/default)$");

    private final RestClient rest;

    private final JsonMapper json;

    private final HubSpotSettings settings;

    private final RateWindow window;

    private final RetryTemplate retry;

    private final CallMeter meter;

    private ApiUsage lastUsage;

    public HubSpotClient(HubSpotSettings settings, HubSpotProperties properties, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.meter = settings.meter();
        this.window = new RateWindow(properties.windowCalls(), properties.window(), properties.searchesPerSecond());
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        factory.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder()
            .requestFactory(factory)
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.token())
            .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
            .build();
        this.retry = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(properties.maxRetries())
            .delay(properties.serverErrorDelay())
            .multiplier(2)
            .maxDelay(Duration.ofSeconds(10))
            .predicate((ex) -> ex instanceof Transient)
            .build());
    }

    /**
     * A GET.
     * @param kind the meter's kind ({@code describe}, {@code list}, {@code probe}, …)
     * @param what the call for people, in messages
     * ({@code reading the properties of deals})
     * @param pathAndQuery the encoded path and query below the base address
     * @return the answer
     */
    public HubSpotResponse get(String kind, String what, String pathAndQuery) {
        return call(HttpMethod.GET, kind, what, pathAndQuery, null);
    }

    /**
     * A POST with a JSON body.
     * @param kind the meter's kind ({@code search}, {@code batch}, {@code associations},
     * …)
     * @param what the call for people, in messages
     * @param path the encoded path below the base address
     * @param body the body
     * @return the answer
     */
    public HubSpotResponse post(String kind, String what, String path, JsonNode body) {
        return call(HttpMethod.POST, kind, what, path, body);
    }

    /**
     * @return the mapper for request bodies
     */
    public JsonMapper json() {
        return this.json;
    }

    /**
     * @return the daily usage the last answer reported, or null when it did not
     */
    public ApiUsage lastUsage() {
        return this.lastUsage;
    }

    /**
     * @return the connection's settings
     */
    public HubSpotSettings settings() {
        return this.settings;
    }

    private HubSpotResponse call(HttpMethod method, String kind, String what, String path, JsonNode body) {
        try {
            return this.retry.execute(() -> once(method, kind, what, path, body));
        }
        catch (RetryException ex) {
            Throwable last = ex.getCause();
            if (last instanceof Transient failure) {
                throw new TargetUnavailableException("HubSpot could not take " + what + " after "
                        + (ex.getRetryCount() + 1) + " attempts: " + failure.getMessage(), failure, failure.inDoubt);
            }
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConnectorException("HubSpot failed " + what + ": " + last.getMessage(), last);
        }
    }

    private HubSpotResponse once(HttpMethod method, String kind, String what, String path, JsonNode body) {
        boolean search = path.endsWith("/search");
        this.window.awaitTurn(search);
        this.meter.beforeCall(kind);
        Answer answer;
        try {
            RestClient.RequestBodySpec request = this.rest.method(method)
                .uri(URI.create(this.settings.baseUrl() + path));
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsString(body));
            }
            answer = request.exchange((req, res) -> new Answer(res.getStatusCode().value(), res.getHeaders(),
                    new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
        }
        catch (ResourceAccessException ex) {
            boolean write = method == HttpMethod.POST && WRITES.matcher(path).find();
            throw new Transient(
                    "HubSpot at " + this.settings.baseUrl() + " cannot be reached (" + rootMessage(ex) + ")",
                    write && !(rootCause(ex) instanceof java.net.ConnectException));
        }
        ApiUsage usage = usage(answer.headers);
        this.lastUsage = usage;
        this.meter.afterCall(kind, usage);
        this.window.learn(answer.headers);
        return interpret(answer, what);
    }

    private HubSpotResponse interpret(Answer answer, String what) {
        JsonNode parsed = parse(answer.text);
        if (answer.status >= 200 && answer.status < 300) {
            if (parsed == null && !answer.text.isBlank()) {
                throw new ConnectorException("HubSpot answered " + what + " with a body that is not JSON");
            }
            return new HubSpotResponse(answer.status, (parsed != null) ? parsed : this.json.createObjectNode());
        }
        HubSpotError error = HubSpotError.of(answer.status, parsed, answer.text);
        if (error.dailyLimit()) {
            throw new BudgetExhaustedException("HubSpot's daily API limit is used up (" + error.describe()
                    + "); the work goes on when the portal's day renews", true, null);
        }
        if (answer.status == 429) {
            Long retryAfter = RateWindow.number(answer.headers, HttpHeaders.RETRY_AFTER);
            Duration wait = (retryAfter != null) ? Duration.ofSeconds(retryAfter)
                    : (isSecondly(error) ? Duration.ofSeconds(1) : this.window.interval());
            this.window.block(wait);
            throw new Transient(error.describe(), false);
        }
        if (answer.status >= 500) {
            throw new Transient(error.describe(), false);
        }
        if (answer.status == 401) {
            throw new ConnectorException("HubSpot refused the access token while " + what + " (" + error.describe()
                    + "): check the private app's token");
        }
        throw new HubSpotApiException(what, error);
    }

    private static boolean isSecondly(HubSpotError error) {
        return (error.policyName() != null && error.policyName().toUpperCase(java.util.Locale.ROOT).contains("SECONDLY")
                && !error.policyName().toUpperCase(java.util.Locale.ROOT).contains("TEN_"))
                || (error.message() != null && error.message().contains("secondly limit"));
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return this.json.readTree(text);
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    static ApiUsage usage(HttpHeaders headers) {
        Long daily = RateWindow.number(headers, "X-HubSpot-RateLimit-Daily");
        Long remaining = RateWindow.number(headers, "X-HubSpot-RateLimit-Daily-Remaining");
        if (daily == null || remaining == null) {
            return null;
        }
        return new ApiUsage(Math.max(0, daily - remaining), daily);
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String rootMessage(Throwable ex) {
        Throwable cause = rootCause(ex);
        return (cause.getMessage() != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                : cause.getClass().getSimpleName();
    }

    private record Answer(int status, HttpHeaders headers, String text) {

    }

    /**
     * A failure worth retrying: a 429 for the window or the search limit, a 5xx answer,
     * an unreachable host.
     */
    static final class Transient extends RuntimeException {

        private final boolean inDoubt;

        Transient(String message, boolean inDoubt) {
            super(message, null, false, false);
            this.inDoubt = inDoubt;
        }

    }

}
