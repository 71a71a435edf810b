package dev.switchyard.support.salesforce;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import tools.jackson.core.type.TypeReference;

/**
 * Answers one API request of a stub org (the caller has checked the session and counted
 * the call).
 */
final class StubRoutes {

    private static final int PAGE = 2000;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final Pattern DESCRIBE = Pattern.compile("/sobjects/(\\w+)/describe/?");

    private static final Pattern DELETED = Pattern.compile("/sobjects/(\\w+)/deleted/?");

    private static final Pattern NEXT_PAGE = Pattern.compile("/query/(01g\\w+)-(\\d+)");

    private static final Pattern UPSERT = Pattern.compile("/composite/sobjects/(\\w+)/(\\w+)");

    private static final Pattern RETRIEVE = Pattern.compile("/composite/sobjects/(\\w+)");

    private static final Pattern INGEST_JOB = Pattern.compile("/jobs/ingest/(\\w+)");

    private static final Pattern INGEST_UPLOAD = Pattern.compile("/jobs/ingest/(\\w+)/batches/?");

    private static final Pattern INGEST_RESULTS = Pattern.compile(
            "/jobs/ingest/(\\w+)/(successfulResults|failedResults|unprocessedRecords)/?", Pattern.CASE_INSENSITIVE);

    private static final Pattern QUERY_JOB = Pattern.compile("/jobs/query/(\\w+)");

    private static final Pattern QUERY_RESULTS = Pattern.compile("/jobs/query/(\\w+)/results/?");

    private final StubApi api;

    private final StubOrgState state;

    private final String version;

    StubRoutes(StubApi api, String version) {
        this.api = api;
        this.state = api.state;
        this.version = version;
    }

    ResponseDefinition route(String method, String resource, Request request) {
        Matcher m;
        switch (method) {
            case "GET" -> {
                if (resource.equals("/sobjects/") || resource.equals("/sobjects")) {
                    return ok(Map.of("encoding", "UTF-8", "maxBatchSize", 200, "sobjects",
                            this.state.objects.values().stream().map(StubObject::globalEntry).toList()));
                }
                if ((m = DESCRIBE.matcher(resource)).matches()) {
                    return ok(this.state.object(m.group(1)).describe());
                }
                if ((m = DELETED.matcher(resource)).matches()) {
                    return deleted(m.group(1), request);
                }
                if (resource.equals("/query") || resource.equals("/queryAll")) {
                    return query(StubApi.param(request, "q"), resource.equals("/queryAll"), request);
                }
                if ((m = NEXT_PAGE.matcher(resource)).matches()) {
                    return nextPage(m.group(1));
                }
                if (resource.equals("/tooling/query")) {
                    return tooling(StubApi.param(request, "q"));
                }
                if (resource.equals("/limits") || resource.equals("/limits/")) {
                    return limits();
                }
                if ((m = INGEST_RESULTS.matcher(resource)).matches()) {
                    return csv(this.api.bulk.results(m.group(1), m.group(2)), null, null);
                }
                if ((m = QUERY_RESULTS.matcher(resource)).matches()) {
                    String max = StubApi.param(request, "maxRecords");
                    String[] page = this.api.bulk.queryPage(m.group(1), (max != null) ? Integer.parseInt(max) : 50_000,
                            StubApi.param(request, "locator"));
                    return csv(page[0], page[1], page[2]);
                }
                if ((m = INGEST_JOB.matcher(resource)).matches() || (m = QUERY_JOB.matcher(resource)).matches()) {
                    return ok(this.api.bulk.poll(m.group(1)));
                }
                if ((m = RETRIEVE.matcher(resource)).matches()) {
                    return retrieve(m.group(1), request);
                }
            }
            case "POST" -> {
                if (resource.equals("/composite/sobjects")) {
                    return collection(request, "insert", null, null);
                }
                if (resource.equals("/jobs/ingest") || resource.equals("/jobs/ingest/")) {
                    return ok(this.api.bulk.createIngest(body(request)));
                }
                if (resource.equals("/jobs/query") || resource.equals("/jobs/query/")) {
                    Map<String, Object> body = body(request);
                    StubSoql soql = StubSoql.parse(String.valueOf(body.get("query")));
                    List<Map<String, Object>> rows = this.state.select(soql, "queryAll".equals(body.get("operation")));
                    List<String> columns = new ArrayList<>();
                    soql.fields()
                        .forEach((f) -> columns.add(this.state.queryObject(soql.object()).field(f).get().name()));
                    return ok(this.api.bulk.createQuery(body, rows, columns));
                }
            }
            case "PATCH" -> {
                if (resource.equals("/composite/sobjects")) {
                    return collection(request, "update", null, null);
                }
                if ((m = UPSERT.matcher(resource)).matches()) {
                    return collection(request, "upsert", m.group(1), m.group(2));
                }
                if ((m = INGEST_JOB.matcher(resource)).matches()) {
                    return ok(this.api.bulk.close(m.group(1), String.valueOf(body(request).get("state"))));
                }
            }
            case "PUT" -> {
                if ((m = INGEST_UPLOAD.matcher(resource)).matches()) {
                    this.api.bulk.upload(m.group(1), request.getBodyAsString());
                    return this.api.limited(new ResponseDefinitionBuilder().withStatus(201)).build();
                }
            }
            case "DELETE" -> {
                if (resource.equals("/composite/sobjects")) {
                    return deleteRecords(StubApi.param(request, "ids"));
                }
            }
            default -> {
            }
        }
        throw new StubError(404, "NOT_FOUND", "The requested resource does not exist");
    }

