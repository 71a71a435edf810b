package dev.switchyard.connector.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allowed values read from PostgreSQL CHECK constraint definitions and MySQL enum column
 * types.
 */
class JdbcPicklistParserTests {

    @Test
    void postgresInListOnTextGivesItsValuesInOrder() {
        assertThat(PicklistParser
            .postgresCheck("CHECK ((industry = ANY (ARRAY['Banking'::text, 'Retail'::text, 'Tech & Media'::text])))"))
            .containsExactly("Banking", "Retail", "Tech & Media");
    }

    @Test
    void postgresInListOnVarcharWithCastsAndQuotesIsUnderstood() {
        assertThat(PicklistParser.postgresCheck(
                "CHECK (((stage)::text = ANY ((ARRAY['Closed Won'::character varying, 'O''Brien, (Lost)'::character varying])::text[])))"))
            .containsExactly("Closed Won", "O'Brien, (Lost)");
    }

    @Test
    void postgresSingleValueAndQuotedColumnAreUnderstood() {
        assertThat(PicklistParser.postgresCheck("CHECK ((\"Lead Source\" = 'Web'::text))")).containsExactly("Web");
    }

    @Test
    void otherConstraintsGiveNoValues() {
        assertThat(PicklistParser.postgresCheck("CHECK ((amount >= (0)::numeric))")).isEmpty();
        assertThat(PicklistParser.postgresCheck("CHECK ((stage <> ALL (ARRAY['x'::text])))")).isEmpty();
        assertThat(PicklistParser.postgresCheck("CHECK (((stage = 'a'::text) OR (stage ~~ 'b%'::text)))")).isEmpty();
        assertThat(PicklistParser.postgresCheck("CHECK ((length(name) > 2))")).isEmpty();
        assertThat(PicklistParser.postgresCheck("CHECK ((name = 'unbalanced))")).isEmpty();
    }

    @Test
    void mysqlEnumColumnTypeGivesItsValues() {
        assertThat(PicklistParser.mysqlEnum("enum('Hot','Warm','It''s cold','a,b')")).containsExactly("Hot", "Warm",
                "It's cold", "a,b");
        assertThat(PicklistParser.mysqlEnum("varchar(20)")).isEmpty();
        assertThat(PicklistParser.mysqlEnum(null)).isEmpty();
    }

}
