package dev.switchyard.connector.salesforce;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchyard.connector.ConnectorException;

/**
 * The signed assertion of the OAuth 2.0 JWT bearer flow: header {@code {"alg":"RS256"}},
 * claims {@code iss} (consumer key), {@code sub} (user name), {@code aud} (the login
 * host) and {@code exp} (three minutes ahead), signed with the connected app's private
 * key.
 */
final class JwtAssertion {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private JwtAssertion() {
    }

    /**
     * @param clientId the consumer key
     * @param username the user
     * @param audience the login host, such as {@code https://login.salesforce.com}
     * @param pem the private key in PKCS#8 PEM ({@code BEGIN PRIVATE KEY})
     * @param now the current time
     * @return the compact JWT
     * @throws ConnectorException when the key cannot be read
     */
    static String sign(String clientId, String username, String audience, String pem, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", username);
        claims.put("aud", audience);
        claims.put("exp", now.plusSeconds(180).getEpochSecond());
        String signingInput = encode(Json.write(Map.of("alg", "RS256"))) + "." + encode(Json.write(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey(pem));
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        }
        catch (GeneralSecurityException ex) {
            throw new ConnectorException("The private key cannot sign the JWT bearer assertion: " + ex.getMessage());
        }
    }

    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new ConnectorException("The private key is in PKCS#1 form (BEGIN RSA PRIVATE KEY): convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem' and paste the BEGIN PRIVATE KEY block");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        }
        catch (IllegalArgumentException ex) {
            throw new ConnectorException("The private key is not a PEM block (BEGIN PRIVATE KEY)");
        }
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}
