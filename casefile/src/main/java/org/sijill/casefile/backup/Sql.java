package org.sijill.casefile.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Catalogue queries shared by the snapshot and the loader. */
final class Sql {
  private Sql() {}

  /** The history table of Flyway: schema bookkeeping, recreated by migrating, never copied. */
  static final String HISTORY = "flyway_schema_history";

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The ordinary tables of the case's schema, by name. */
  static List<String> tables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = current_schema() and c.relkind = 'r'"
                + " and not c.relispartition and c.relname <> ? order by c.relname"); ) {
      s.setString(1, HISTORY);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** The stored (not generated) columns of {@code table}, in table order. */
  static List<String> columns(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = current_schema() and c.relname = ? and a.attnum > 0"
                + " and not a.attisdropped and a.attgenerated = '' order by a.attnum")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  static String columnList(List<String> columns) {
    return String.join(", ", columns.stream().map(Sql::quote).toList());
  }

  static List<TableData.Migration> migrations(Connection c) throws SQLException {
    List<TableData.Migration> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "select version, description, checksum from "
                    + HISTORY
                    + " where success order by installed_rank");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        int sum = rs.getInt(3);
        out.add(
            new TableData.Migration(rs.getString(1), rs.getString(2), rs.wasNull() ? null : sum));
      }
    }
    return out;
  }

  static long count(Connection c, String table) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select count(*) from " + quote(table));
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
