package dev.switchyard.connector;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchyard.connector.csv.CsvConnectorProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SafeZipTests {

    @TempDir
    Path temp;

    private final SafeZip safeZip = new SafeZip(SafeZip.Limits.defaults());

    @Test
    void extractsAZipOfTheMashmatrixExportSkippingDirectoriesMacMetadataAndDotFiles()
            throws IOException, URISyntaxException {
        Path data = Path.of(getClass().getResource("/data/sf-export-mashmatrix").toURI());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("export/"));
            for (String name : new String[] { "Account.csv", "Contact.csv", "Opportunity.csv" }) {
                put(zip, "export/" + name, Files.readAllBytes(data.resolve(name)));
            }
            put(zip, "__MACOSX/export/._Account.csv", new byte[] { 0, 5, 22, 7 });
            put(zip, "export/.DS_Store", new byte[] { 0, 0, 0, 1 });
        }
        Path target = this.temp.resolve("upload");
        assertThat(this.safeZip.extract(new ByteArrayInputStream(bytes.toByteArray()), target)).containsExactly(
                target.resolve("export/Account.csv"), target.resolve("export/Contact.csv"),
                target.resolve("export/Opportunity.csv"));
        assertThat(target.resolve("export/Account.csv")).hasSameBinaryContentAs(data.resolve("Account.csv"));
        try (Stream<Path> all = Files.walk(target)) {
            assertThat(all.filter(Files::isRegularFile)).hasSize(3);
        }
        SourceConnector csv = new CsvConnectorProvider()
            .open(new ConnectionSettings(ConnectorType.CSV, target, Map.of(), null, Map.of()));
        assertThat(csv.describe().objects()).extracting(ObjectSchema::name)
            .containsExactly("Account", "Contact", "Opportunity");
    }

    @Test
    void refusesAnEntryThatClimbsOutOfTheFolder() throws IOException {
        byte[] zip = zip("Account.csv", "../evil.txt");
        Path target = this.temp.resolve("upload");
        assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> extract(zip, target))
            .withMessageContaining("'../evil.txt'")
            .withMessageContaining("out of the folder");
        assertThat(this.temp.resolve("evil.txt")).doesNotExist();
        assertThat(target.resolve("Account.csv")).as("deleted after the refusal").doesNotExist();
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> extract(zip("data/..\\..\\evil.txt"), target))
            .withMessageContaining("out of the folder");
    }

    @Test
    void refusesAnAbsolutePath() throws IOException {
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> extract(zip("/tmp/evil.txt"), this.temp.resolve("upload")))
            .withMessageContaining("'/tmp/evil.txt'")
            .withMessageContaining("absolute path");
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> extract(zip("C:\\Windows\\evil.txt"), this.temp.resolve("upload")))
            .withMessageContaining("absolute path");
    }

    @Test
    void refusesAZipBombByItsCompressionRatio() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("Account.csv"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(100_000);
        Path target = this.temp.resolve("upload");
        assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> extract(bytes.toByteArray(), target))
            .withMessageContaining("'Account.csv'")
            .withMessageContaining("expands more than 100 times");
        assertThat(target.resolve("Account.csv")).doesNotExist();
    }

    @Test
    void refusesAZipThatUnpacksToMoreThanTheTotalLimitCountingBytesActuallyWritten() throws IOException {
        byte[] noise = new byte[600_000];
        new Random(7).nextBytes(noise);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "One.csv", noise);
            put(zip, "Two.csv", noise);
        }
        SafeZip small = new SafeZip(new SafeZip.Limits(1_000_000, 10, 100, 1024 * 1024));
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> small.extract(new ByteArrayInputStream(bytes.toByteArray()), this.temp))
            .withMessageContaining("'Two.csv'")
            .withMessageContaining("more than 1000000 bytes");
    }

    @Test
    void refusesMoreEntriesThanTheLimit() throws IOException {
        SafeZip small = new SafeZip(new SafeZip.Limits(1_000_000, 2, 100, 1024 * 1024));
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> small.extract(new ByteArrayInputStream(zip("a.csv", "b.csv", "c.csv")), this.temp))
            .withMessageContaining("'c.csv'")
            .withMessageContaining("more than 2 entries");
    }

    @Test
    void refusesTwoEntriesThatWouldBecomeTheSameFile() throws IOException {
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> extract(zip("Account.csv", "./account.csv"), this.temp.resolve("upload")))
            .withMessageContaining("'./account.csv'")
            .withMessageContaining("would overwrite entry 'Account.csv'");
    }

    @Test
    void refusesSomethingThatIsNotAZip() {
        assertThatExceptionOfType(ConnectorException.class)
            .isThrownBy(() -> extract("Id,Name\n1,A\n".getBytes(StandardCharsets.UTF_8), this.temp))
            .withMessageContaining("not a ZIP");
    }

    private void extract(byte[] zip, Path target) {
        this.safeZip.extract(new ByteArrayInputStream(zip), target);
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                put(zip, name, "Id,Name\n1,A\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

}
