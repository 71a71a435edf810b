package dev.switchyard.connector.salesforce;

import java.time.Clock;
import java.util.Locale;

import dev.switchyard.connector.ConnectorException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Obtains access tokens from the org's token endpoint ({@code POST
 * {loginUrl}/services/oauth2/token}), by client credentials or by a JWT bearer assertion.
 * Neither flow has a refresh token: a new session is simply asked for. Token requests do
 * not count against the org's API limit and are not metered.
 */
final class SalesforceLogin {

    private final SalesforceSettings settings;

    private final RestClient rest;

    private final Clock clock;

    SalesforceLogin(SalesforceSettings settings, RestClient rest, Clock clock) {
        this.settings = settings;
        this.rest = rest;
        this.clock = clock;
    }

    /**
     * @return a new session
     * @throws ConnectorException when the org refuses the login, with its reason
     * @throws ResourceAccessException when the login host cannot be reached
     */
    SalesforceSession login() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (this.settings.authFlow() == AuthFlow.JWT_BEARER) {
            form.add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
            form.add("assertion", JwtAssertion.sign(this.settings.clientId(), this.settings.username(), audience(),
                    this.settings.secret(), this.clock.instant()));
        }
        else {
            form.add("grant_type", "client_credentials");
            form.add("client_id", this.settings.clientId());
            form.add("client_secret", this.settings.secret());
        }
        SalesforceResponse answer = this.rest.post()
            .uri(this.settings.loginUrl() + "/services/oauth2/token")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            .body(form)
            .exchange((request, response) -> new SalesforceResponse(response.getStatusCode().value(),
                    response.getHeaders(), response.getBody().readAllBytes()));
        if (answer.status() != 200) {
            SalesforceError error = SalesforceError.parse(answer.text()).get(0);
            throw new ConnectorException("Salesforce refused the " + this.settings.authFlow().key() + " login at "
                    + this.settings.loginUrl() + " (HTTP " + answer.status() + "): " + error);
        }
        JsonNode token = answer.json();
        String accessToken = Json.text(token.path("access_token"));
        String instanceUrl = Json.text(token.path("instance_url"));
        if (accessToken == null || instanceUrl == null) {
            throw new ConnectorException("The Salesforce token answer holds no access_token or instance_url");
        }
        return new SalesforceSession(accessToken, instanceUrl.replaceAll("/+$", ""));
    }

    /**
     * The JWT audience: login.salesforce.com for production hosts, test.salesforce.com
     * for sandboxes, else the login URL itself (an Experience Cloud site, a local
     * emulator).
     */
    String audience() {
        String host = this.settings.loginUrl().getHost().toLowerCase(Locale.ROOT);
        if (host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com")) {
            return "https://test.salesforce.com";
        }
        if (host.endsWith(".salesforce.com")) {
            return "https://login.salesforce.com";
        }
        return this.settings.loginUrl().toString();
    }

}
