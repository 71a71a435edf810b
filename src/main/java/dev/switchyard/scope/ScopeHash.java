package dev.switchyard.scope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a scope version's content (its lines in order: object, field, decision,
 * rationale, rules), written into an approval so that anyone can prove later that the
 * approved content is what was migrated.
 */
final class ScopeHash {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();

    private ScopeHash() {
    }

    static String of(List<ScopeLine> lines) {
        List<Map<String, Object>> content = new ArrayList<>();
        for (ScopeLine line : lines) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("object", line.getObject());
            entry.put("field", line.getField());
            entry.put("decision", line.getDecision().name());
            entry.put("rationale", line.getRationale());
            entry.put("rules", line.getRules());
            content.add(entry);
        }
        try {
            byte[] json = CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