    private ResponseDefinition query(String q, boolean all, Request request) {
        if (q == null) {
            throw new StubError(400, "MALFORMED_QUERY", "q is missing");
        }
        StubSoql soql = StubSoql.parse(q);
        List<Map<String, Object>> rows = this.state.select(soql, all);
        String object = this.state.queryObject(soql.object()).name();
        if (soql.count()) {
            return ok(page(rows.size(), true, null, List.of()));
        }
        int size = PAGE;
        String options = request.getHeader("Sforce-Query-Options");
        if (options != null && options.startsWith("batchSize=")) {
            size = Math.max(200, Math.min(PAGE, Integer.parseInt(options.substring(10).trim())));
        }
        List<Map<String, Object>> records = new ArrayList<>();
        rows.forEach((row) -> records.add(withAttributes(object, row)));
        return firstPage(object, records, size);
    }

    private ResponseDefinition firstPage(String object, List<Map<String, Object>> records, int size) {
        if (records.size() <= size) {
            return ok(page(records.size(), true, null, records));
        }
        String cursor = this.api.newCursor(this.version, object, records.subList(size, records.size()));
        return ok(page(records.size(), false, "/services/data/v" + this.version + "/query/" + cursor + "-" + size,
                records.subList(0, size)));
    }

    private ResponseDefinition nextPage(String cursor) {
        Deque<Map<String, Object>> rest = this.api.cursors.get(cursor);
        if (rest == null) {
            throw new StubError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        List<Map<String, Object>> page = new ArrayList<>();
        while (!rest.isEmpty() && page.size() < PAGE) {
            page.add(rest.poll());
        }
        if (rest.isEmpty()) {
            this.api.cursors.remove(cursor);
            return ok(page(page.size(), true, null, page));
        }
        return ok(page(page.size(), false, "/services/data/v" + this.version + "/query/" + cursor + "-" + page.size(),
                page));
    }

    private static Map<String, Object> page(int total, boolean done, String next, List<Map<String, Object>> records) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("totalSize", total);
        page.put("done", done);
        if (next != null) {
            page.put("nextRecordsUrl", next);
        }
        page.put("records", records);
        return page;
    }

    private Map<String, Object> withAttributes(String object, Map<String, Object> row) {
        Map<String, Object> record = new LinkedHashMap<>();
        Object id = row.get("Id");
        record.put("attributes", Map.of("type", object, "url",
                "/services/data/v" + this.version + "/sobjects/" + object + "/" + ((id != null) ? id : "")));
        record.putAll(row);
        return record;
    }

