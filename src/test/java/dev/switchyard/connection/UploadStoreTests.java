package dev.switchyard.connection;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.switchyard.support.TestFiles;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.SwitchyardProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadStoreTests {

    @TempDir
    Path dataDir;

    UploadStore store(long maxBytes) {
        return new UploadStore(
                new SwitchyardProperties(this.dataDir, new SwitchyardProperties.Admin("admin", null),
                        new SwitchyardProperties.Security(5, 1)),
                new MockEnvironment().withProperty("switchyard.uploads.max-bytes", Long.toString(maxBytes)));
    }

    @Test
    void storesASingleFileUnderTheDataDirectory() {
        UploadStore.Stored stored = store(1024).store(7L, 9L, "C:\\exports\\Account.csv",
                new ByteArrayInputStream("Id,Name\n1,Acme\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(stored.files()).startsWith(this.dataDir.resolve("uploads/project-7/connection-9"));
        assertThat(UploadStore.list(stored.files())).extracting((p) -> p.getFileName().toString())
            .containsExactly("Account.csv");
        assertThat(stored.bytes()).isEqualTo(15);
    }

    @Test
    void refusesAnUploadOverTheLimitNamingTheFileAndLeavesTheOldFilesInPlace() {
        UploadStore store = store(64);
        UploadStore.Stored first = store.store(1L, 2L, "Account.csv",
                new ByteArrayInputStream("Id,Name\n1,Acme\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> store.store(1L, 2L, "big.csv", new ByteArrayInputStream(new byte[65])))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("big.csv")
            .hasMessageContaining("upload limit");
        assertThat(UploadStore.list(first.files())).extracting((p) -> p.getFileName().toString())
            .containsExactly("Account.csv");
    }

    @Test
    void aNewZipReplacesThePreviousFiles() throws Exception {
        UploadStore store = store(10_000_000);
        store.store(1L, 3L, "first.zip",
                new ByteArrayInputStream(TestFiles.zip(Map.of("Old.csv", "Id\n1\n".getBytes(StandardCharsets.UTF_8)))));
        UploadStore.Stored second = store.store(1L, 3L, "second.zip",
                new ByteArrayInputStream(TestFiles.zip(Map.of("New.csv", "Id\n2\n".getBytes(StandardCharsets.UTF_8)))));
        assertThat(UploadStore.list(second.files())).extracting((p) -> p.getFileName().toString())
            .containsExactly("New.csv");
        try (var leftovers = Files.list(second.files().getParent())) {
            assertThat(leftovers).extracting((p) -> p.getFileName().toString()).containsExactly("files");
        }
    }

    @Test
    void anUploadRefusedByItsCheckLeavesThePreviousFilesAndNothingElse() throws Exception {
        UploadStore store = store(10_000);
        UploadStore.Stored first = store.store(1L, 5L, "Account.csv",
                new ByteArrayInputStream("Id,Name\n1,Acme\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(
                () -> store.store(1L, 5L, "Broken.csv", new ByteArrayInputStream(new byte[] { 1, 2 }), (files) -> {
                    assertThat(UploadStore.list(files)).extracting((p) -> p.getFileName().toString())
                        .containsExactly("Broken.csv");
                    throw new InvalidInputException("file", "unreadable");
                }))
            .hasMessage("unreadable");
        assertThat(UploadStore.list(first.files())).extracting((p) -> p.getFileName().toString())
            .containsExactly("Account.csv");
        try (var leftovers = Files.list(first.files().getParent())) {
            assertThat(leftovers).extracting((p) -> p.getFileName().toString()).containsExactly("files");
        }
    }

    @Test
    void refusesAnEmptyUploadAndAMissingName() {
        UploadStore store = store(1024);
        assertThatThrownBy(() -> store.store(1L, 4L, "Account.csv", new ByteArrayInputStream(new byte[0])))
            .hasMessageContaining("is empty");
        assertThatThrownBy(() -> store.store(1L, 4L, "", new ByteArrayInputStream(new byte[1])))
            .hasMessageContaining("Choose a file");
    }

}
