package org.sijill.workflow;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.casefile.repo.LinkDecisions.NewDecision;
import org.sijill.linkage.Decision;
import org.sijill.linkage.LinkageException;

/**
 * Records review decisions in the case, with who made them: a decisions file (an edited review file
 * works) names pairs by list and record id; each pair must name records the case's lists hold. All
 * decisions are stored or none. The next linkage run honours them.
 */
public final class RecordDecisions {
  private final CaseFile caseFile;

  public RecordDecisions(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /** What was stored. */
  public record Result(List<Long> decisionIds, int same, int different) {}

  /**
   * Reads and stores {@code source_l,record_id_l,source_r,record_id_r,decision}.
   *
   * @param encoding the file's character set, or null for UTF-8 (with or without BOM)
   * @throws CountingException naming file and line of an unreadable row or an unknown record
   */
  public Result fromFile(Path file, Charset encoding, String by) {
    List<Decision> read;
    try {
      read = Decision.read(file, encoding);
    } catch (LinkageException e) {
      throw new CountingException(e.getMessage(), e);
    }
    Map<String, Long> ids = new HashMap<>();
    for (VictimRecord r : caseFile.linkageInput().input()) {
      ids.put(key(r.listName(), r.recordId()), r.id());
    }
    List<NewDecision> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int same = 0;
    for (Decision d : read) {
      Long a = ids.get(key(d.sourceL(), d.recordIdL()));
      Long b = ids.get(key(d.sourceR(), d.recordIdR()));
      if (a == null || b == null) {
        String which =
            a == null ? d.sourceL() + "/" + d.recordIdL() : d.sourceR() + "/" + d.recordIdR();
        problems.add(d.origin() + ": no record " + which + " in the case's lists");
      } else if (a.equals(b)) {
        problems.add(d.origin() + ": a record paired with itself");
      } else {
        out.add(new NewDecision(a, b, d.verdict().label(), d.origin()));
        same += d.verdict() == Decision.Verdict.SAME ? 1 : 0;
      }
      if (problems.size() >= 20) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new CountingException(String.join("\n", problems) + "\nno decision was recorded");
    }
    List<Long> stored = caseFile.linkDecisions().decide(out, by);
    return new Result(stored, same, out.size() - same);
  }

  /**
   * Records one reviewer's decision on a pair of stored records (the web desk's keys).
   *
   * @param decision {@code same}, {@code different} or {@code unsure}
   * @return the new decision's id
   * @throws IllegalArgumentException when the decision is not one of the three or the pair names a
   *     record the case does not hold
   */
  public long one(long victimA, long victimB, String decision, String origin, String by) {
    Decision.Verdict.of(decision); // refuses anything but the three words
    if (victimA == victimB) {
      throw new IllegalArgumentException("a record paired with itself");
    }
    Map<Long, VictimRecord> found = caseFile.victims().byIds(List.of(victimA, victimB));
    for (long id : new long[] {victimA, victimB}) {
      if (!found.containsKey(id)) {
        throw new IllegalArgumentException("the case holds no victim record " + id);
      }
    }
    return caseFile
        .linkDecisions()
        .decide(List.of(new NewDecision(victimA, victimB, decision, origin)), by)
        .get(0);
  }

  private static String key(String list, String recordId) {
    return list + '\u0000' + recordId;
  }
}
