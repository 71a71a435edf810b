package dev.switchyard.support.salesforce;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stub org's API as a WireMock extension: every request is answered from the org's
 * state, following the wire contract (crm-apis.md §1): token endpoint, describes, query
 * and queryAll with 2,000-record pages, getDeleted, limits, Tooling queries of validation
 * rules, sObject Collections, Bulk API 2.0 ingest and query, the error array shape, and
 * {@code Sforce-Limit-Info} on every API answer.
 */
final class StubApi implements ResponseDefinitionTransformerV2 {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern DATA = Pattern.compile("/services/data/v(\\d+\\.\\d)(/.*)");

    final StubOrgState state = new StubOrgState();

    final StubBulk bulk = new StubBulk(this.state);

    final Set<String> tokens = new HashSet<>();

    final Deque<int[]> failures = new ArrayDeque<>();

    final Map<Integer, String> failureCodes = new HashMap<>();

    final List<String> calls = new CopyOnWriteArrayList<>();

    final Map<String, Deque<Map<String, Object>>> cursors = new HashMap<>();

    String baseUrl;

    String clientId = "stub-client";

    String clientSecret = "stub-secret";

    final Map<String, PublicKey> jwtUsers = new HashMap<>();

    long used;

    long max = 100_000;

    boolean toolingForbidden;

    int logins;

    private int cursorSequence = 1;

    private int tokenSequence = 1;

    @Override
    public String getName() {
        return "salesforce-stub-org";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        synchronized (this.state) {
            String path = request.getUrl().split("\\?", 2)[0];
            try {
                if (path.equals("/services/oauth2/token")) {
                    return token(request);
                }
                return api(request, path);
            }
            catch (StubError ex) {
                return error(ex.status(), ex.code(), ex.getMessage().split("\\|", 2)[0],
                        path.startsWith("/services/data"));
            }
        }
    }

    private ResponseDefinition api(Request request, String path) {
        Matcher data = DATA.matcher(path);
        if (!data.matches()) {
            throw new StubError(404, "NOT_FOUND", "The requested resource does not exist");
        }
        String method = request.getMethod().getName();
        String resource = data.group(2);
        this.calls.add(method + " " + resource);
        int[] failure = this.failures.poll();
        if (failure != null) {
            ResponseDefinitionBuilder answer = limited(new ResponseDefinitionBuilder().withStatus(failure[0])
                .withHeader("Content-Type", "application/json")
                .withBody(body(List.of(Map.of("message", "Injected failure", "errorCode",
                        this.failureCodes.getOrDefault(failure[0], "SERVER_UNAVAILABLE"))))));
            if (failure[1] >= 0) {
                answer = answer.withHeader("Retry-After", String.valueOf(failure[1]));
            }
            return answer.build();
        }
        String auth = request.getHeader("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !this.tokens.contains(auth.substring(7))) {
            return error(401, "INVALID_SESSION_ID", "Session expired or invalid", false);
        }
        if (this.used >= this.max) {
            return error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", true);
        }
        this.used++;
        return new StubRoutes(this, data.group(1)).route(method, resource, request);
    }

    private ResponseDefinition token(Request request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals("client_credentials")) {
            if (!this.clientId.equals(form.get("client_id")) || !this.clientSecret.equals(form.get("client_secret"))) {
                return oauthError("invalid_client", "invalid client credentials");
            }
        }
        else if (grant.equals("urn:ietf:params:oauth:grant-type:jwt-bearer")) {
            String problem = checkJwt(form.getOrDefault("assertion", ""));
            if (problem != null) {
                return oauthError("invalid_grant", problem);
            }
        }
        else {
            return oauthError("unsupported_grant_type", "grant type not supported");
        }
        String token = "00DSTUB!" + (this.tokenSequence++) + "." + Long.toHexString(System.nanoTime());
        this.tokens.add(token);
        this.logins++;
        return json(200,
                Map.of("access_token", token, "instance_url", this.baseUrl, "id",
                        this.baseUrl + "/id/00D000000000001AAA/005000000000001AAA", "token_type", "Bearer", "issued_at",
                        String.valueOf(System.currentTimeMillis()), "signature", "stub", "scope", "api"),
                false);
    }

    private String checkJwt(String assertion) {
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return "invalid assertion";
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!this.clientId.equals(claims.path("iss").asString())) {
                return "invalid_client_id";
            }
            if (!this.baseUrl.equals(claims.path("aud").asString())) {
                return "audience is invalid";
            }
            long exp = claims.path("exp").asLong(0);
            long now = Instant.now().getEpochSecond();
            if (exp < now || exp > now + 300) {
                return "expiration is invalid";
            }
            PublicKey key = this.jwtUsers.get(claims.path("sub").asString());
            if (key == null) {
                return "user hasn't approved this consumer";
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2])) ? null : "invalid signature";
        }
        catch (Exception ex) {
            return "invalid assertion: " + ex.getMessage();
        }
    }

    String newCursor(String version, String object, List<Map<String, Object>> rest) {
        String id = "01g" + String.format("%012d", this.cursorSequence++) + "AAA";
        this.cursors.put(id, new ArrayDeque<>(rest));
        return id;
    }

    ResponseDefinitionBuilder limited(ResponseDefinitionBuilder builder) {
        return builder.withHeader("Sforce-Limit-Info", "api-usage=" + this.used + "/" + this.max);
    }

    ResponseDefinition json(int status, Object body, boolean limited) {
        ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder().withStatus(status)
            .withHeader("Content-Type", "application/json;charset=UTF-8")
            .withBody(body(body));
        return (limited ? limited(builder) : builder).build();
    }

    ResponseDefinition error(int status, String code, String message, boolean limited) {
        return json(status, List.of(Map.of("message", message, "errorCode", code)), limited);
    }

    private ResponseDefinition oauthError(String error, String description) {
        return json(400, Map.of("error", error, "error_description", description), false);
    }

    static String body(Object value) {
        return JSON.writeValueAsString(value);
    }

    static String param(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return (parameter != null && parameter.isPresent()) ? parameter.firstValue() : null;
    }

    static List<Map<String, Object>> list(List<Map<String, Object>> rows) {
        return new ArrayList<>(rows);
    }

}
