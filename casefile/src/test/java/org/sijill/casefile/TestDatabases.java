package org.sijill.casefile;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Fresh case files for tests, each in a new database of one test server per JVM: an embedded
 * PostgreSQL by default, or the organisation-style server named by {@code SIJILL_TEST_PG} (a JDBC
 * URL with credentials, e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=sijill&password=…}) — CI runs the case-file,
 * workflow and server suites both ways. A case file opened here goes through {@code --db}'s path
 * ({@link CaseFile#open} with a URL: pool, migrations), so both runs test the same code.
 *
 * <p>Databases on the named server are dropped when the JVM ends; the embedded server and its
 * folder go with it.
 */
public final class TestDatabases {
  /** The environment variable that points the tests at a PostgreSQL server. */
  public static final String ENV = "SIJILL_TEST_PG";

  private static Server server;

  private TestDatabases() {}

  /** A new, empty, migrated case file in a database of its own. */
  public static CaseFile openCase() {
    return CaseFile.open(Path.of("no-data-dir"), Optional.of(createDatabase()));
  }

  /**
   * A new, empty database, not migrated: its JDBC URL (with credentials). For tests that build a
   * schema step by step, as an older release did.
   */
  public static String createDatabase() {
    return server().create();
  }

  /** Which server the tests run on, for messages: "embedded" or the URL without password. */
  public static String where() {
    String url = System.getenv(ENV);
    return url == null || url.isBlank()
        ? "embedded PostgreSQL"
        : url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static synchronized Server server() {
    if (server == null) {
      String url = System.getenv(ENV);
      server = url == null || url.isBlank() ? Server.embedded() : Server.named(url);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "drop-test-databases"));
    }
    return server;
  }

  /** A server on which each test gets a database of its own. */
  private static final class Server {
    private final String adminUrl;
    private final EmbeddedPostgres embedded;
    private final List<String> created = new ArrayList<>();

    private Server(String adminUrl, EmbeddedPostgres embedded) {
      this.adminUrl = adminUrl;
      this.embedded = embedded;
    }

    static Server embedded() {
      try {
        EmbeddedPostgres pg =
            EmbeddedPostgres.builder()
                .setServerConfig("timezone", "UTC")
                .setServerConfig("listen_addresses", "localhost")
                .start();
        return new Server(pg.getJdbcUrl("postgres", "postgres"), pg);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
      }
    }

    static Server named(String url) {
      return new Server(url, null);
    }

    synchronized String create() {
      String name = "sijill_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(adminUrl);
          Statement s = c.createStatement()) {
        s.execute("create database " + name + " encoding 'UTF8' template template0");
        // Instants are stored and shown in UTC whatever the server's own zone is.
        s.execute("alter database " + name + " set timezone to 'UTC'");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create a test database on " + where(), e);
      }
      created.add(name);
      return withDatabase(adminUrl, name);
    }

    /** The same URL with another database name in its path. */
    static String withDatabase(String url, String name) {
      return url.replaceFirst("^(jdbc:postgresql://[^/?]*)(/[^?]*)?", "$1/" + name);
    }

    synchronized void close() {
      if (embedded != null) {
        try {
          embedded.close();
        } catch (IOException e) {
          // The JVM is ending; the folder is a temporary one.
        }
        return;
      }
      try (Connection c = DriverManager.getConnection(adminUrl);
          Statement s = c.createStatement()) {
        for (String name : created) {
          s.execute("drop database if exists " + name + " with (force)");
        }
      } catch (SQLException e) {
        System.err.println("could not drop the test databases " + created + ": " + e.getMessage());
      }
    }
  }
}
