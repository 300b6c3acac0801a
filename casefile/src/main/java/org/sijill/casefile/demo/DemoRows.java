package org.sijill.casefile.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sijill.casefile.repo.Victims.NewRecord;
import org.sijill.linkage.synthetic.GeneratedList;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.Place;
import org.sijill.linkage.synthetic.SyntheticRow;

/**
 * The demo's generated list rows as the case file stores them: one row as a list record, a list's
 * stand-in file fingerprint, and how many generated persons died in each place.
 */
final class DemoRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoRows() {}

  /** Distinct generated persons who died in each place, by the place's first Latin name. */
  static Map<String, Integer> documentedPerPlace(GeneratedLists lists, List<Place> places) {
    Map<String, Set<String>> persons = new HashMap<>();
    for (GeneratedList l : lists.lists()) {
      for (SyntheticRow r : l.rows()) {
        String place = r.get("place_of_death");
        if (place == null) {
          continue;
        }
        for (Place p : places) {
          if (p.arabic().equals(place) || p.latin().contains(place)) {
            persons.computeIfAbsent(p.latin().get(0), k -> new HashSet<>()).add(r.personId());
          }
        }
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    persons.forEach((k, v) -> counts.put(k, v.size()));
    return counts;
  }

  /** A generated row as a list record at {@code line}, its values kept as the raw JSON. */
  static NewRecord toRecord(int line, SyntheticRow r) {
    ObjectNode raw = JSON.createObjectNode();
    r.values().forEach(raw::put);
    String age = r.get("age");
    return new NewRecord(
        line,
        r.recordId(),
        blank(r.get("full_name")),
        blank(r.get("given_name")),
        blank(r.get("father_name")),
        blank(r.get("mother_name")),
        blank(r.get("family_name")),
        blank(r.get("sex")),
        age == null || age.isBlank() ? null : Integer.valueOf(age),
        blank(r.get("age_group")),
        blank(r.get("date_of_death")),
        blank(r.get("place_of_death")),
        blank(r.get("governorate")),
        blank(r.get("status")),
        blank(r.get("cause")),
        "{}",
        raw.toString());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A stable fingerprint of a generated list's content, standing in for a file hash. */
  static String sha256Of(GeneratedList l) {
    try {
      var md = java.security.MessageDigest.getInstance("SHA-256");
      for (SyntheticRow r : l.rows()) {
        md.update(r.values().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