    private ResponseDefinition tooling(String q) {
        if (this.api.toolingForbidden) {
            throw new StubError(403, "INSUFFICIENT_ACCESS", "insufficient access rights on cross-reference id");
        }
        StubSoql soql = StubSoql.parse(q);
        if (!soql.object().equals("ValidationRule")) {
            throw new StubError(400, "INVALID_TYPE", "sObject type '" + soql.object() + "' is not supported.");
        }
        List<Map<String, Object>> records = new ArrayList<>();
        Object wanted = soql.conditions().isEmpty() ? null : soql.conditions().get(0).values().get(0);
        for (StubObject object : this.state.objects.values()) {
            for (StubObject.Rule rule : object.rules()) {
                if (wanted != null && !wanted.equals(rule.id())) {
                    continue;
                }
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("attributes", Map.of("type", "ValidationRule", "url",
                        "/services/data/v" + this.version + "/tooling/sobjects/ValidationRule/" + rule.id()));
                record.put("Id", rule.id());
                if (soql.fields().contains("Metadata")) {
                    record.put("FullName", object.name() + "." + rule.name());
                    Map<String, Object> metadata = new LinkedHashMap<>();
                    metadata.put("active", true);
                    metadata.put("errorConditionFormula", rule.formula());
                    metadata.put("errorMessage", rule.message());
                    record.put("Metadata", metadata);
                }
                else {
                    record.put("ValidationName", rule.name());
                    record.put("Active", true);
                    record.put("Description", null);
                    record.put("ErrorMessage", rule.message());
                    record.put("ErrorDisplayField", rule.errorField());
                    record.put("EntityDefinition",
                            Map.of("attributes", Map.of("type", "EntityDefinition"), "DeveloperName", object.name()));
                }
                records.add(record);
            }
        }
        if (soql.fields().contains("Metadata") && records.size() != 1) {
            throw new StubError(400, "MALFORMED_QUERY",
                    "When retrieving results with Metadata or FullName fields, the query qualifications must specify no more than one row for retrieval.");
        }
        Map<String, Object> page = page(records.size(), true, null, records);
        page.put("entityTypeName", "ValidationRule");
        return ok(page);
    }

