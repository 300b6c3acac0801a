package org.sijill.casefile.backup;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.sijill.casefile.CaseFile;

/**
 * Writes the tables of a backup into a case file that holds no rows yet, in one transaction: either
 * every table is loaded and its row count matches the backup, or nothing is.
 *
 * <p>The schema must be the one the backup was made with (the same migrations, checksums included):
 * rows are loaded verbatim. Foreign keys and the append-only triggers are switched off for the
 * transaction ({@code session_replication_role = replica}, which needs a superuser — the embedded
 * database's is one), since the rows come from a consistent snapshot and must go in as they were,
 * whatever the order of the tables.
 */
public final class DatabaseLoader {
  private DatabaseLoader() {}

  /** The data of one table, opened when the loader reaches it. */
  @FunctionalInterface
  public interface Rows {
    InputStream open(TableData.Table table) throws IOException;
  }

  /** A backup that cannot be loaded into this case file; the message says why. */
  public static final class LoadException extends RuntimeException {
    LoadException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Loads {@code backup}'s tables from {@code rows}; returns the row count of every table as the
   * database counts it after loading.
   *
   * @throws LoadException when the schema differs, the case file already holds rows, a table's data
   *     is refused, or a count differs from the backup's
   */
  public static Map<String, Long> load(CaseFile caseFile, TableData backup, Rows rows) {
    try (Handle h = caseFile.jdbi().open()) {
      Connection c = h.getConnection();
      c.setAutoCommit(false);
      try {
        Map<String, Long> counts = loadIn(c, backup, rows);
        c.commit();
        return counts;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        if (e instanceof LoadException le) {
          throw le;
        }
        throw new LoadException("cannot load the database: " + e.getMessage(), e);
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new LoadException("cannot load the database: " + e.getMessage(), e);
    }
  }

  private static Map<String, Long> loadIn(Connection c, TableData backup, Rows rows)
      throws SQLException, IOException {
    List<String> here = migrationKeys(Sql.migrations(c));
    List<String> there = migrationKeys(backup.migrations());
    if (!here.equals(there)) {
      List<String> missing = new ArrayList<>(there);
      missing.removeAll(here);
      List<String> extra = new ArrayList<>(here);
      extra.removeAll(there);
      throw new LoadException(
          "the backup was made with another schema (only in the backup: "
              + (missing.isEmpty() ? "none" : String.join(", ", missing))
              + "; only in this Sijill: "
              + (extra.isEmpty() ? "none" : String.join(", ", extra))
              + "): restore it with the Sijill version that made it, then open the case with this"
              + " one to upgrade it",
          null);
    }
    List<String> tables = Sql.tables(c);
    List<String> backupTables = backup.tables().stream().map(TableData.Table::name).toList();
    if (!tables.equals(backupTables.stream().sorted().toList())) {
      throw new LoadException(
          "the backup's tables " + backupTables + " are not this schema's " + tables, null);
    }
    for (String t : tables) {
      if (Sql.count(c, t) > 0) {
        throw new LoadException(
            "the database already holds a case (table "
                + t
                + " has rows): restore needs an"
                + " empty one",
            null);
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("set local session_replication_role = replica");
    } catch (SQLException e) {
      throw new LoadException(
          "cannot switch off foreign keys and triggers for the load (this needs a superuser of"
              + " the database server): "
              + e.getMessage(),
          e);
    }
    PGConnection pg = c.unwrap(PGConnection.class);
    for (TableData.Table t : backup.tables()) {
      List<String> columns = Sql.columns(c, t.name());
      if (!columns.containsAll(t.columns())) {
        throw new LoadException(
            "table "
                + t.name()
                + ": the backup's columns "
                + t.columns()
                + " are not in "
                + columns,
            null);
      }
      try (InputStream in = rows.open(t)) {
        pg.getCopyAPI()
            .copyIn(
                "COPY " + Sql.quote(t.name()) + " (" + Sql.columnList(t.columns()) + ") FROM STDIN",
                in);
      } catch (SQLException e) {
        throw new LoadException(
            "table " + t.name() + ": its data is refused: " + e.getMessage(), e);
      }
    }
    try (PreparedStatement s = c.prepareStatement("select setval(?, ?, true)")) {
      for (TableData.SequenceValue v : backup.sequences()) {
        s.setString(1, Sql.quote(v.name()));
        s.setLong(2, v.lastValue());
        s.execute();
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("set local session_replication_role = origin");
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (TableData.Table t : backup.tables()) {
      long n = Sql.count(c, t.name());
      if (n != t.rows()) {
        throw new LoadException(
            "table " + t.name() + ": " + n + " rows loaded, the backup holds " + t.rows(), null);
      }
      counts.put(t.name(), n);
    }
    return counts;
  }

  private static List<String> migrationKeys(List<TableData.Migration> ms) {
    return ms.stream()
        .map(
            m ->
                (m.version() == null ? "R " + m.description() : "V" + m.version())
                    + "#"
                    + m.checksum())
        .sorted()
        .toList();
  }
}
