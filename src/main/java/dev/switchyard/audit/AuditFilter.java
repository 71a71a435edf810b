package dev.switchyard.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of an audit log page: who, what (free text over action, entity and summary)
 * and a date range (inclusive days, UTC).
 *
 * @param actor exact user name, or blank for everyone
 * @param text free text, or blank
 * @param from first day, or null
 * @param to last day, or null
 */
public record AuditFilter(String actor, String text, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    /**
     * @return the actor filter, never null
     */
    public String actorOrBlank() {
        return (this.actor != null) ? this.actor.trim() : "";
    }

    /**
     * @return the text filter, never null
     */
    public String textOrBlank() {
        return (this.text != null) ? this.text.trim() : "";
    }

    Instant fromInstant() {
        return (this.from != null) ? this.from.atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.EPOCH;
    }

    Instant toInstant() {
        return (this.to != null) ? this.to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                : Instant.parse("9999-01-01T00:00:00Z");
    }

}