    private ResponseDefinition limits() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("DailyApiRequests",
                Map.of("Max", this.api.max, "Remaining", Math.max(0, this.api.max - this.api.used)));
        limits.put("DailyBulkApiBatches", Map.of("Max", 15000, "Remaining", 15000));
        limits.put("DailyBulkV2QueryJobs", Map.of("Max", 10000, "Remaining", 10000));
        return ok(limits);
    }

    private ResponseDefinition deleted(String objectName, Request request) {
        StubObject object = this.state.object(objectName);
        Instant start = StubOrgState.instant(StubApi.param(request, "start"));
        Instant end = StubOrgState.instant(StubApi.param(request, "end"));
        List<Map<String, Object>> deleted = new ArrayList<>();
        this.state.table(object.name()).forEach((id, record) -> {
            Instant at = this.state.deletedAt.get(id);
            if (Boolean.TRUE.equals(record.get("IsDeleted")) && at != null && !at.isBefore(start) && at.isBefore(end)) {
                deleted.add(Map.of("id", id, "deletedDate", StubOrgState.format(at)));
            }
        });
        return ok(Map.of("deletedRecords", deleted, "earliestDateAvailable",
                StubOrgState.format(this.state.now().minusSeconds(15 * 86400)), "latestDateCovered",
                StubOrgState.format(end)));
    }

    @SuppressWarnings("unchecked")
    private ResponseDefinition collection(Request request, String operation, String objectName, String externalId) {
        Map<String, Object> body = body(request);
        List<Map<String, Object>> records = (List<Map<String, Object>>) body.getOrDefault("records", List.of());
        if (records.size() > 200) {
            throw new StubError(400, "EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than 200 records into this call");
        }
        boolean allOrNone = Boolean.TRUE.equals(body.get("allOrNone"));
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> record : records) {
            Map<String, Object> attributes = (Map<String, Object>) record.getOrDefault("attributes", Map.of());
            Map<String, Object> result = new LinkedHashMap<>();
            String id = (String) record.get("Id");
            try {
                StubObject object = this.state
                    .object((objectName != null) ? objectName : String.valueOf(attributes.get("type")));
                boolean created = false;
                switch (operation) {
                    case "insert" -> {
                        id = this.state.save(object, null, record);
                        created = true;
                    }
                    case "update" -> this.state.save(object, id, record);
                    default -> {
                        Object key = record.get(externalId);
                        String field = object.field(externalId)
                            .filter((f) -> f.externalId())
                            .orElseThrow(() -> new StubError(400, "INVALID_FIELD",
                                    "Provided external ID field does not exist or is not accessible: " + externalId))
                            .name();
                        List<String> matches = this.state.table(object.name())
                            .entrySet()
                            .stream()
                            .filter((e) -> !Boolean.TRUE.equals(e.getValue().get("IsDeleted")) && key != null
                                    && key.toString().equals(String.valueOf(e.getValue().get(field))))
                            .map(Map.Entry::getKey)
                            .toList();
                        if (matches.size() > 1) {
                            throw new StubError(300, "DUPLICATE_EXTERNAL_ID",
                                    "more than one record found for external id field: " + matches);
                        }
                        id = this.state.save(object, matches.isEmpty() ? null : matches.get(0), record);
                        created = matches.isEmpty();
                    }
                }
                result.put("id", id);
                result.put("success", true);
                if (operation.equals("upsert")) {
                    result.put("created", created);
                }
                result.put("errors", List.of());
            }
            catch (StubError ex) {
                String[] parts = ex.getMessage().split("\\|", 2);
                if (id != null) {
                    result.put("id", id);
                }
                result.put("success", false);
                if (operation.equals("upsert")) {
                    result.put("created", false);
                }
                result.put("errors", List.of(Map.of("statusCode", ex.code(), "message", parts[0], "fields",
                        (parts.length > 1 && !parts[1].isEmpty()) ? List.of(parts[1]) : List.of())));
            }
            results.add(result);
        }
        if (allOrNone && results.stream().anyMatch((r) -> !Boolean.TRUE.equals(r.get("success")))) {
            throw new StubError(400, "ALL_OR_NONE_OPERATION_ROLLED_BACK", "the stub org supports allOrNone=false only");
        }
        return ok(results);
    }

    private ResponseDefinition deleteRecords(String ids) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (String id : (ids != null) ? ids.split(",") : new String[0]) {
            StubObject object = this.state.objectOfId(id).orElse(null);
            boolean deleted = object != null && this.state.delete(object.name(), id);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", id);
            result.put("success", deleted);
            result.put("errors", deleted ? List.of() : List
                .of(Map.of("statusCode", "ENTITY_IS_DELETED", "message", "entity is deleted", "fields", List.of())));
            results.add(result);
        }
        return ok(results);
    }

    private ResponseDefinition retrieve(String objectName, Request request) {
        StubObject object = this.state.object(objectName);
        String fields = StubApi.param(request, "fields");
        List<Object> results = new ArrayList<>();
        for (String id : String.valueOf(StubApi.param(request, "ids")).split(",")) {
            Map<String, Object> record = this.state.table(object.name()).get(id);
            if (record == null || Boolean.TRUE.equals(record.get("IsDeleted"))) {
                results.add(null);
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (String field : (fields != null) ? fields.split(",") : record.keySet().toArray(new String[0])) {
                row.put(field, record.get(field));
            }
            results.add(withAttributes(object.name(), row));
        }
        return ok(results);
    }

    private ResponseDefinition ok(Object body) {
        return this.api.json(200, body, true);
    }

    private ResponseDefinition csv(String text, String locator, String count) {
        ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder().withStatus(200)
            .withHeader("Content-Type", "text/csv")
            .withBody(text);
        if (locator != null) {
            builder = builder.withHeader("Sforce-Locator", locator).withHeader("Sforce-NumberOfRecords", count);
        }
        return this.api.limited(builder).build();
    }

    private static Map<String, Object> body(Request request) {
        try {
            return StubApi.JSON.readValue(request.getBodyAsString(), MAP);
        }
        catch (RuntimeException ex) {
            throw new StubError(400, "JSON_PARSER_ERROR", "The request body is not JSON: " + ex.getMessage());
        }
    }

}
