package dev.switchyard.connector.salesforce;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.BudgetExhaustedException;
import dev.switchyard.connector.CallMeter;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.TargetUnavailableException;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Calls one org's REST, Tooling and Bulk 2.0 APIs. Logs in on the first call; renews an
 * expired session once ({@code 401 INVALID_SESSION_ID}) and repeats the call; repeats
 * calls answered 429, 5xx or {@code UNABLE_TO_LOCK_ROW} with a bounded backoff honouring
 * {@code Retry-After}; turns {@code 403 REQUEST_LIMIT_EXCEEDED} into a
 * {@link BudgetExhaustedException}; and tells the {@link CallMeter} of every call and of
 * the usage each answer reports. Not thread-safe.
 */
public final class SalesforceClient {

    private final SalesforceSettings settings;

    private final SalesforceProperties properties;

    private final CallMeter meter;

    private final boolean target;

    private final RestClient rest;

    private final SalesforceLogin login;

    private SalesforceSession session;

    private int retries;

    private ApiUsage usage;

    /**
     * @param settings the connection's settings
     * @param properties timeouts, retries
     * @param meter counts the calls
     * @param target whether the connection is a destination: failures no record caused
     * are then {@link TargetUnavailableException}s
     * @param clock the clock (JWT expiry)
     */
    public SalesforceClient(SalesforceSettings settings, SalesforceProperties properties, CallMeter meter,
            boolean target, Clock clock) {
        this.settings = settings;
        this.properties = properties;
        this.meter = meter;
        this.target = target;
        this.rest = restClient(properties);
        this.login = new SalesforceLogin(settings, this.rest, clock);
    }

    private static RestClient restClient(SalesforceProperties properties) {
        HttpClient http = HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        return RestClient.builder().requestFactory(factory).build();
    }

    /**
     * @return the connection's settings
     */
    public SalesforceSettings settings() {
        return this.settings;
    }

    /**
     * @return the org's instance URL, logging in first when needed
     */
    public String instanceUrl() {
        return session().instanceUrl();
    }

    /**
     * @return how many calls were repeated after a 429, 5xx or lock error so far
     */
    public int retries() {
        return this.retries;
    }

    /**
     * @return the usage the last answer reported, or null
     */
    public ApiUsage usage() {
        return this.usage;
    }

    /**
     * @param path a path under the versioned REST base, such as {@code /limits}
     * @return the path from the instance's root
     */
    String data(String path) {
        return this.settings.data(path);
    }

