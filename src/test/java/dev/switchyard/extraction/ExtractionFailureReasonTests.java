package dev.switchyard.extraction;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an unexpected failure tells the analyst: the cause, never a statement's SQL text.
 */
class ExtractionFailureReasonTests {

    @Test
    void namesTheRootCauseFirstLineWithoutTheStatement() {
        SQLException cause = new SQLException(
                "ERROR: value too long for type character varying(200)\n  Where: insert into dictionary_field");
        RuntimeException failure = new DataIntegrityViolationException(
                "PreparedStatementCallback; SQL [insert into dictionary_field (object_id, name) values (?, ?)]", cause);
        assertThat(ExtractionRunner.reason(new IllegalStateException("Staging Account failed", failure)))
            .isEqualTo("ERROR: value too long for type character varying(200)");
    }

    @Test
    void namesTheExceptionTypeWhenThereIsNoMessage() {
        assertThat(ExtractionRunner.reason(new NullPointerException())).isEqualTo("NullPointerException");
    }

}
