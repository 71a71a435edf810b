package dev.switchyard.connector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record to write into a target, as a migration run's transform made it.
 *
 * <p>
 * Values are plain Java values: {@code String}, {@code Long}, {@code BigDecimal},
 * {@code Boolean}, {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime},
 * {@code List<String>} for a multi-select, or null. The target converts them to its own
 * types and rejects, for this record alone, a value it cannot hold.
 *
 * @param sourceId the record's id in the source, which its write result repeats
 * @param values the target fields to set, by name (null values are kept)
 */
public record TargetRecord(String sourceId, Map<String, Object> values) {

    public TargetRecord {
        values = (values != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(values)) : Map.of();
    }

}
