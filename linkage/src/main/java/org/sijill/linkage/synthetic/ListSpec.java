package org.sijill.linkage.synthetic;

/**
 * One documenting list of the scenario.
 *
 * @param name list name; also the CSV file name without extension and the record-id prefix
 * @param captureProbability probability that a person of the population appears on this list
 * @param script script of the names on this list
 * @param duplicateRate probability that a captured person is entered a second time
 * @param missingRate probability that an optional field (father, mother, age, date, …) is blank
 */
public record ListSpec(
    String name,
    double captureProbability,
    Script script,
    double duplicateRate,
    double missingRate) {

  public ListSpec {
    if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("list name must be a plain file name: " + name);
    }
    check("captureProbability", captureProbability);
    check("duplicateRate", duplicateRate);
    check("missingRate", missingRate);
  }

  /** A list with 3% within-list duplicates and 10% missing optional fields. */
  public ListSpec(String name, double captureProbability, Script script) {
    this(name, captureProbability, script, 0.03, 0.10);
  }

  private static void check(String what, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1]: " + p);
    }
  }
}
