package org.sijill.workflow;

import java.util.ArrayList;
import java.util.List;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.LinkageRun;
import org.sijill.casefile.model.Person;
import org.sijill.casefile.repo.LinkDecisions.NewDecision;

/**
 * A reviewer's correction of a person of the current linkage run, from the person page: split one
 * record off the person, or merge two persons into one. Both are stored as ordinary review
 * decisions (who, when, where from), so the next run honours them as cannot-link or must-link like
 * any decision of the review desk; the current run is not changed.
 *
 * <ul>
 *   <li><b>Split</b> a record off: {@code different} between that record and each other record of
 *       the person. No chain of other links can then bring it back into the person.
 *   <li><b>Merge</b> two persons: {@code same} between every record of the one and every record of
 *       the other, which also overrides any earlier {@code different} between them.
 * </ul>
 */
public final class RevisePerson {
  private final CaseFile caseFile;

  public RevisePerson(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /**
   * What was recorded.
   *
   * @param run the linkage run whose persons were corrected (the next run applies it)
   * @param decisionIds the review decisions stored
   */
  public record Result(long run, List<Long> decisionIds) {}

  /**
   * Splits a record off a person of the current run.
   *
   * @throws IllegalArgumentException when the case has no run, the run no such person, the record
   *     is not one of the person's, or the person has only that record
   */
  public Result splitOff(long personId, long victimId, String by) {
    LinkageRun run = currentRun();
    Person person = person(run, personId);
    if (person.records().stream().noneMatch(r -> r.victimId() == victimId)) {
      throw new IllegalArgumentException(
          "record " + victimId + " is not one of person " + personId + "'s records");
    }
    if (person.records().size() < 2) {
      throw new IllegalArgumentException(
          "person " + personId + " has only this record; there is nothing to split it from");
    }
    String origin = "person page: record " + victimId + " split off person " + personId;
    List<NewDecision> out = new ArrayList<>();
    for (Person.Record r : person.records()) {
      if (r.victimId() != victimId) {
        out.add(new NewDecision(victimId, r.victimId(), "different", origin));
      }
    }
    return new Result(run.id(), caseFile.linkDecisions().decide(out, by));
  }

  /**
   * Merges two persons of the current run.
   *
   * @throws IllegalArgumentException when the case has no run, the run lacks either person, or both
   *     ids are the same person
   */
  public Result merge(long personId, long otherPersonId, String by) {
    if (personId == otherPersonId) {
      throw new IllegalArgumentException("a person cannot be merged with itself");
    }
    LinkageRun run = currentRun();
    Person a = person(run, personId);
    Person b = person(run, otherPersonId);
    String origin = "person page: persons " + personId + " and " + otherPersonId + " merged";
    List<NewDecision> out = new ArrayList<>();
    for (Person.Record l : a.records()) {
      for (Person.Record r : b.records()) {
        out.add(new NewDecision(l.victimId(), r.victimId(), "same", origin));
      }
    }
    return new Result(run.id(), caseFile.linkDecisions().decide(out, by));
  }

  private LinkageRun currentRun() {
    return caseFile
        .linkageRuns()
        .current()
        .orElseThrow(() -> new IllegalArgumentException("the case has not been linked yet"));
  }

  private Person person(LinkageRun run, long personId) {
    return caseFile
        .persons()
        .find(run.id(), personId)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "linkage run " + run.id() + " has no person " + personId));
  }
}
