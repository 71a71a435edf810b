package dev.switchyard.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A measurement outside the build, run by hand: the cross-reference page's queries on an
 * environment of 1,000,000 rows, with and without the V11 indexes on source and target
 * ids, and what those indexes cost a run writing the cross-reference (100,000 rows in
 * chunks of 1,000, as {@code RunStore.xref} writes them).
 * {@code ./mvnw -Dtest=XrefSearchThroughput -Dsurefire.failIfNoSpecifiedTests=false test}
 */
@IntegrationTest
class XrefSearchThroughput {

    static final int ROWS = 1_000_000;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    XrefStore store;

    @Autowired
    RunStore runs;

    @Test
    void measure() {
        AppUser analyst = this.fixtures.user("xref-bench");
        Project project = this.fixtures.project(analyst.getUsername());
        long environment = this.jdbc.queryForObject(
                "select id from environment where project_id = ? and name = 'sandbox'", Long.class, project.getId());
        long started = System.nanoTime();
        this.jdbc.update("""
                insert into xref (environment_id, source_object, target_object, source_id, target_id, run_id)
                select ?, o.source, o.target, o.prefix || lpad(n::text, 12, '0'), (o.base + n)::text, 1
                from (values ('Account', 'companies', '001', 0), ('Contact', 'people', '003', 10000000),
                             ('Opportunity', 'deals', '006', 20000000)) o (source, target, prefix, base)
                cross join generate_series(1, ?) n""", environment, ROWS / 3);
        this.jdbc.execute("analyze xref");
        report("insert " + ROWS + " rows", System.nanoTime() - started);
        for (boolean indexed : List.of(true, false)) {
            if (!indexed) {
                this.jdbc.execute("drop index if exists xref_source_id");
                this.jdbc.execute("drop index if exists xref_target_id");
            }
            String label = indexed ? "with V11 indexes" : "without";
            time(label + ": page 1, no filter (count + page)", () -> page(environment, null, null, 0));
            time(label + ": page 10000 (offset 499,950)", () -> page(environment, null, null, 9999));
            time(label + ": source id exact", () -> page(environment, null, "003000000123456", 0));
            time(label + ": source id prefix 0030000001234", () -> page(environment, null, "0030000001234", 0));
            time(label + ": target id 10123456", () -> page(environment, null, "10123456", 0));
            time(label + ": object Contact", () -> page(environment, "contact", null, 0));
            time(label + ": object pairs", () -> this.store.pairs(environment).size());
            time(label + ": 100,000 new rows written in chunks of 1,000", () -> write(environment));
        }
        this.jdbc.execute(
                "create index if not exists xref_source_id on xref (environment_id, source_id varchar_pattern_ops)");
        this.jdbc.execute(
                "create index if not exists xref_target_id on xref (environment_id, target_id varchar_pattern_ops)");
        this.jdbc.update("delete from xref where environment_id = ?", environment);
    }

    private long page(long environment, String object, String id, int page) {
        XrefStore.Filter filter = new XrefStore.Filter(object, id);
        long total = this.store.count(environment, filter);
        return total + this.store.page(environment, filter, (long) page * 50, 50).size();
    }

    private int round;

    private int write(long environment) {
        int round = ++this.round;
        for (int chunk = 0; chunk < 100; chunk++) {
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int n = chunk * 1000 + i;
                rows.add(new String[] { "W" + round + "-" + String.format("%09d", n), String.valueOf(90000000 + n),
                        "h" + n });
            }
            this.runs.xref(environment, 1, "Lead", "leads", rows);
        }
        return 100_000;
    }

    private static void time(String what, Supplier<?> work) {
        work.get();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            work.get();
            best = Math.min(best, System.nanoTime() - started);
        }
        report(what, best);
    }

    private static void report(String what, long nanos) {
        System.out.printf("XREF %-60s %8.1f ms%n", what, nanos / 1e6);
    }

}
