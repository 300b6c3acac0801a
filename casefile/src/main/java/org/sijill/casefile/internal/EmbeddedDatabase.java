package org.sijill.casefile.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The embedded PostgreSQL that a fresh laptop runs without installing anything.
 *
 * <p>Two choices matter for evidence: the embedded server's test-friendly defaults switch {@code
 * fsync} and {@code synchronous_commit} off, so we switch them back on — an acknowledged write must
 * survive a power cut. And a crash (kill -9, a power cut) can leave a {@code postmaster.pid}
 * behind, or even an orphaned server still holding the data folder; {@link #recoverStaleServer}
 * clears both before starting.
 *
 * <p>The server asks for a password (SCRAM-SHA-256) on every connection, even from this machine:
 * another local account must not read the case by connecting to the port. The password is generated
 * on first start and kept in {@code db.secret} beside the database folder, readable by its owner
 * only; a database folder created before this rule (with {@code trust}) is switched over on its
 * next start.
 */
final class EmbeddedDatabase implements AutoCloseable {
  static final String DATABASE = "sijill";

  /** The superuser password's file, in the data directory (beside the database folder). */
  static final String SECRET_FILE = "db.secret";

  /** The lock file the embedded server's owner holds (the name io.zonky uses). */
  private static final String LOCK_FILE = "epg-lock";

  private final EmbeddedPostgres postgres;
  private final DataSource dataSource;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.dataSource = postgres.getDatabase("postgres", DATABASE, Map.of("password", password));
  }

  static EmbeddedDatabase start(Path folder) {
    try {
      PrivateFiles.directory(folder.toAbsolutePath().getParent());
      Path secretFile = folder.toAbsolutePath().getParent().resolve(SECRET_FILE);
      String password = PrivateFiles.secret(secretFile, EmbeddedDatabase::newPassword);
      PrivateFiles.directory(folder);
      recoverStaleServer(folder);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              // initdb: zonky passes "-A trust"; these later options win for both kinds of
              // connection, and the superuser gets its password from the file.
              .setLocaleConfig("auth-local", "scram-sha-256")
              .setLocaleConfig("auth-host", "scram-sha-256")
              .setLocaleConfig("pwfile", secretFile.toString())
              // Every connection the embedded server's own code makes (its start-up check too).
              .setConnectConfig("password", password)
              .setDataDirectory(folder)
              .setCleanDataDirectory(false)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("timezone", "UTC")
              .setServerConfig("listen_addresses", "localhost")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      requirePasswords(pg, folder, password);
      createDatabaseIfMissing(pg.getPostgresDatabase(Map.of("password", password)));
      return new EmbeddedDatabase(pg, password);
    } catch (IOException | SQLException | RuntimeException e) {
      String why = String.valueOf(e.getMessage());
      if (why.contains("could not lock")) {
        throw new IllegalStateException(
            folder.getParent()
                + " is in use by another Sijill process (is 'sijill serve' running?); stop it"
                + " first, or use --db to share an organisation's PostgreSQL",
            e);
      }
      throw new IllegalStateException(
          "cannot start the embedded PostgreSQL in " + folder + ": " + why, e);
    }
  }

  /**
   * Connects to the server that another live process (a running {@code sijill serve}) keeps on
   * {@code folder}, for work that must not stop it (a backup). The port comes from the server's own
   * {@code postmaster.pid}, the password from {@code db.secret}; nothing in the folder is changed.
   * Empty when no live server runs there.
   */
  static Optional<DataSource> running(Path folder) throws IOException {
    Path pidFile = folder.resolve("postmaster.pid");
    Path secretFile = folder.toAbsolutePath().getParent().resolve(SECRET_FILE);
    if (!Files.isRegularFile(pidFile) || !Files.isRegularFile(secretFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    // postmaster.pid: pid, data directory, start time, port, socket directory, listen address
    if (lines.size() < 4) {
      return Optional.empty();
    }
    Optional<ProcessHandle> process = parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    if (process.isEmpty() || !process.get().isAlive()) {
      return Optional.empty();
    }
    int port;
    try {
      port = Integer.parseInt(lines.get(3).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setServerNames(new String[] {"localhost"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(DATABASE);
    ds.setUser("postgres");
    ds.setPassword(Files.readString(secretFile, StandardCharsets.UTF_8).strip());
    return Optional.of(ds);
  }

  /**
   * After a crash: stop an orphaned server that still runs on this folder, and remove a pid file
   * whose process is gone, so that the next start does not refuse to run.
   *
   * <p>Only a server whose owner is gone is an orphan. The owner holds the embedded server's lock
   * file ({@code epg-lock}) for as long as it lives, so we first try that lock ourselves: if
   * another live process holds it, the folder is in use and nothing is touched.
   */
  static void recoverStaleServer(Path folder) throws IOException {
    Path pidFile = folder.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try (FileChannel lock =
        FileChannel.open(
            folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock held;
      try {
        held = lock.tryLock();
      } catch (OverlappingFileLockException e) {
        held = null;
      }
      if (held == null) {
        throw new IllegalStateException("could not lock " + folder.resolve(LOCK_FILE));
      }
      try {
        stopOrphan(folder, pidFile);
      } finally {
        held.release();
      }
    }
  }

  private static void stopOrphan(Path folder, Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    Optional<ProcessHandle> process =
        lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    if (process.isPresent() && process.get().isAlive() && runsOn(process.get(), folder)) {
      // SIGTERM: PostgreSQL's smart shutdown; an orphan has no clients left, so it exits promptly.
      process.get().destroy();
      try {
        process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        process.get().destroyForcibly();
      }
    }
    if (process.isEmpty() || !process.get().isAlive()) {
      Files.deleteIfExists(pidFile);
    }
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean runsOn(ProcessHandle p, Path folder) {
    String cmd = p.info().commandLine().orElse("");
    return cmd.contains("postgres") && cmd.contains(folder.toAbsolutePath().toString());
  }

  private static String newPassword() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * A database folder initialised before passwords were required still trusts every local
   * connection: give the superuser the password, then allow only SCRAM-SHA-256.
   */
  private static void requirePasswords(EmbeddedPostgres pg, Path folder, String password)
      throws IOException, SQLException {
    Path hba = folder.resolve("pg_hba.conf");
    List<String> rules =
        Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank() && !l.strip().startsWith("#"))
            .toList();
    if (rules.stream().noneMatch(l -> l.matches(".*\\btrust\\s*$"))) {
      return;
    }
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("set password_encryption = 'scram-sha-256'");
      // The password is our own random base64url text: no quote can occur in it.
      s.execute("alter role postgres password '" + password + "'");
      Files.writeString(
          hba,
          "# Sijill: every connection needs the password kept in ../"
              + SECRET_FILE
              + "\nlocal all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n"
              + "host all all ::1/128 scram-sha-256\n",
          StandardCharsets.UTF_8);
      PrivateFiles.file(hba);
      s.execute("select pg_reload_conf()");
    }
  }

  private static void createDatabaseIfMissing(DataSource admin) throws SQLException {
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
    }
  }

  DataSource dataSource() {
    return dataSource;
  }

  String description() {
    return "embedded PostgreSQL " + postgres.getJdbcUrl("postgres", DATABASE);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
