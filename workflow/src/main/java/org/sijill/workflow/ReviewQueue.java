package org.sijill.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.LinkDecision;
import org.sijill.casefile.model.VictimRecord;
import org.sijill.casefile.repo.LinkageReview.ReviewPosition;
import org.sijill.casefile.repo.LinkageRuns.ReviewPair;

/**
 * The contested pairs of a linkage run, in the run's own order (the most useful to decide first),
 * each with both records as imported and the decision in force on it, if any.
 *
 * <p>A pair is named {@code "A-B"}: the ids of its two victim records, smaller first. The name does
 * not depend on the run, so a decision taken on one run's pair is the same pair in the next run.
 */
public final class ReviewQueue {
  private final CaseFile caseFile;

  public ReviewQueue(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /**
   * One contested pair.
   *
   * @param sameInRun whether the run put the two records in one person
   * @param decision the decision in force ({@code same|different|unsure}), or null
   * @param decidedBy who took it, or null
   */
  public record Pair(
      String pairId,
      VictimRecord left,
      VictimRecord right,
      double probability,
      boolean sameInRun,
      String decision,
      String decidedBy) {}

  /** The pairs of run {@code runId} to review, most useful first. */
  public List<Pair> pairs(long runId) {
    List<ReviewPair> raw = caseFile.linkageReview().reviewPairs(runId);
    Set<Long> ids = new LinkedHashSet<>();
    raw.forEach(
        p -> {
          ids.add(p.leftVictimId());
          ids.add(p.rightVictimId());
        });
    Map<Long, VictimRecord> records = caseFile.victims().byIds(ids);
    Map<String, LinkDecision> decided = new HashMap<>();
    for (LinkDecision d : caseFile.linkDecisions().decisions()) {
      decided.put(pairId(d.leftVictimId(), d.rightVictimId()), d);
    }
    List<Pair> out = new ArrayList<>(raw.size());
    for (ReviewPair p : raw) {
      String id = pairId(p.leftVictimId(), p.rightVictimId());
      LinkDecision d = decided.get(id);
      out.add(
          new Pair(
              id,
              records.get(p.leftVictimId()),
              records.get(p.rightVictimId()),
              p.probability(),
              p.same(),
              d == null ? null : d.decision(),
              d == null ? null : d.decidedBy()));
    }
    return out;
  }

  /** As {@link #pairs(long)}, each record as {@code seen} lets its reader see it. */
  public List<Pair> pairs(long runId, org.sijill.workflow.access.Visibility seen) {
    return pairs(runId).stream()
        .map(
            p ->
                new Pair(
                    p.pairId(),
                    p.left() == null ? null : seen.victim(p.left()),
                    p.right() == null ? null : seen.victim(p.right()),
                    p.probability(),
                    p.sameInRun(),
                    p.decision(),
                    p.decidedBy()))
        .toList();
  }

  /**
   * Where a reviewer stands in a run's queue.
   *
   * @param pair the first pair in the run's order with no decision in force, or null when none is
   *     left
   * @param decided how many of the run's pairs have a decision in force
   * @param total how many pairs the run has to review
   */
  public record Next(Pair pair, int decided, int total) {}

  /**
   * The next pair to decide in run {@code runId}, its records as {@code seen} lets its reader see
   * them. Reads only the two records it shows: the review desk asks for this after every key press,
   * and at 10,000 records {@link #pairs(long)} reads some 3,000 records to show one pair; the
   * position in the queue is one statement ({@link
   * org.sijill.casefile.repo.LinkageRuns#reviewPosition}).
   */
  public Next next(long runId, org.sijill.workflow.access.Visibility seen) {
    ReviewPosition at = caseFile.linkageReview().reviewPosition(runId);
    ReviewPair first = at.next();
    int done = at.decided();
    if (first == null) {
      return new Next(null, done, at.total());
    }
    Map<Long, VictimRecord> records =
        caseFile.victims().byIds(List.of(first.leftVictimId(), first.rightVictimId()));
    VictimRecord left = records.get(first.leftVictimId());
    VictimRecord right = records.get(first.rightVictimId());
    Pair pair =
        new Pair(
            pairId(first.leftVictimId(), first.rightVictimId()),
            left == null ? null : seen.victim(left),
            right == null ? null : seen.victim(right),
            first.probability(),
            first.same(),
            null,
            null);
    return new Next(pair, done, at.total());
  }

  /** The name of the pair of two records. */
  public static String pairId(long a, long b) {
    return Math.min(a, b) + "-" + Math.max(a, b);
  }

  /**
   * The two record ids a pair name holds, smaller first.
   *
   * @throws IllegalArgumentException when {@code pairId} is not two different positive ids
   */
  public static long[] parsePairId(String pairId) {
    if (pairId == null || !pairId.matches("[1-9][0-9]{0,17}-[1-9][0-9]{0,17}")) {
      throw new IllegalArgumentException(
          "pairId must be two record ids joined by '-' (as GET /api/review/pairs gives them)");
    }
    String[] parts = pairId.split("-");
    long a = Long.parseLong(parts[0]);
    long b = Long.parseLong(parts[1]);
    if (a == b) {
      throw new IllegalArgumentException("pairId names one record twice");
    }
    return new long[] {Math.min(a, b), Math.max(a, b)};
  }
}
