package dev.switchyard.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.switchyard.audit.AuditLog;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the automation API: created and revoked by their owner,
 * stored as SHA-256 hashes, shown once.
 */
@Service
public class AccessTokenService {

    /** Every token starts with this, so that it is recognisable in logs and scanners. */
    public static final String PREFIX = "sy_";

    private final AccessTokenRepository tokens;

    private final AppUserRepository users;

    private final AuditLog audit;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    AccessTokenService(AccessTokenRepository tokens, AppUserRepository users, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A token just created: the secret is in {@code token} and is never shown again.
     *
     * @param token the secret
     * @param details the stored token
     */
    public record CreatedToken(String token, AccessToken details) {
    }

    /**
     * Creates a token for a user.
     * @param userId the owner
     * @param name what the token is for
     * @param validDays days until it expires, or null for never
     * @return the token and its secret
     */
    @Transactional
    public CreatedToken create(Long userId, String name, Integer validDays) {
        String label = (name != null) ? name.trim() : "";
        if (label.isEmpty() || label.length() > 80) {
            throw new InvalidInputException("name", "Give the token a name of 1 to 80 characters");
        }
        if (validDays != null && (validDays < 1 || validDays > 3650)) {
            throw new InvalidInputException("validDays", "Validity must be between 1 and 3650 days, or empty");
        }
        byte[] secret = new byte[32];
        this.random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = this.clock.instant();
        AccessToken saved = this.tokens
            .save(new AccessToken(userId, label, hash(token), token.substring(0, PREFIX.length() + 6), now,
                    (validDays != null) ? now.plus(Duration.ofDays(validDays)) : null));
        this.audit.record(null, "AccessToken", saved.getId(), "created", "token '" + label + "'");
        return new CreatedToken(token, saved);
    }

    @Transactional(readOnly = true)
    public List<AccessToken> list(Long userId) {
        return this.tokens.findByUserIdOrderByCreatedAtDesc(userId);
    }

    /**
     * Revokes one of the user's own tokens.
     * @param userId the owner
     * @param tokenId the token
     */
    @Transactional
    public void revoke(Long userId, Long tokenId) {
        AccessToken token = this.tokens.findById(tokenId)
            .filter((t) -> t.getUserId().equals(userId))
            .orElseThrow(() -> NotFoundException.of("Token", tokenId));
        if (token.getRevokedAt() == null) {
            token.setRevokedAt(this.clock.instant());
            this.audit.record(null, "AccessToken", tokenId, "revoked", "token '" + token.getName() + "'");
        }
    }

    /**
     * Finds the enabled user a presented token belongs to, and notes its use.
     * @param presented the token from the {@code Authorization} header
     * @return the user, when the token is known, active and its user enabled
     */
    @Transactional
    public Optional<SwitchyardPrincipal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = this.clock.instant();
        return this.tokens.findByTokenHash(hash(presented))
            .filter((token) -> token.isActiveAt(now))
            .flatMap((token) -> {
                token.setLastUsedAt(now);
                return this.users.findById(token.getUserId());
            })
            .filter(AppUser::isEnabled)
            .map((user) -> new SwitchyardPrincipal(user, now));
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
