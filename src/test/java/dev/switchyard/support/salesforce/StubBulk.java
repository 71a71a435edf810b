package dev.switchyard.support.salesforce;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * Bulk API 2.0 jobs of a stub org. An ingest job processes its CSV when it is closed; a
 * query job runs its query when it is created. Each job reports {@code InProgress} at its
 * first poll and {@code JobComplete} after. Successful results come in reverse order, as
 * Salesforce promises no order.
 */
final class StubBulk {

    private final StubOrgState state;

    private final Map<String, Job> jobs = new LinkedHashMap<>();

    private int sequence = 1;

    StubBulk(StubOrgState state) {
        this.state = state;
    }

    Map<String, Object> createIngest(Map<String, Object> request) {
        StubObject object = this.state.object(String.valueOf(request.get("object")));
        Job job = new Job(id(), "ingest", object.name(), String.valueOf(request.get("operation")),
                (String) request.get("externalIdFieldName"));
        job.state = "Open";
        this.jobs.put(job.id, job);
        return job.info();
    }

    Map<String, Object> createQuery(Map<String, Object> request, List<Map<String, Object>> rows, List<String> fields) {
        Job job = new Job(id(), "query", null, String.valueOf(request.get("operation")), null);
        job.state = "UploadComplete";
        job.queryColumns = fields;
        job.queryRows = rows;
        this.jobs.put(job.id, job);
        Map<String, Object> info = job.info();
        info.put("jobType", "V2Query");
        return info;
    }

    void upload(String id, String csv) {
        Job job = job(id);
        if (!"Open".equals(job.state)) {
            throw new StubError(409, "INVALIDJOBSTATE", "Job is not open for uploads");
        }
        job.csv = csv;
    }

    Map<String, Object> close(String id, String state) {
        Job job = job(id);
        if ("Aborted".equals(state)) {
            job.state = "Aborted";
            return job.info();
        }
        job.state = "UploadComplete";
        process(job);
        return job.info();
    }

    Map<String, Object> poll(String id) {
        Job job = job(id);
        if ("UploadComplete".equals(job.state)) {
            job.state = "InProgress";
        }
        else if ("InProgress".equals(job.state)) {
            job.state = "JobComplete";
        }
        return job.info();
    }

    String results(String id, String kind) {
        Job job = job(id);
        if (!"JobComplete".equals(job.state)) {
            throw new StubError(400, "JOB_NOT_COMPLETE", "Job is not complete");
        }
        return switch (kind.toLowerCase(java.util.Locale.ROOT)) {
            case "successfulresults" -> job.successful;
            case "failedresults" -> job.failed;
            default -> job.unprocessed;
        };
    }

