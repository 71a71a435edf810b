package dev.switchyard.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A separate JVM for {@link EmbeddedPostgresServerTests}: starts the embedded server on a
 * directory, writes a row, says READY and waits to be killed.
 */
public final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres server = EmbeddedPostgresServer.start(Path.of(args[0]));
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists survivor (note text)");
            statement.execute("insert into survivor values ('written before the crash')");
        }
        System.out.println("READY " + server.getPort());
        System.out.flush();
        Thread.sleep(120_000);
    }

}
