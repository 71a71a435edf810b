package dev.switchyard.connector.csv;

import dev.switchyard.connector.RecordingSink;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;
import dev.switchyard.connector.SourceRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The CSV connector on small crafted files: delimiters, encodings, broken rows and
 * headers.
 */
class CsvConnectorFileVariantsTests {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path folder;

    @Test
    void detectsSemicolonTabAndPipeDelimitersPerFileRespectingQuotes() throws IOException {
        write("Semi.csv", "Id;Name;Note\n1;\"Smith, John\";\"a;b\"\n2;Jones;\n", StandardCharsets.UTF_8);
        write("Tabs.CSV", "Id\tName\n1\tSmith, John\n", StandardCharsets.UTF_8);
        write("Pipes.csv", "Id|Name|City\n1|\"Doe | Co\"|Paris, TX\n", StandardCharsets.UTF_8);
        SourceConnector connector = open(Map.of());
        assertThat(connector.describe().objects()).extracting((o) -> o.fields().size()).containsExactly(3, 3, 2);
        RecordingSink semi = extract(connector, "Semi");
        assertThat(semi.records()).extracting(SourceRecord::values)
            .containsExactly(Map.of("Id", "1", "Name", "Smith, John", "Note", "a;b"),
                    Map.of("Id", "2", "Name", "Jones", "Note", ""));
        assertThat(extract(connector, "tabs").records().get(0).values()).containsEntry("Name", "Smith, John");
        assertThat(extract(connector, "Pipes").records().get(0).values()).containsEntry("Name", "Doe | Co")
            .containsEntry("City", "Paris, TX");
    }

    @Test
    void usesTheDelimiterOptionInsteadOfDetecting() throws IOException {
        write("People.csv", "Id;Name,Town\n1;Smith,Leeds\n", StandardCharsets.UTF_8);
        assertThat(open(Map.of()).describe().object("People").orElseThrow().fields()).extracting(FieldSchema::name)
            .containsExactly("Id;Name", "Town");
        SourceConnector connector = open(Map.of("delimiter", ";"));
        assertThat(extract(connector, "People").records().get(0).values()).containsExactly(Map.entry("Id", "1"),
                Map.entry("Name,Town", "Smith,Leeds"));
    }

    @Test
    void decodesAWindows1252FileWhenThatEncodingIsDeclared() throws IOException {
        write("People.csv", "Id,Name,Price\n1,Müller,5 €\n", WINDOWS_1252);
        RecordingSink sink = extract(open(Map.of("encoding", "windows-1252")), "People");
        assertThat(sink.problems()).isEmpty();
        assertThat(sink.records().get(0).values()).containsEntry("Name", "Müller").containsEntry("Price", "5 €");
    }

    @Test
    void reportsWindows1252BytesReadAsUtf8AsAProblemNamingFileAndLineAndGoesOnWithOtherFiles() throws IOException {
        write("Accounts.csv", "Id,Name\nA1,Acme\n", StandardCharsets.UTF_8);
        write("People.csv", "Id,Name\n1,Smith\n2,\"Multi\nline\"\n3,Müller\n4,Jones\n", WINDOWS_1252);
        SourceConnector connector = open(Map.of());
        RecordingSink people = extract(connector, "People");
        assertThat(people.records()).extracting(SourceRecord::id).containsExactly("1", "2");
        assertThat(people.problems()).singleElement().satisfies((problem) -> {
            assertThat(problem.location()).isEqualTo("People.csv:5");
            assertThat(problem.message()).contains("UTF-8").contains("line 5");
        });
        assertThat(people.records()).noneMatch((r) -> r.values().toString().contains("\uFFFD"));
        assertThat(extract(connector, "Accounts").records()).hasSize(1);
    }

    @Test
    void countsLinesAcrossDecoderBuffersWhenReportingBadBytes() throws IOException {
        StringBuilder csv = new StringBuilder("Id,Name\n");
        for (int i = 1; i <= 20_000; i++) {
            csv.append(i).append(",Name ").append(i).append('\n');
        }
        csv.append("20001,Müller\n");
        write("Big.csv", csv.toString(), WINDOWS_1252);
        RecordingSink sink = extract(open(Map.of()), "Big");
        assertThat(sink.records()).hasSize(20_000);
        assertThat(sink.problems()).extracting(ExtractionProblem::location).containsExactly("Big.csv:20002");
    }

