package org.sijill.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.LinkDecision;

/**
 * Blind double review: each reviewer decides a run's contested pairs without seeing the match
 * probability, what the run made of the pair or anyone else's decision, and the agreement between
 * the first two reviewers of each pair is measured with Cohen's kappa over same / different /
 * unsure.
 *
 * <p>Blind decisions are ordinary review decisions ({@code link_decision}, origin {@value
 * #ORIGIN}), so they bind the next linkage run like any other: the newest decision on a pair is in
 * force. Where the two reviewers disagree, the page lists the pair so that someone decides it on
 * the ordinary review desk, whose decision is then the newest.
 */
public final class BlindReview {
  /** The origin recorded with every blind decision. */
  public static final String ORIGIN = "blind review";

  private static final List<String> CATEGORIES = List.of("same", "different", "unsure");

  private final CaseFile caseFile;
  private final ReviewQueue queue;
  private final RecordDecisions decisions;

  public BlindReview(CaseFile caseFile) {
    this.caseFile = caseFile;
    this.queue = new ReviewQueue(caseFile);
    this.decisions = new RecordDecisions(caseFile);
  }

  /**
   * The agreement of the first two reviewers over the pairs both decided blind.
   *
   * @param pairs pairs decided blind by two reviewers
   * @param agreed of those, how many got the same decision
   * @param kappa Cohen's kappa, or null when it is undefined (no pair, or chance agreement is
   *     certain: both reviewers always gave the same one answer)
   * @param disagreements the pairs (ids) whose two decisions differ, for adjudication
   */
  public record Agreement(int pairs, int agreed, Double kappa, List<String> disagreements) {
    public Agreement {
      disagreements = List.copyOf(disagreements);
    }
  }

  /** The run's pairs this reviewer has not yet decided blind, in the run's order. */
  public List<ReviewQueue.Pair> remaining(List<ReviewQueue.Pair> pairs, String reviewer) {
    Set<String> done = new HashSet<>();
    for (LinkDecision d : caseFile.linkDecisions().decisionsFrom(ORIGIN)) {
      if (d.decidedBy().equals(reviewer)) {
        done.add(ReviewQueue.pairId(d.leftVictimId(), d.rightVictimId()));
      }
    }
    return pairs.stream().filter(p -> !done.contains(p.pairId())).toList();
  }

  /** Records a blind decision. */
  public long decide(String pairId, String decision, String reviewer) {
    long[] ids = ReviewQueue.parsePairId(pairId);
    return decisions.one(ids[0], ids[1], decision, ORIGIN, reviewer);
  }

  /** The agreement so far: each reviewer's newest blind decision on a pair, first two reviewers. */
  public Agreement agreement() {
    // pair -> reviewer (in the order they first decided it) -> newest decision
    Map<String, LinkedHashMap<String, String>> byPair = new LinkedHashMap<>();
    for (LinkDecision d : caseFile.linkDecisions().decisionsFrom(ORIGIN)) {
      byPair
          .computeIfAbsent(
              ReviewQueue.pairId(d.leftVictimId(), d.rightVictimId()), k -> new LinkedHashMap<>())
          .put(d.decidedBy(), d.decision());
    }
    List<String[]> both = new ArrayList<>();
    List<String> disagreements = new ArrayList<>();
    for (Map.Entry<String, LinkedHashMap<String, String>> e : byPair.entrySet()) {
      if (e.getValue().size() >= 2) {
        List<String> two = new ArrayList<>(e.getValue().values()).subList(0, 2);
        both.add(new String[] {two.get(0), two.get(1)});
        if (!two.get(0).equals(two.get(1))) {
          disagreements.add(e.getKey());
        }
      }
    }
    return new Agreement(
        both.size(), both.size() - disagreements.size(), kappa(both), disagreements);
  }

  /** Cohen's kappa of paired ratings; null when undefined. */
  static Double kappa(List<String[]> ratings) {
    int n = ratings.size();
    if (n == 0) {
      return null;
    }
    Map<String, Integer> first = new HashMap<>();
    Map<String, Integer> second = new HashMap<>();
    int agree = 0;
    for (String[] r : ratings) {
      first.merge(r[0], 1, Integer::sum);
      second.merge(r[1], 1, Integer::sum);
      agree += r[0].equals(r[1]) ? 1 : 0;
    }
    double po = (double) agree / n;
    double pe = 0;
    for (String c : CATEGORIES) {
      pe += (first.getOrDefault(c, 0) / (double) n) * (second.getOrDefault(c, 0) / (double) n);
    }
    if (pe >= 1) {
      return null;
    }
    return (po - pe) / (1 - pe);
  }
}
