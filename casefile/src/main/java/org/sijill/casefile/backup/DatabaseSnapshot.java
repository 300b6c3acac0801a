package org.sijill.casefile.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.sijill.casefile.CaseFile;

/**
 * Every table of a case file as it stood at one instant, while others keep writing: a read-only
 * {@code REPEATABLE READ} transaction, whose snapshot is taken by the first statement {@link
 * #begin} runs. Rows are written in PostgreSQL's {@code COPY} text format, which reads back to
 * exactly the same values.
 */
public final class DatabaseSnapshot implements AutoCloseable {
  private final Handle handle;
  private final Connection c;
  private final List<TableData.Migration> migrations;
  private final List<TableData.Table> tables;
  private final List<TableData.SequenceValue> sequences;

  private DatabaseSnapshot(Handle handle) throws SQLException {
    this.handle = handle;
    this.c = handle.getConnection();
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    c.setReadOnly(true);
    // The first statement fixes the snapshot; everything below reads from it.
    this.migrations = Sql.migrations(c);
    List<TableData.Table> ts = new ArrayList<>();
    for (String t : Sql.tables(c)) {
      ts.add(new TableData.Table(t, Sql.columns(c, t), Sql.count(c, t)));
    }
    this.tables = List.copyOf(ts);
    List<TableData.SequenceValue> seqs = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "select sequencename, last_value from pg_sequences"
                    + " where schemaname = current_schema() and last_value is not null"
                    + " order by sequencename");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        seqs.add(new TableData.SequenceValue(rs.getString(1), rs.getLong(2)));
      }
    }
    this.sequences = List.copyOf(seqs);
  }

  /** Takes the snapshot now (the caller holds whatever lock makes "now" meaningful). */
  public static DatabaseSnapshot begin(CaseFile caseFile) {
    Handle h = caseFile.jdbi().open();
    try {
      return new DatabaseSnapshot(h);
    } catch (SQLException | RuntimeException e) {
      h.close();
      throw new IllegalStateException("cannot read the database: " + e.getMessage(), e);
    }
  }

  /** The schema, tables, row counts and sequences of the snapshot. */
  public TableData description() {
    return new TableData(migrations, tables, sequences);
  }

  /**
   * Writes every row of {@code table} to {@code out} ({@code COPY} text format, the columns of
   * {@link #description()}); returns the number of rows written.
   */
  public long copyOut(TableData.Table table, OutputStream out) throws IOException {
    try {
      return c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyOut(
              "COPY "
                  + Sql.quote(table.name())
                  + " ("
                  + Sql.columnList(table.columns())
                  + ") TO STDOUT",
              out);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read table " + table.name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      c.rollback();
      c.setReadOnly(false);
      c.setAutoCommit(true);
    } catch (SQLException e) {
      // the connection is returned to the pool below, which resets it
    } finally {
      handle.close();
    }
  }
}
