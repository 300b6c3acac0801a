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
 * rows are loaded verbatim. As a superuser (the embedded database's role is one) foreign keys and
 * triggers are switched off for the transaction ({@code session_replication_role = replica}), since
 * the rows come from a consistent snapshot; as the owner of the tables on an organisation's server
 * ({@code --db}, no superuser) the foreign keys stay on and the tables are loaded referenced ones
 * first.
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
    boolean superuser = superuser(c);
    List<TableData.Table> order = backup.tables();
    if (superuser) {
      try (Statement s = c.createStatement()) {
        s.execute("set local session_replication_role = replica");
      }
    } else {
      // An organisation's server: Sijill's role owns the case's tables but is no superuser, so
      // the foreign keys stay on and each table goes in after the tables it refers to. (Rows go in
      // with COPY, which the append-only triggers — on update, delete, truncate — do not stop.)
      order = referencedFirst(c, backup.tables());
    }
    PGConnection pg = c.unwrap(PGConnection.class);
    for (TableData.Table t : order) {
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
    if (superuser) {
      try (Statement s = c.createStatement()) {
        s.execute("set local session_replication_role = origin");
      }
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

  private static boolean superuser(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("show is_superuser")) {
      return rs.next() && "on".equals(rs.getString(1));
    }
  }

  /**
   * The tables in an order where every table comes after those its foreign keys point to (a table's
   * references to itself are checked at the end of its COPY, so they need no order).
   *
   * @throws LoadException when the tables refer to each other in a cycle, which only a superuser
   *     can load
   */
  static List<TableData.Table> referencedFirst(Connection c, List<TableData.Table> tables)
      throws SQLException {
    Map<String, java.util.Set<String>> needs = new LinkedHashMap<>();
    for (TableData.Table t : tables) {
      needs.put(t.name(), new java.util.TreeSet<>());
    }
    try (Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "select distinct cl.relname, rf.relname from pg_constraint k"
                    + " join pg_class cl on cl.oid = k.conrelid"
                    + " join pg_class rf on rf.oid = k.confrelid"
                    + " join pg_namespace n on n.oid = cl.relnamespace"
                    + " where k.contype = 'f' and n.nspname = current_schema()")) {
      while (rs.next()) {
        String from = rs.getString(1);
        String to = rs.getString(2);
        if (!from.equals(to) && needs.containsKey(from) && needs.containsKey(to)) {
          needs.get(from).add(to);
        }
      }
    }
    Map<String, TableData.Table> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    List<TableData.Table> order = new ArrayList<>();
    java.util.Set<String> placed = new java.util.HashSet<>();
    while (order.size() < tables.size()) {
      boolean progress = false;
      for (TableData.Table t : tables) {
        if (!placed.contains(t.name()) && placed.containsAll(needs.get(t.name()))) {
          order.add(t);
          placed.add(t.name());
          progress = true;
        }
      }
      if (!progress) {
        List<String> left =
            tables.stream().map(TableData.Table::name).filter(n -> !placed.contains(n)).toList();
        throw new LoadException(
            "the tables "
                + left
                + " refer to each other in a cycle: restoring them needs a superuser of the"
                + " database server",
            null);
      }
    }
    return order;
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