    /**
     * @return the page's CSV and the next locator ({@code null} at the end)
     */
    String[] queryPage(String id, int maxRecords, String locator) {
        Job job = job(id);
        if (!"JobComplete".equals(job.state)) {
            throw new StubError(400, "JOB_NOT_COMPLETE", "Job is not complete");
        }
        int from = (locator != null) ? Integer.parseInt(locator) : 0;
        int to = Math.min(job.queryRows.size(), from + maxRecords);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> row : job.queryRows.subList(from, to)) {
            List<String> line = new ArrayList<>();
            job.queryColumns.forEach((c) -> line.add((row.get(c) != null) ? row.get(c).toString() : ""));
            rows.add(line);
        }
        return new String[] { csv(job.queryColumns, rows), (to < job.queryRows.size()) ? String.valueOf(to) : "null",
                String.valueOf(to - from) };
    }

    private void process(Job job) {
        StubObject object = this.state.object(job.object);
        List<List<String>> successful = new ArrayList<>();
        List<List<String>> failed = new ArrayList<>();
        List<String> header;
        List<List<String>> lines = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord((job.csv != null) ? job.csv : "")) {
            List<CsvRecord> all = reader.stream().toList();
            header = all.isEmpty() ? List.of() : all.get(0).getFields();
            all.stream().skip(1).forEach((r) -> lines.add(r.getFields()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (List<String> line : lines) {
            Map<String, Object> values = new LinkedHashMap<>();
            String id = null;
            for (int i = 0; i < header.size() && i < line.size(); i++) {
                String value = line.get(i);
                if (header.get(i).equalsIgnoreCase("Id")) {
                    id = value.isEmpty() ? null : value;
                }
                else if (!value.isEmpty()) {
                    values.put(header.get(i), "#N/A".equals(value) ? null : value);
                }
            }
            List<String> result = new ArrayList<>();
            try {
                boolean created;
                if (job.operation.equals("upsert")) {
                    Object key = values.get(job.externalIdField);
                    String existing = (key == null) ? null
                            : this.state.table(object.name())
                                .entrySet()
                                .stream()
                                .filter((e) -> !Boolean.TRUE.equals(e.getValue().get("IsDeleted"))
                                        && key.toString().equals(String.valueOf(e.getValue().get(job.externalIdField))))
                                .map(Map.Entry::getKey)
                                .findFirst()
                                .orElse(null);
                    id = this.state.save(object, existing, values);
                    created = existing == null;
                }
                else if (job.operation.equals("update")) {
                    this.state.save(object, id, values);
                    created = false;
                }
                else {
                    id = this.state.save(object, null, values);
                    created = true;
                }
                result.add(id);
                result.add(String.valueOf(created));
                result.addAll(line);
                successful.add(result);
                job.processed++;
            }
            catch (StubError ex) {
                String[] parts = ex.getMessage().split("\\|", 2);
                result.add((id != null) ? id : "");
                result.add(ex.code() + ":" + parts[0] + ":"
                        + ((parts.length > 1 && !parts[1].isEmpty()) ? parts[1] : "--"));
                result.addAll(line);
                failed.add(result);
                job.processed++;
                job.failedCount++;
            }
        }
        Collections.reverse(successful);
        List<String> successHeader = new ArrayList<>(List.of("sf__Id", "sf__Created"));
        successHeader.addAll(header);
        List<String> failedHeader = new ArrayList<>(List.of("sf__Id", "sf__Error"));
        failedHeader.addAll(header);
        job.successful = csv(successHeader, successful);
        job.failed = csv(failedHeader, failed);
        job.unprocessed = csv(header, List.of());
    }

    static String csv(List<String> header, List<List<String>> rows) {
        StringWriter text = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
            writer.writeRecord(header);
            rows.forEach(writer::writeRecord);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

    private Job job(String id) {
        Job job = this.jobs.get(id);
        if (job == null) {
            throw new StubError(404, "NOT_FOUND", "The requested resource does not exist");
        }
        return job;
    }

    private String id() {
        return "750" + String.format("%012d", this.sequence++) + "AAA";
    }

    private static final class Job {

        final String id;

        final String kind;

        final String object;

        final String operation;

        final String externalIdField;

        String state;

        String csv;

        String successful = "";

        String failed = "";

        String unprocessed = "";

        List<String> queryColumns;

        List<Map<String, Object>> queryRows;

        int processed;

        int failedCount;

        Job(String id, String kind, String object, String operation, String externalIdField) {
            this.id = id;
            this.kind = kind;
            this.object = object;
            this.operation = operation;
            this.externalIdField = externalIdField;
        }

        Map<String, Object> info() {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("id", this.id);
            info.put("operation", this.operation);
            info.put("object", this.object);
            info.put("state", this.state);
            info.put("contentType", "CSV");
            info.put("apiVersion", 62.0);
            info.put("concurrencyMode", "Parallel");
            info.put("lineEnding", "LF");
            info.put("columnDelimiter", "COMMA");
            info.put("externalIdFieldName", this.externalIdField);
            if (this.kind.equals("ingest")) {
                info.put("contentUrl", "services/data/v62.0/jobs/ingest/" + this.id + "/batches");
                info.put("numberRecordsProcessed", this.processed);
                info.put("numberRecordsFailed", this.failedCount);
            }
            else {
                info.put("numberRecordsProcessed", (this.queryRows != null) ? this.queryRows.size() : 0);
            }
            info.put("retries", 0);
            return info;
        }

    }

}
