package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.media.Fingerprint;
import org.sijill.media.MediaFingerprinter;
import org.sijill.media.MediaIndex;
import org.sijill.media.MediaItem;
import org.sijill.media.SeenMatch;
import org.sijill.media.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sijill media seen FILE}: the recycled-footage question. Lists every earlier item of the
 * media index that matches the file, oldest acquisition first, with its source and date. For items
 * that came through the vault, acquisition date and source are read from the case file's {@code
 * evidence_item} and its {@code acquired} custody event.
 */
@Command(
    name = "seen",
    mixinStandardHelpOptions = true,
    description = "Earlier items (vault or media index) matching FILE, oldest acquisition first.")
final class MediaSeenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE")
  java.nio.file.Path file;

  /** What the case file knows of an item. */
  record Acquired(Instant at, String source, String name) {}

  @Override
  public Integer call() {
    Main main = Main.root(spec);
    Fingerprint fp = MediaCommand.fingerprint(new MediaFingerprinter(), file);
    java.nio.file.Path dir = MediaCommand.indexDir(main);
    List<SeenMatch> matches;
    int size;
    if (!Files.isDirectory(dir)) {
      matches = List.of();
      size = 0;
    } else {
      try (MediaIndex index = MediaIndex.openForReading(dir)) {
        matches = index.seen(fp);
        size = index.items().size();
      } catch (java.io.UncheckedIOException e) {
        throw new UserError(dir + ": " + e.getMessage(), e);
      }
    }
    Map<String, Acquired> known = fromCaseFile(main, matches);
    String self = MediaCommand.sha256(file);
    record Row(SeenMatch m, Instant at, String source, String name) {}
    List<Row> rows = new ArrayList<>();
    for (SeenMatch m : matches) {
      MediaItem it = m.item();
      Acquired a = known.get(it.key());
      Instant at = a != null ? a.at() : it.firstSeen();
      String source = a != null && a.source() != null ? a.source() : it.source();
      String name = a != null && a.name() != null ? a.name() : it.label();
      rows.add(new Row(m, at, source, name));
    }
    rows.sort(Comparator.comparing(Row::at).thenComparing(r -> r.m().item().id()));
    PrintWriter out = spec.commandLine().getOut();
    long related =
        rows.stream().filter(r -> r.m().comparison().verdict() != Verdict.DIFFERENT).count();
    if (rows.isEmpty()) {
      out.println(file + ": not seen before (" + size + " items in the media index)");
    } else {
      out.println(
          file
              + ": "
              + related
              + " earlier item(s) match, "
              + (rows.size() - related)
              + " share some frames; oldest acquisition first");
    }
    for (Row r : rows) {
      var c = r.m().comparison();
      StringBuilder line = new StringBuilder();
      line.append(r.at())
          .append("  ")
          .append(c.verdict().label())
          .append("  source: ")
          .append(r.source().isBlank() ? "(unknown)" : r.source())
          .append("  item: ")
          .append(r.m().item().key())
          .append("  name: ")
          .append(r.name());
      if (r.m().item().key().equals(self)) {
        line.append("  (this very file)");
      }
      out.println(line);
      MediaCommand.describeBriefly(out, c, fp);
    }
    out.flush();
    return 0;
  }

  /** Acquisition facts of the matched items that came through the vault (no DB otherwise). */
  private static Map<String, Acquired> fromCaseFile(Main main, List<SeenMatch> matches) {
    List<String> keys = new ArrayList<>();
    for (SeenMatch m : matches) {
      if (m.item().acquired() == null && m.item().key().matches("[0-9a-f]{64}")) {
        keys.add(m.item().key());
      }
    }
    Map<String, Acquired> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    try (CaseFile cf = main.openCaseFile()) {
      cf.jdbi()
          .useHandle(
              h ->
                  h.createQuery(
                          "select e.sha256::text as sha, e.acquired_at, e.original_name,"
                              + " (select c.details->>'source' from custody_event c"
                              + "   where c.evidence_id = e.id and c.action = 'acquired'"
                              + "   order by c.occurred_at, c.id limit 1) as source"
                              + " from evidence_item e where e.sha256::text = any(:keys)")
                      .bindArray("keys", String.class, keys)
                      .map(
                          (rs, ctx) -> {
                            out.put(
                                rs.getString("sha"),
                                new Acquired(
                                    rs.getObject("acquired_at", java.time.OffsetDateTime.class)
                                        .toInstant(),
                                    rs.getString("source"),
                                    rs.getString("original_name")));
                            return 0;
                          })
                      .list());
    }
    return out;
  }

  /** An ISO instant or date (midnight UTC), or null when absent. */
  static Instant parseTime(String s, String option) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new UserError(option + ": not an ISO instant or date: " + s);
      }
    }
  }
}
