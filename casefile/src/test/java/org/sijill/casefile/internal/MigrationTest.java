package org.sijill.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.ListImport;
import org.sijill.casefile.model.Source;

/**
 * A case file created by the last release (commit b68f163: migrations V1 and V100, copied byte for
 * byte under {@code db/release-b68f163}) opens with the current code: every migration written since
 * is applied, and every row and value recorded before is still there. Every name is synthetic.
 */
class MigrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aCaseFileOfTheLastReleaseUpgradesWithNothingLost() throws Exception {
    String url = TestDatabases.createDatabase();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    Flyway.configure().dataSource(ds).locations("classpath:db/release-b68f163").load().migrate();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      recordAsTheReleaseDid(s);
    }
    Map<String, List<Map<String, Object>>> before = everyRow(ds);
    assertThat(before.get("victim_record")).hasSize(3);

    Databases.migrate(ds);

    Map<String, List<Map<String, Object>>> after = everyRow(ds);
    for (var table : before.entrySet()) {
      List<Map<String, Object>> rows = after.get(table.getKey());
      if (rows == null) {
        // V4 drops person_link, which no command of the release wrote: only an empty table may go.
        assertThat(table.getValue()).as("rows of the dropped table " + table.getKey()).isEmpty();
        continue;
      }
      assertThat(rows).as(table.getKey()).hasSameSizeAs(table.getValue());
      for (int i = 0; i < rows.size(); i++) {
        // Later migrations may add columns; the columns the release had keep their values.
        assertThat(rows.get(i)).as(table.getKey()).containsAllEntriesOf(table.getValue().get(i));
      }
    }
    try (CaseFile upgraded = CaseFile.open(Path.of("unused"), Optional.of(url))) {
      assertThat(upgraded.victims().count()).isEqualTo(3);
      assertThat(upgraded.sources().all()).extracting(Source::nameEn).containsExactly("Group Mim");
      assertThat(upgraded.victims().imports())
          .extracting(ListImport::fileName)
          .containsExactly("mim.csv");
      assertThat(upgraded.evidence().count()).isEqualTo(1);
      assertThat(upgraded.incidents().all()).hasSize(1);
    }
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select version from flyway_schema_history where success order by 1")) {
      List<String> applied = new ArrayList<>();
      while (rs.next()) {
        applied.add(rs.getString(1));
      }
      assertThat(applied).contains("1", "100", "2", "3", "4");
    }
  }

  /** What the release's code wrote: a source, an incident, a list of three records, evidence. */
  private static void recordAsTheReleaseDid(Statement s) throws SQLException {
    s.execute(
        "insert into source (kind, name_en, recorded_by) values ('documentation_group', 'Group"
            + " Mim', 'release')");
    s.execute(
        "insert into incident (title_en, type, start_date, recorded_by) values ('Shelling of a"
            + " synthetic village', 'mass_killing', date '2025-03-07', 'release')");
    s.execute(
        "insert into list_import (list_name, source_id, file_name, file_sha256, encoding,"
            + " row_count, recorded_by) values ('Group Mim', 1, 'mim.csv', '"
            + "a".repeat(64)
            + "', 'UTF-8', 3, 'release')");
    String[][] people = {
      {"m1", "Samir Khalil Ward", "M"}, {"m2", "ليلى يوسف عيسى", "F"}, {"m3", "Adel Nour", "M"}
    };
    for (int i = 0; i < people.length; i++) {
      s.execute(
          "insert into victim_record (import_id, list_name, line_number, record_id, full_name,"
              + " sex, date_of_death, raw, recorded_by) values (1, 'Group Mim', "
              + (i + 2)
              + ", '"
              + people[i][0]
              + "', '"
              + people[i][1]
              + "', '"
              + people[i][2]
              + "', '2025-03-07', '{}', 'release')");
    }
    s.execute(
        "insert into evidence_item (sha256, media_type, size_bytes, acquired_at, acquired_by,"
            + " recorded_by) values ('"
            + "b".repeat(64)
            + "', 'image/jpeg', 1234, timestamptz '2025-03-08 10:00Z', 'investigator-1',"
            + " 'release')");
    s.execute(
        "insert into custody_event (evidence_id, action, actor, occurred_at, log_index,"
            + " recorded_by) values (1, 'acquired', 'investigator-1', timestamptz '2025-03-08"
            + " 10:00Z', 0, 'release')");
    s.execute(
        "insert into custody_log_leaf (log_index, leaf_hash) values (0, '" + "c".repeat(64) + "')");
    s.execute(
        "insert into estimate (lists, method, model, total, lower_bound, upper_bound,"
            + " software_version, recorded_by) values ('{A,B}', 'loglinear', 'A+B', 1500.5, 1400,"
            + " 1650, '0.1.0', 'release')");
  }

  /** Every row of every table, as JSON values, in a stable order. */
  private static Map<String, List<Map<String, Object>>> everyRow(PGSimpleDataSource ds)
      throws Exception {
    Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select table_name from information_schema.tables where table_schema = 'public'"
                  + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        List<Map<String, Object>> list = new ArrayList<>();
        try (ResultSet rs =
            s.executeQuery("select row_to_json(t)::text from " + t + " t order by 1")) {
          while (rs.next()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = JSON.readValue(rs.getString(1), Map.class);
            list.add(row);
          }
        }
        rows.put(t, list);
      }
    }
    return rows;
  }
}
