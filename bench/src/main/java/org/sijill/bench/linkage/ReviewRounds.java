package org.sijill.bench.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sijill.linkage.Decision;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.Linker;

/**
 * {@code -Dreview}: a reviewer working through the review file, round by round (see {@link #run}).
 */
final class ReviewRounds {
  private ReviewRounds() {}

  /**
   * {@code -Dreview=PAIRS,ROUNDS}: a reviewer working through the review file. Each round takes the
   * first PAIRS pairs of the current review list (most contested first), decides them as the truth
   * says, and links again with every decision so far ({@code --decisions}); prints the metrics
   * after each round. Measures how many human decisions the remaining errors cost.
   */
  static void run(Linker linker, LinkResult first, LinkageBench.Lists lists, String spec) {
    String[] parts = spec.split(",");
    int perRound = Integer.parseInt(parts[0].trim());
    int rounds = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 1;
    List<String> truth = lists.truth();
    List<Decision> decisions = new ArrayList<>();
    LinkResult r = first;
    for (int round = 1; round <= rounds; round++) {
      List<Integer> todo = r.reviewPairs();
      int take = Math.min(perRound, todo.size());
      for (int k : todo.subList(0, take)) {
        int a = r.left(k);
        int b = r.right(k);
        decisions.add(
            new Decision(
                r.source(a),
                r.recordId(a),
                r.source(b),
                r.recordId(b),
                truth.get(a).equals(truth.get(b))
                    ? Decision.Verdict.SAME
                    : Decision.Verdict.DIFFERENT,
                "review"));
      }
      long t0 = System.nanoTime();
      r = linker.link(lists.sources(), decisions, List.of(), m -> {});
      double wall = (System.nanoTime() - t0) / 1e9;
      PairMetrics m = PairMetrics.of(r, truth, false);
      System.out.printf(
          Locale.ROOT,
          "review round %d: %d decisions (%d left in the review list before it) P=%.4f R=%.4f"
              + " F1=%.4f clusters=%d persons=%d (%.1f s)%n",
          round,
          decisions.size(),
          todo.size(),
          m.precision(),
          m.recall(),
          m.f1(),
          m.clusters(),
          m.persons(),
          wall);
    }
    String show = System.getProperty("reviewShow");
    if (show != null) {
      AfterReview.print(r, lists, show.equals("2"));
    }
  }
}
