package dev.switchyard.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.core.io.ClassPathResource;

/**
 * The demo project's source: the sf-export-mashmatrix Salesforce export bundled under
 * {@code demo/source/} (MIT; its origin, licence and data-quality defects are in
 * {@code PROVENANCE.md} beside it).
 */
final class DemoSource {

    /** The file name the upload gets. */
    static final String FILENAME = "salesforce-export.zip";

    static final List<String> FILES = List.of("Account.csv", "Contact.csv", "Opportunity.csv");

    private DemoSource() {
    }

    /**
     * @return the export's CSV files as one ZIP, as a user would upload them
     */
    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : FILES) {
                zip.putNextEntry(new ZipEntry(file));
                try (InputStream in = new ClassPathResource("demo/source/" + file).getInputStream()) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the bundled demo export", ex);
        }
        return bytes.toByteArray();
    }

}
