package org.sijill.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.ListImport;
import org.sijill.casefile.model.Source;

/**
 * Which lists the published report may name: a list whose source is restricted or confidential
 * appears only as {@code restricted-list-N}, in the lists table and inside every model's text.
 */
final class ReportListLabels {
  private ReportListLabels() {}

  /**
   * A list from a restricted or confidential source is named in public only by a label ({@code
   * restricted-list-N}), since whoever imported it may have named it after its source.
   */
  static Map<String, String> labels(CaseFile caseFile) {
    List<ListImport> imports = caseFile.victims().imports();
    return labels(imports, importPublic(caseFile, imports, restricted(caseFile)));
  }

  /**
   * Item type ({@code source}, {@code evidence}, {@code incident}, {@code victim}) to the ids
   * restricted to an access group.
   */
  static Map<String, java.util.Set<Long>> restricted(CaseFile caseFile) {
    Map<String, java.util.Set<Long>> out = new HashMap<>();
    for (String t : List.of("source", "evidence", "incident", "victim")) {
      out.put(t, new java.util.HashSet<>());
    }
    caseFile
        .accessGroups()
        .restrictions()
        .forEach(
            r -> out.computeIfAbsent(r.itemType(), k -> new java.util.HashSet<>()).add(r.itemId()));
    return out;
  }

  /**
   * Import id to whether its list may be published: its source is public and not restricted to an
   * access group (a list without a source is the case's own).
   */
  static Map<Long, Boolean> importPublic(
      CaseFile caseFile, List<ListImport> imports, Map<String, java.util.Set<Long>> restricted) {
    Map<Long, Source> sources = new HashMap<>();
    caseFile.sources().all().forEach(s -> sources.put(s.id(), s));
    Map<Long, Boolean> out = new HashMap<>();
    for (ListImport li : imports) {
      Source s = li.sourceId() == null ? null : sources.get(li.sourceId());
      out.put(
          li.id(),
          s == null
              || ("public".equals(s.confidentiality())
                  && !restricted.get("source").contains(s.id())));
    }
    return out;
  }

  static Map<String, String> labels(List<ListImport> imports, Map<Long, Boolean> isPublic) {
    Map<String, String> listLabel = new HashMap<>();
    int hidden = 0;
    for (ListImport li : imports) {
      if (!isPublic.get(li.id()) && !listLabel.containsKey(li.listName())) {
        listLabel.put(li.listName(), "restricted-list-" + (++hidden));
      }
    }
    return listLabel;
  }

  /** A model's text with the names of lists that may not be named replaced by their labels. */
  static String relabel(String model, Map<String, String> labels) {
    if (model == null) {
      return null;
    }
    String out = model;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }
}