    @Test
    void decodesUtf16LittleEndianWithAByteOrderMark() throws IOException {
        byte[] text = "Id,Name\r\n1,Müller €\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);
        Files.write(this.folder.resolve("People.csv"), bytes);
        for (Map<String, String> options : java.util.List.of(Map.<String, String>of(), Map.of("encoding", "UTF-16"))) {
            RecordingSink sink = extract(open(options), "People");
            assertThat(sink.problems()).isEmpty();
            assertThat(sink.records()).singleElement().satisfies((record) -> {
                assertThat(record.values()).containsExactly(Map.entry("Id", "1"), Map.entry("Name", "Müller €"));
                assertThat(record.location()).isEqualTo("People.csv:2");
            });
        }
    }

    @Test
    void recognisesUtf16WithoutAByteOrderMarkInBothByteOrdersWhateverTheDeclaredEncoding() throws IOException {
        for (Charset charset : java.util.List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            write("People.csv", "Id,Name,City\r\n1,Müller €,Zürich\r\n2,Jones,Łódź\r\n", charset);
            for (Map<String, String> options : java.util.List.of(Map.<String, String>of(),
                    Map.of("encoding", "windows-1252"))) {
                SourceConnector connector = open(options);
                assertThat(connector.describe().object("People").orElseThrow().fields()).extracting(FieldSchema::name)
                    .as(charset.name())
                    .containsExactly("Id", "Name", "City");
                RecordingSink sink = extract(connector, "People");
                assertThat(sink.problems()).isEmpty();
                assertThat(sink.records()).extracting(SourceRecord::values)
                    .containsExactly(Map.of("Id", "1", "Name", "Müller €", "City", "Zürich"),
                            Map.of("Id", "2", "Name", "Jones", "City", "Łódź"));
            }
        }
    }

    @Test
    void takesTextWithoutZeroBytesOrWithAFewStrayOnesForWhatItIsDeclared() {
        byte[] utf8 = "Id,Name\n1,Müller\n".getBytes(StandardCharsets.UTF_8);
        assertThat(CsvEncoding.utf16WithoutMark(utf8, utf8.length, StandardCharsets.UTF_8))
            .isEqualTo(StandardCharsets.UTF_8);
        byte[] stray = "Id,Name\n1,Mu\u0000ller\n2,Jo\u0000nes\n".getBytes(StandardCharsets.UTF_8);
        assertThat(CsvEncoding.utf16WithoutMark(stray, stray.length, StandardCharsets.UTF_8))
            .isEqualTo(StandardCharsets.UTF_8);
        byte[] one = { 'I', 0 };
        assertThat(CsvEncoding.utf16WithoutMark(one, one.length, StandardCharsets.UTF_8))
            .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void removesNulCharactersFromHeaderNamesAndReportsThemAtLineOne() throws IOException {
        write("People.csv", "Id,Na\u0000me\n1,Smith\n", StandardCharsets.UTF_8);
        SchemaSnapshot schema = open(Map.of()).describe();
        assertThat(schema.object("People").orElseThrow().fields()).extracting(FieldSchema::name)
            .containsExactly("Id", "Name");
        assertThat(schema.problems()).singleElement().satisfies((problem) -> {
            assertThat(problem.location()).isEqualTo("People.csv:1");
            assertThat(problem.field()).isEqualTo("Name");
            assertThat(problem.message()).contains("NUL characters removed");
        });
        assertThat(extract(open(Map.of()), "People").records().get(0).values()).containsEntry("Name", "Smith");
    }

    @Test
    void quarantinesARaggedRowWithFileAndLineAndAcceptsTheOthers() throws IOException {
        write("People.csv", "Id,Name\n1,\"Smith\nJr\"\n2,Jones,extra\n3\n\n4,Brown\n", StandardCharsets.UTF_8);
        RecordingSink sink = extract(open(Map.of()), "People");
        assertThat(sink.records()).extracting(SourceRecord::id).containsExactly("1", "4");
        assertThat(sink.records()).extracting(SourceRecord::location).containsExactly("People.csv:2", "People.csv:7");
        assertThat(sink.problems()).extracting(ExtractionProblem::location)
            .containsExactly("People.csv:4", "People.csv:5");
        assertThat(sink.problems().get(0).rawValue()).isEqualTo("2,Jones,extra");
        assertThat(sink.problems().get(0).message()).contains("3 fields").contains("header has 2");
    }

    @Test
    void quarantinesARecordWithABlankId() throws IOException {
        write("People.csv", "Id,Name\n1,Smith\n ,Nobody\n2,Jones\n", StandardCharsets.UTF_8);
        RecordingSink sink = extract(open(Map.of()), "People");
        assertThat(sink.records()).extracting(SourceRecord::id).containsExactly("1", "2");
        assertThat(sink.problems()).singleElement().satisfies((problem) -> {
            assertThat(problem.location()).isEqualTo("People.csv:3");
            assertThat(problem.field()).isEqualTo("Id");
            assertThat(problem.rawValue()).isEqualTo(" ,Nobody");
        });
    }

    @Test
    void describesAFileWithoutAnIdColumnWithANullIdFieldAndRefusesToExtractIt() throws IOException {
        write("Notes.csv", "Title,Body\nHello,World\n", StandardCharsets.UTF_8);
        write("People.csv", "ID,Name\n1,Smith\n", StandardCharsets.UTF_8);
        SourceConnector connector = open(Map.of());
        SchemaSnapshot snapshot = connector.describe();
        assertThat(snapshot.object("Notes").orElseThrow().idField()).isNull();
        assertThat(snapshot.object("People").orElseThrow().idField()).isEqualTo("ID");
        assertThat(snapshot.problems()).singleElement().satisfies((problem) -> {
            assertThat(problem.object()).isEqualTo("Notes");
            assertThat(problem.location()).isEqualTo("Notes.csv:1");
            assertThat(problem.message()).contains("Notes.csv has no Id column");
        });
        assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> extract(connector, "Notes"))
            .withMessageContaining("Cannot extract Notes")
            .withMessageContaining("no Id column");
        assertThat(extract(connector, "People").records()).extracting(SourceRecord::id).containsExactly("1");
    }