    /**
     * Makes a call; answers other than 2xx become exceptions.
     * @param request the call
     * @return the 2xx answer
     * @throws SalesforceApiException when Salesforce refused the call itself
     * @throws BudgetExhaustedException when the daily limit is used up
     * @throws TargetUnavailableException for a destination that cannot be reached or kept
     * failing
     * @throws ConnectorException for a source that cannot be reached or kept failing
     */
    SalesforceResponse call(SalesforceRequest request) {
        AtomicReference<Duration> retryAfter = new AtomicReference<>();
        RetryPolicy policy = RetryPolicy.builder()
            .backOff(new RetryAfterBackOff(this.properties.maxRetries(), this.properties.retryDelay(),
                    this.properties.maxRetryDelay(), retryAfter::get))
            .predicate((ex) -> ex instanceof RetryableAnswer)
            .build();
        RetryTemplate template = new RetryTemplate(policy);
        template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState state) {
                SalesforceClient.this.retries++;
            }
        });
        try {
            return template.execute(() -> {
                try {
                    return attempt(request);
                }
                catch (RetryableAnswer ex) {
                    retryAfter.set(ex.retryAfter());
                    throw ex;
                }
            });
        }
        catch (RetryException ex) {
            Throwable last = ex.getLastException();
            if (last instanceof RetryableAnswer answer) {
                throw unavailable("Salesforce kept failing the " + request.what() + " after "
                        + this.properties.maxRetries() + " retries: " + answer.getMessage(), null, false);
            }
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConnectorException("The " + request.what() + " failed: " + last, last);
        }
    }

    private SalesforceResponse attempt(SalesforceRequest request) {
        SalesforceResponse answer = once(request);
        if (answer.status() == 401) {
            this.session = null;
            answer = once(request);
            if (answer.status() == 401) {
                throw unavailable("Salesforce refused the renewed session for the " + request.what() + ": "
                        + SalesforceError.parse(answer.text()).get(0), null, false);
            }
        }
        return check(request, answer);
    }

    private SalesforceResponse check(SalesforceRequest request, SalesforceResponse answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return answer;
        }
        List<SalesforceError> errors = SalesforceError.parse(answer.text());
        String code = errors.get(0).code();
        if (status == 403 && "REQUEST_LIMIT_EXCEEDED".equals(code)) {
            ApiUsage reported = (this.usage != null) ? this.usage : null;
            throw new BudgetExhaustedException(
                    "Salesforce refused the " + request.what() + ": the org's daily API limit is used up"
                            + ((reported != null) ? " (" + reported.used() + " of " + reported.max() + " calls)" : "")
                            + ": " + errors.get(0).message(),
                    true, null);
        }
        if (status == 429 || status >= 500 || "UNABLE_TO_LOCK_ROW".equals(code)) {
            throw new RetryableAnswer("HTTP " + status + " " + errors.get(0), retryAfter(answer.header("Retry-After")));
        }
        throw new SalesforceApiException(request.what(), status, errors);
    }

    private SalesforceResponse once(SalesforceRequest request) {
        SalesforceSession current = session();
        this.meter.beforeCall(request.kind());
        SalesforceResponse answer;
        try {
            RestClient.RequestBodySpec spec = this.rest.method(request.method())
                .uri(uri(current, request))
                .headers((headers) -> {
                    headers.setBearerAuth(current.accessToken());
                    headers.setAccept(List.of(request.accept()));
                });
            if (request.body() != null) {
                spec = spec.contentType(request.contentType()).body(request.body());
            }
            answer = spec.exchange((req, response) -> new SalesforceResponse(response.getStatusCode().value(),
                    response.getHeaders(), response.getBody().readAllBytes()));
        }
        catch (ResourceAccessException ex) {
            this.meter.afterCall(request.kind(), null);
            throw unavailable("Salesforce at " + current.instanceUrl() + " cannot be reached for the " + request.what()
                    + ": " + ex.getMostSpecificCause().getMessage(), ex, request.method() != HttpMethod.GET);
        }
        ApiUsage reported = LimitInfo.parse(answer.header(LimitInfo.HEADER));
        if (reported != null) {
            this.usage = reported;
        }
        this.meter.afterCall(request.kind(), reported);
        return answer;
    }

    private SalesforceSession session() {
        if (this.session == null) {
            try {
                this.session = this.login.login();
            }
            catch (ResourceAccessException ex) {
                throw unavailable("The Salesforce login host " + this.settings.loginUrl() + " cannot be reached: "
                        + ex.getMostSpecificCause().getMessage(), ex, false);
            }
        }
        return this.session;
    }

    private static URI uri(SalesforceSession session, SalesforceRequest request) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(session.instanceUrl() + request.path());
        Map<String, String> query = request.query();
        query.keySet().forEach((name) -> builder.queryParam(name, "{" + name + "}"));
        return builder.encode().buildAndExpand(query).toUri();
    }

    private ConnectorException unavailable(String message, Throwable cause, boolean inDoubt) {
        return this.target ? new TargetUnavailableException(message, cause, inDoubt)
                : new ConnectorException(message, cause);
    }

    /**
     * @param header a {@code Retry-After} value: seconds, or an HTTP date
     * @return the wait, or null when there is none
     */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        }
        catch (NumberFormatException ex) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            }
            catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

}
