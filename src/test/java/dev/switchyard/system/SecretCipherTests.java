package dev.switchyard.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTests {

    @TempDir
    Path dataDir;

    SecretCipher cipher(MockEnvironment environment) {
        return new SecretCipher(environment, new SwitchyardProperties(this.dataDir,
                new SwitchyardProperties.Admin("admin", null), new SwitchyardProperties.Security(5, 1)));
    }

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        SecretCipher cipher = cipher(new MockEnvironment());
        String first = cipher.encrypt("s3cret-pässword");
        String second = cipher.encrypt("s3cret-pässword");
        assertThat(first).startsWith("v1:").doesNotContain("s3cret").isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("s3cret-pässword");
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void generatesTheKeyIntoTheDataDirectoryReadableByItsOwnerOnlyAndReusesIt() throws Exception {
        String sealed = cipher(new MockEnvironment()).encrypt("secret");
        Path key = this.dataDir.resolve("secret.key");
        assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(cipher(new MockEnvironment()).decrypt(sealed)).isEqualTo("secret");
    }

    @Test
    void refusesATamperedValueOrAnotherKey() {
        SecretCipher cipher = cipher(new MockEnvironment());
        String sealed = cipher.encrypt("secret");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "B" : "A") + "=";
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        SecretCipher other = cipher(new MockEnvironment().withProperty("switchyard.secret-key", otherKey));
        assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void refusesAConfiguredKeyOfTheWrongLength() {
        MockEnvironment environment = new MockEnvironment().withProperty("switchyard.secret-key",
                Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> cipher(environment)).hasMessageContaining("32 bytes");
    }

}
