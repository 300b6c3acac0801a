package org.sijill.casefile.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.sijill.casefile.model.Actor;
import org.sijill.casefile.model.ApiToken;
import org.sijill.casefile.model.Assessment;
import org.sijill.casefile.model.Attribution;
import org.sijill.casefile.model.Claim;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.Estimate;
import org.sijill.casefile.model.EvidenceItem;
import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.LinkDecision;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.ListImport;
import org.sijill.casefile.model.Location;
import org.sijill.casefile.model.PublicClaim;
import org.sijill.casefile.model.Session;
import org.sijill.casefile.model.Source;
import org.sijill.casefile.model.User;
import org.sijill.casefile.model.VictimRecord;

/** Opens the case file's database and brings its schema up to date. Not API. */
public final class Databases {
  private Databases() {}

  /** An open database and whatever must be closed with it. */
  public record Opened(DataSource dataSource, String description, AutoCloseable closer)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        closer.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not close the database: " + e.getMessage(), e);
      }
    }
  }

  private static final List<Class<?>> MODEL =
      List.of(
          Actor.class,
          ApiToken.class,
          Assessment.class,
          Attribution.class,
          Claim.class,
          CustodyEvent.class,
          Estimate.class,
          EvidenceItem.class,
          Incident.class,
          ListImport.class,
          Location.class,
          LinkDecision.class,
          LinkageRun.class,
          PublicClaim.class,
          Session.class,
          Source.class,
          User.class,
          VictimRecord.class);

  /**
   * Connections per open case file, unless {@code SIJILL_DB_POOL} says otherwise. PostgreSQL works
   * best with about two connections per core it has; ten serves the web app's request threads on a
   * small server and stays far below the server's default {@code max_connections} of 100, so
   * several Sijill processes can share one organisation server (docs/operations.md).
   */
  static final int DEFAULT_POOL_SIZE = 10;

  public static Opened open(Path dataDir, Optional<String> jdbcUrl) {
    int size = poolSize(System.getenv("SIJILL_DB_POOL"));
    if (jdbcUrl.isPresent()) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(jdbcUrl.get());
      checkConnects(ds, redact(jdbcUrl.get()));
      HikariDataSource pool = pool(ds, size);
      return over(pool, redact(jdbcUrl.get()), pool);
    }
    EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDir.resolve("db"));
    HikariDataSource pool = pool(embedded.dataSource(), size);
    return over(
        pool,
        embedded.description(),
        () -> {
          try (embedded) {
            pool.close();
          }
        });
  }

  /**
   * As {@link #open}, but when a live process (a running {@code sijill serve}) already holds the
   * embedded database of {@code dataDir}, connects to that server instead of refusing. Nothing is
   * migrated over such a connection: it is for reading (a backup) while the owner keeps serving.
   */
  public static Opened openShared(Path dataDir, Optional<String> jdbcUrl) {
    if (jdbcUrl.isPresent()) {
      return open(dataDir, jdbcUrl);
    }
    Path folder = dataDir.resolve("db");
    try {
      Optional<DataSource> running = EmbeddedDatabase.running(folder);
      if (running.isPresent()) {
        checkConnects(running.get(), "running in " + folder);
        HikariDataSource pool = pool(running.get(), 2);
        return new Opened(pool, "the embedded PostgreSQL another process runs in " + folder, pool);
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read " + folder + ": " + e.getMessage(), e);
    }
    return open(dataDir, jdbcUrl);
  }

  /**
   * A pool over {@code ds}: opening a PostgreSQL connection forks a server process (milliseconds),
   * which a web request should not pay each time.
   */
  private static HikariDataSource pool(DataSource ds, int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(ds);
    config.setMaximumPoolSize(size);
    // Idle connections are given back, so a quiet Sijill holds few of the server's connections.
    config.setMinimumIdle(Math.min(2, size));
    config.setPoolName("sijill");
    // A request waits at most this long for a free connection, then fails with a clear error.
    config.setConnectionTimeout(10_000);
    return new HikariDataSource(config);
  }

  static int poolSize(String setting) {
    if (setting == null || setting.isBlank()) {
      return DEFAULT_POOL_SIZE;
    }
    try {
      int n = Integer.parseInt(setting.trim());
      if (n >= 1 && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "SIJILL_DB_POOL must be a number of connections from 1 to 1000, not '" + setting + "'");
  }

  public static Opened over(DataSource ds) {
    return over(ds, "given data source", () -> {});
  }

  private static Opened over(DataSource ds, String description, AutoCloseable closer) {
    migrate(ds);
    return new Opened(ds, description, closer);
  }

  /**
   * Applies the migrations under {@code db/migration} of every module on the class path.
   *
   * <p>Out of order on purpose: the released schema (V1 and the vault's V100) came before V2, V3,
   * …; a case file created by that release has V100 applied, and Flyway would otherwise refuse to
   * apply the lower-numbered migrations written since. Each migration only adds, so its order
   * relative to V100 does not matter (MigrationTest upgrades a released case file).
   */
  static void migrate(DataSource ds) {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .outOfOrder(true)
        .load()
        .migrate();
  }

  public static Jdbi jdbi(DataSource ds) {
    Jdbi jdbi =
        Jdbi.create(ds).installPlugin(new PostgresPlugin()).installPlugin(new SqlObjectPlugin());
    // Rows map onto the model's records by column name (snake_case to camelCase).
    for (Class<?> record : MODEL) {
      jdbi.registerRowMapper(ConstructorMapper.factory(record));
    }
    return jdbi;
  }

  private static void checkConnects(DataSource ds, String where) {
    try (Connection c = ds.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot connect to the database " + where + ": " + e.getMessage(), e);
    }
  }

  /** The URL without password parameters, for messages and logs. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