    @Test
    void usesTheIdFieldChosenForTheObject() throws IOException {
        write("Things.csv", "Id,Code,Name\n,T-1,Bolt\n,T-2,Nut\n", StandardCharsets.UTF_8);
        SourceConnector connector = new CsvConnectorProvider()
            .open(new ConnectionSettings(ConnectorType.CSV, this.folder, Map.of(), null, Map.of("Things", "Code")));
        assertThat(connector.describe().object("Things").orElseThrow().idField()).isEqualTo("Code");
        RecordingSink sink = extract(connector, "Things");
        assertThat(sink.problems()).isEmpty();
        assertThat(sink.records()).extracting(SourceRecord::id).containsExactly("T-1", "T-2");
    }

    @Test
    void makesRepeatedAndBlankHeaderNamesUniqueAndReportsThem() throws IOException {
        write("People.csv", "Id,Name,Name,,name_2\n1,A,B,C,D\n", StandardCharsets.UTF_8);
        SourceConnector connector = open(Map.of());
        SchemaSnapshot snapshot = connector.describe();
        assertThat(snapshot.object("People").orElseThrow().fields()).extracting(FieldSchema::name)
            .containsExactly("Id", "Name", "Name_3", "Column_4", "name_2");
        assertThat(snapshot.problems()).hasSize(2).allMatch((p) -> p.location().equals("People.csv:1"));
        assertThat(extract(connector, "People").records().get(0).values()).containsEntry("Name_3", "B")
            .containsEntry("Column_4", "C");
    }

    @Test
    void countsOldMacLineEndingsWhenLocatingRecordsAndBadBytes() throws IOException {
        write("People.csv", "Id,Name\r1,Smith\r2,Müller\r", WINDOWS_1252);
        RecordingSink sink = extract(open(Map.of()), "People");
        assertThat(sink.records()).extracting(SourceRecord::location).containsExactly("People.csv:2");
        assertThat(sink.problems()).extracting(ExtractionProblem::location).containsExactly("People.csv:3");
    }

    @Test
    void stopsWhenTheSinkIsCancelled() throws IOException {
        StringBuilder csv = new StringBuilder("Id\n");
        for (int i = 1; i <= 10_000; i++) {
            csv.append(i).append('\n');
        }
        write("Ids.csv", csv.toString(), StandardCharsets.UTF_8);
        RecordingSink sink = new RecordingSink() {

            @Override
            public boolean cancelled() {
                return this.records().size() >= 1000;
            }

        };
        open(Map.of()).extract("Ids", ExtractWindow.full(), sink);
        assertThat(sink.records().size()).isBetween(1000, 1300);
    }

    private void write(String name, String text, Charset charset) throws IOException {
        Files.write(this.folder.resolve(name), text.getBytes(charset));
    }

    private SourceConnector open(Map<String, String> options) {
        return new CsvConnectorProvider()
            .open(new ConnectionSettings(ConnectorType.CSV, this.folder, options, null, Map.of()));
    }

    private RecordingSink extract(SourceConnector connector, String object) {
        RecordingSink sink = new RecordingSink();
        connector.extract(object, ExtractWindow.full(), sink);
        return sink;
    }

}
