package dev.switchyard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts connection secrets at rest with AES-256-GCM. The key comes from
 * {@code switchyard.secret-key} (base64, 32 bytes) or, when that is not set, from
 * {@code secret.key} in the data directory, generated on first use and readable by its
 * owner only. Each value gets a fresh 96-bit nonce; the stored form is
 * {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}.
 */
@Component
public class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);

    private static final String PREFIX = "v1:";

    private static final int NONCE_BYTES = 12;

    private final SecretKey key;

    private final SecureRandom random = new SecureRandom();

    public SecretCipher(Environment environment, SwitchyardProperties properties) {
        this.key = new SecretKeySpec(loadKey(environment.getProperty("switchyard.secret-key"), properties.dataDir()),
                "AES");
    }

    /**
     * @param plain the secret, or null
     * @return its encrypted form, or null
     */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            this.random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not encrypt a secret", ex);
        }
    }

    /**
     * @param stored an encrypted form from {@link #encrypt}, or null
     * @return the secret, or null
     * @throws IllegalStateException when the value was encrypted with another key or was
     * tampered with
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("A stored secret is not in a known format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException(
                    "A stored secret cannot be decrypted: was switchyard.secret-key or the data directory's secret.key changed?",
                    ex);
        }
    }

    private static byte[] loadKey(String configured, Path dataDir) {
        if (StringUtils.hasText(configured)) {
            byte[] key = Base64.getDecoder().decode(configured.trim());
            if (key.length != 32) {
                throw new IllegalStateException("switchyard.secret-key must be 32 bytes, base64-encoded");
            }
            return key;
        }
        Path file = dataDir.resolve("secret.key");
        try {
            if (Files.isRegularFile(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException ex) {
                log.debug("No POSIX permissions on {}", file);
            }
            log.info("Generated the secret key for connection passwords in {}", file);
            return key;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read or create " + file, ex);
        }
    }

}
