package org.sijill.casefile.repo;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.sijill.casefile.model.VictimRecord;

/** The records a linkage of the case reads: the newest, uncorrected row of each list record. */
public final class LinkageInput {
  private final Jdbi jdbi;
  private final int chunk;

  public LinkageInput(Jdbi jdbi) {
    this(jdbi, LinkageRuns.CHUNK);
  }

  /** As {@link #LinkageInput(Jdbi)}, fetching and reporting every {@code chunk} rows. */
  LinkageInput(Jdbi jdbi, int chunk) {
    this.jdbi = jdbi;
    this.chunk = chunk;
  }

  /**
   * The records a linkage of the case takes, in list-name order and, within a list, in import and
   * line order. For each list name and record id, only the row of the newest import is taken (a
   * list sent again, corrected, replaces its earlier rows; a list sent in parts adds up); a record
   * a correction supersedes is left out, and so are the records of an import that repeats the same
   * file ({@code import-list --again}), as {@link Victims#count()} leaves them out.
   */
  public List<VictimRecord> input() {
    return input(n -> {});
  }

  /**
   * As {@link #input()}, saying how many records are read so far after every batch of rows (the
   * batch size this repository writes with) and once at the end: at 100,000 records reading them
   * takes seconds, and a run started from the desk should not go silent meanwhile. The rows come
   * through a cursor, a batch at a time, inside one transaction.
   */
  public List<VictimRecord> input(java.util.function.LongConsumer read) {
    return jdbi.inTransaction(
        h -> {
          List<VictimRecord> out = new ArrayList<>();
          try (var rows =
              h
                  .createQuery(
                      "select * from (select distinct on (v.list_name, v.record_id) v.* from"
                          + " victim_record v where not exists (select 1 from victim_record n"
                          + " where n.supersedes = v.id) and v.import_id not in (select"
                          + " import_id from list_import_repeat) order by v.list_name,"
                          + " v.record_id, v.import_id desc, v.id desc) latest order by"
                          + " list_name, import_id, line_number, id")
                  .setFetchSize(chunk)
                  .mapTo(VictimRecord.class)
                  .stream()) {
            rows.forEach(
                r -> {
                  out.add(r);
                  if (out.size() % chunk == 0) {
                    read.accept(out.size());
                  }
                });
          }
          read.accept(out.size());
          return out;
        });
  }
}
