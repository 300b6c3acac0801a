package org.sijill.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.workflow.ReviewQueue;

/**
 * A contested pair as the review desk shows it: one row per field, the two records' values side by
 * side, and whether they are written the same.
 */
record ReviewRow(
    String pairId,
    String left,
    String right,
    double probability,
    boolean sameInRun,
    List<Field> fields) {

  /** One field of both records; {@code agree} is null when a side is blank. */
  record Field(String name, String left, String right, Boolean agree) {}

  static ReviewRow of(ReviewQueue.Pair p) {
    VictimRecord a = p.left();
    VictimRecord b = p.right();
    List<Field> fields = new ArrayList<>();
    add(fields, "full_name", a.fullName(), b.fullName());
    add(fields, "given_name", a.givenName(), b.givenName());
    add(fields, "father_name", a.fatherName(), b.fatherName());
    add(fields, "mother_name", a.motherName(), b.motherName());
    add(fields, "family_name", a.familyName(), b.familyName());
    add(fields, "sex", a.sex(), b.sex());
    add(fields, "age", str(a.age()), str(b.age()));
    add(fields, "age_group", a.ageGroup(), b.ageGroup());
    add(fields, "date_of_death", a.dateOfDeath(), b.dateOfDeath());
    add(fields, "place_of_death", a.placeOfDeath(), b.placeOfDeath());
    add(fields, "governorate", a.governorate(), b.governorate());
    add(fields, "status", a.status(), b.status());
    add(fields, "cause", a.cause(), b.cause());
    return new ReviewRow(
        p.pairId(),
        a.listName() + " / " + a.recordId(),
        b.listName() + " / " + b.recordId(),
        p.probability(),
        p.sameInRun(),
        List.copyOf(fields));
  }

  private static String str(Integer v) {
    return v == null ? null : v.toString();
  }

  private static void add(List<Field> out, String name, String a, String b) {
    boolean blankA = a == null || a.isBlank();
    boolean blankB = b == null || b.isBlank();
    if (blankA && blankB) {
      return;
    }
    out.add(
        new Field(
            name,
            blankA ? "" : a,
            blankB ? "" : b,
            blankA || blankB ? null : Objects.equals(a.strip(), b.strip())));
  }

  /** The probability as a percentage with one decimal. */
  String percent() {
    return String.format(java.util.Locale.ROOT, "%.1f%%", probability * 100);
  }
}
