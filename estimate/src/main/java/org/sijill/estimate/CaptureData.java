package org.sijill.estimate;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sijill.estimate.internal.Utf8Text;

/**
 * Capture tables read from files: the whole table and, when a stratum column is named, one table
 * per stratum (in order of first appearance).
 *
 * <p>{@code HISTORIES.csv}: one 0/1 column per list (header = list name), an optional {@code count}
 * column (default 1 per row) and an optional stratum column. {@code CLUSTERS.csv} (from {@code
 * sijill link}): {@code cluster_id,source,record_id}; each cluster is one person and its sources
 * are its lists.
 *
 * <p>Both are read as the other list files of Sijill are: UTF-8, a byte-order mark skipped, bytes
 * that are not UTF-8 refused with their line.
 */
public record CaptureData(CaptureTable total, Map<String, CaptureTable> strata) {

  private static final int MAX_PROBLEMS = 20;

  /**
   * Reads a histories file.
   *
   * @param strataColumn the stratum column, or null
   * @throws InputException naming file, line and column of every problem (up to 20)
   */
  public static CaptureData readHistories(Path file, String strataColumn) {
    String f = file.toString();
    List<String> problems = new ArrayList<>();
    try (Reader r = Utf8Text.open(file);
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreSurroundingSpaces(true)
                .get()
                .parse(r)) {
      List<String> header = new ArrayList<>(parser.getHeaderNames());
      if (strataColumn != null && !header.contains(strataColumn)) {
        throw new InputException(
            f + ":1: " + strataColumn + ": no such column for --strata (columns: " + header + ")");
      }
      List<String> lists = new ArrayList<>();
      for (String h : header) {
        if (!h.equals("count") && !h.equals(strataColumn)) {
          lists.add(h);
        }
      }
      if (lists.size() < 2) {
        throw new InputException(
            f + ":1: need at least 2 list columns besides count and the stratum, got " + lists);
      }
      if (lists.size() > CaptureTable.MAX_LISTS) {
        throw new InputException(
            f + ":1: at most " + CaptureTable.MAX_LISTS + " lists, got " + lists.size());
      }
      boolean hasCount = header.contains("count");
      int t = lists.size();
      long[] all = new long[1 << t];
      Map<String, long[]> byStratum = new LinkedHashMap<>();
      for (CSVRecord rec : parser) {
        long line = rec.getParser().getCurrentLineNumber();
        if (!rec.isConsistent()) {
          problems.add(
              f + ":" + line + ": expected " + header.size() + " fields, got " + rec.size());
          continue;
        }
        int pattern = 0;
        boolean ok = true;
        for (int i = 0; i < t; i++) {
          String v = rec.get(lists.get(i));
          if (v.equals("1")) {
            pattern |= 1 << i;
          } else if (!v.equals("0")) {
            problems.add(
                f + ":" + line + ": " + lists.get(i) + ": expected 0 or 1, got '" + v + "'");
            ok = false;
          }
        }
        long count = 1;
        if (hasCount) {
          String v = rec.get("count");
          try {
            count = Long.parseLong(v);
            if (count < 0) {
              problems.add(f + ":" + line + ": count: negative count " + count);
              ok = false;
            }
          } catch (NumberFormatException e) {
            problems.add(f + ":" + line + ": count: not a whole number: '" + v + "'");
            ok = false;
          }
        }
        if (ok && pattern == 0 && count > 0) {
          problems.add(
              f
                  + ":"
                  + line
                  + ": "
                  + String.join(",", lists)
                  + ": a person on no list cannot have been documented");
          ok = false;
        }
        if (ok) {
          all[pattern] += count;
          if (strataColumn != null) {
            String s = rec.get(strataColumn);
            if (s.isEmpty()) {
              problems.add(f + ":" + line + ": " + strataColumn + ": empty stratum");
            } else {
              byStratum.computeIfAbsent(s, k -> new long[1 << t])[pattern] += count;
            }
          }
        }
        if (problems.size() >= MAX_PROBLEMS) {
          break;
        }
      }
      if (problems.isEmpty()) {
        long[] perList = new long[t];
        for (int p = 1; p < all.length; p++) {
          for (int i = 0; i < t; i++) {
            if ((p >> i & 1) == 1) {
              perList[i] += all[p];
            }
          }
        }
        for (int i = 0; i < t; i++) {
          if (perList[i] == 0) {
            problems.add(f + ": " + lists.get(i) + ": this list captures nobody; remove it");
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new InputException(String.join("\n", problems));
      }
      Map<String, CaptureTable> strata = new LinkedHashMap<>();
      byStratum.forEach((k, v) -> strata.put(k, CaptureTable.unchecked(lists, v)));
      return new CaptureData(CaptureTable.of(lists, all), strata);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InputException(f + ": cannot read: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InputException(f + ": " + e.getMessage());
    }
  }

  /** Reads the clusters file written by {@code sijill link}. Lists are sources, sorted by name. */
  public static CaptureData readClusters(Path file) {
    String f = file.toString();
    List<String> problems = new ArrayList<>();
    Map<String, TreeSet<String>> clusters = new TreeMap<>();
    TreeSet<String> sources = new TreeSet<>();
    try (Reader r = Utf8Text.open(file);
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get()
                .parse(r)) {
      for (String col : List.of("cluster_id", "source", "record_id")) {
        if (!parser.getHeaderNames().contains(col)) {
          throw new InputException(
              f + ":1: " + col + ": missing column (expected cluster_id,source,record_id)");
        }
      }
      for (CSVRecord rec : parser) {
        long line = rec.getParser().getCurrentLineNumber();
        if (!rec.isConsistent()) {
          problems.add(f + ":" + line + ": expected 3 fields, got " + rec.size());
          continue;
        }
        String id = rec.get("cluster_id");
        String src = rec.get("source");
        if (id.isEmpty()) {
          problems.add(f + ":" + line + ": cluster_id: empty");
        } else if (src.isEmpty()) {
          problems.add(f + ":" + line + ": source: empty");
        } else {
          clusters.computeIfAbsent(id, k -> new TreeSet<>()).add(src);
          sources.add(src);
        }
        if (problems.size() >= MAX_PROBLEMS) {
          break;
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InputException(f + ": cannot read: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new InputException(String.join("\n", problems));
    }
    List<String> lists = new ArrayList<>(sources);
    if (lists.size() < 2 || lists.size() > CaptureTable.MAX_LISTS) {
      throw new InputException(
          f + ": source: need 2 to " + CaptureTable.MAX_LISTS + " sources, got " + lists);
    }
    long[] counts = new long[1 << lists.size()];
    for (TreeSet<String> srcs : clusters.values()) {
      int p = 0;
      for (String s : srcs) {
        p |= 1 << lists.indexOf(s);
      }
      counts[p]++;
    }
    return new CaptureData(CaptureTable.of(lists, counts), Map.of());
  }

  /**
   * Capture data from persons held in memory (a linkage run in the case file): each person's lists
   * and, optionally, its stratum. Lists are sorted by name, as {@link #readClusters} sorts sources,
   * so the same persons give the same table either way.
   *
   * @param personLists the lists each person is on (at least one each)
   * @param personStrata each person's stratum, aligned with {@code personLists}, or null for none
   * @throws InputException when there are fewer than 2 or more than 15 lists, or a stratum is blank
   */
  public static CaptureData ofPersons(List<Set<String>> personLists, List<String> personStrata) {
    if (personStrata != null && personStrata.size() != personLists.size()) {
      throw new IllegalArgumentException("one stratum per person, or none");
    }
    TreeSet<String> names = new TreeSet<>();
    personLists.forEach(names::addAll);
    List<String> lists = new ArrayList<>(names);
    if (lists.size() < 2 || lists.size() > CaptureTable.MAX_LISTS) {
      throw new InputException(
          "need 2 to " + CaptureTable.MAX_LISTS + " lists holding persons, got " + lists);
    }
    long[] counts = new long[1 << lists.size()];
    Map<String, long[]> byStratum = new TreeMap<>();
    for (int i = 0; i < personLists.size(); i++) {
      int p = 0;
      for (String l : personLists.get(i)) {
        p |= 1 << lists.indexOf(l);
      }
      if (p == 0) {
        throw new InputException("person " + (i + 1) + " is on no list");
      }
      counts[p]++;
      if (personStrata != null) {
        String s = personStrata.get(i);
        if (s == null || s.isBlank()) {
          throw new InputException("person " + (i + 1) + " has a blank stratum");
        }
        byStratum.computeIfAbsent(s, k -> new long[counts.length])[p]++;
      }
    }
    Map<String, CaptureTable> strata = new LinkedHashMap<>();
    byStratum.forEach((k, v) -> strata.put(k, CaptureTable.unchecked(lists, v)));
    return new CaptureData(CaptureTable.of(lists, counts), strata);
  }
}
