package org.sijill.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.ListImport;
import org.sijill.casefile.model.VictimRecord;

/**
 * The case's victim lists as a reader of the counting desk sees them: each list's records (as a
 * linkage takes them), its imports, the span of its dates of death, and how many persons of the
 * current linkage run two lists share.
 */
public final class CaseLists {
  private final CaseFile caseFile;

  public CaseLists(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /**
   * One list.
   *
   * @param records the records a linkage takes from it (a repeated import not counted twice)
   * @param imports its imports, oldest first, repeats included
   * @param firstDeath the earliest date of death written in it (ISO or {@code yyyy-MM}), or null
   * @param lastDeath the latest, or null
   * @param undated records without a date of death
   */
  public record ListSummary(
      String name,
      int records,
      List<ListImport> imports,
      String firstDeath,
      String lastDeath,
      int undated) {}

  /** Persons of the current run with records in both lists. */
  public record Overlap(String left, String right, int persons) {}

  /**
   * @param run the current linkage run, or null before the case is linked
   * @param overlaps every pair of lists, in name order; empty before the case is linked
   */
  public record Summary(List<ListSummary> lists, LinkageRun run, List<Overlap> overlaps) {}

  public Summary summary() {
    Map<String, List<VictimRecord>> byList = new LinkedHashMap<>();
    for (VictimRecord r : caseFile.linkageInput().input()) {
      byList.computeIfAbsent(r.listName(), k -> new ArrayList<>()).add(r);
    }
    Map<String, List<ListImport>> imports = new HashMap<>();
    for (ListImport i : caseFile.victims().imports()) {
      imports.computeIfAbsent(i.listName(), k -> new ArrayList<>()).add(i);
      byList.putIfAbsent(i.listName(), new ArrayList<>());
    }
    List<ListSummary> lists = new ArrayList<>();
    for (Map.Entry<String, List<VictimRecord>> e : byList.entrySet()) {
      String first = null;
      String last = null;
      int undated = 0;
      for (VictimRecord r : e.getValue()) {
        String d = r.dateOfDeath();
        if (d == null || d.isBlank()) {
          undated++;
          continue;
        }
        // ISO dates and yyyy-MM months order as text, and a month sorts before its days.
        first = first == null || d.compareTo(first) < 0 ? d : first;
        last = last == null || d.compareTo(last) > 0 ? d : last;
      }
      lists.add(
          new ListSummary(
              e.getKey(),
              e.getValue().size(),
              List.copyOf(imports.getOrDefault(e.getKey(), List.of())),
              first,
              last,
              undated));
    }
    lists.sort(java.util.Comparator.comparing(ListSummary::name));
    LinkageRun run = caseFile.linkageRuns().current().orElse(null);
    List<Overlap> overlaps = new ArrayList<>();
    if (run != null) {
      Map<String, Integer> shared = new HashMap<>();
      for (List<VictimRecord> person : caseFile.linkageRuns().records(run.id()).values()) {
        Set<String> in = new TreeSet<>();
        person.forEach(r -> in.add(r.listName()));
        List<String> names = List.copyOf(in);
        for (int i = 0; i < names.size(); i++) {
          for (int j = i + 1; j < names.size(); j++) {
            shared.merge(names.get(i) + '\u0000' + names.get(j), 1, Integer::sum);
          }
        }
      }
      List<String> names = run.lists().stream().sorted().toList();
      for (int i = 0; i < names.size(); i++) {
        for (int j = i + 1; j < names.size(); j++) {
          overlaps.add(
              new Overlap(
                  names.get(i),
                  names.get(j),
                  shared.getOrDefault(names.get(i) + '\u0000' + names.get(j), 0)));
        }
      }
    }
    return new Summary(List.copyOf(lists), run, List.copyOf(overlaps));
  }
}
