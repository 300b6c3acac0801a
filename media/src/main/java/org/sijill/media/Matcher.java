package org.sijill.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Compares frame lists as vPDQ does, and finds the time ranges they share. */
final class Matcher {
  /** Frames closer than this in time belong to the same matching stretch. */
  static final double RUN_GAP_SECONDS = 2.5;

  private Matcher() {}

  static Comparison compare(
      List<FrameHash> a,
      boolean aIsVideo,
      List<TimedHash> b,
      boolean bIsVideo,
      List<String> notes) {
    List<String> allNotes = new ArrayList<>(notes);
    if (a.isEmpty() || b.isEmpty()) {
      allNotes.add("nothing to compare: no frame of quality 50 or more");
      return new Comparison(Verdict.DIFFERENT, 256, 0, 0, List.of(), allNotes);
    }
    int[][] d = new int[a.size()][b.size()];
    int best = 256;
    boolean[] bMatched = new boolean[b.size()];
    int aMatched = 0;
    int[] bestOf = new int[a.size()];
    for (int i = 0; i < a.size(); i++) {
      ImageHash q = a.get(i).image();
      boolean hit = false;
      int bi = -1;
      for (int j = 0; j < b.size(); j++) {
        int dist = q.distanceAnyVariant(b.get(j).hash());
        d[i][j] = dist;
        if (dist <= PdqHash.MATCH_DISTANCE) {
          hit = true;
          bMatched[j] = true;
        }
        if (bi < 0 || dist < d[i][bi]) {
          bi = j;
        }
        best = Math.min(best, dist);
      }
      bestOf[i] = hit ? bi : -1;
      if (hit) {
        aMatched++;
      }
    }
    int bCount = 0;
    for (boolean m : bMatched) {
      bCount += m ? 1 : 0;
    }
    double aShare = aMatched / (double) a.size();
    double bShare = bCount / (double) b.size();
    Verdict v;
    if (!aIsVideo && !bIsVideo) {
      v =
          best <= Comparison.SAME_IMAGE_DISTANCE
              ? Verdict.SAME
              : best <= PdqHash.MATCH_DISTANCE ? Verdict.NEAR_DUPLICATE : Verdict.DIFFERENT;
    } else if (aShare >= Comparison.SAME_VIDEO_SHARE && bShare >= Comparison.SAME_VIDEO_SHARE) {
      v = aIsVideo && bIsVideo ? Verdict.SAME : Verdict.NEAR_DUPLICATE;
    } else if (Math.max(aShare, bShare) >= Comparison.SAME_VIDEO_SHARE) {
      v = Verdict.NEAR_DUPLICATE;
    } else {
      v = Verdict.DIFFERENT;
    }
    List<MatchRange> ranges = aIsVideo || bIsVideo ? ranges(a, b, bestOf) : List.<MatchRange>of();
    return new Comparison(v, best, aShare, bShare, ranges, allNotes);
  }

  /**
   * Groups matched frames of {@code a} into stretches (gaps under {@value #RUN_GAP_SECONDS} s) and
   * places each in {@code b} by the median time offset of its best matches, which is robust to a
   * still scene matching many frames.
   */
  private static List<MatchRange> ranges(List<FrameHash> a, List<TimedHash> b, int[] bestOf) {
    List<MatchRange> out = new ArrayList<>();
    int i = 0;
    while (i < a.size()) {
      if (bestOf[i] < 0) {
        i++;
        continue;
      }
      int start = i;
      int end = i;
      List<Double> offsets = new ArrayList<>();
      offsets.add(b.get(bestOf[i]).seconds() - a.get(i).seconds());
      int j = i + 1;
      while (j < a.size()) {
        if (bestOf[j] >= 0) {
          if (a.get(j).seconds() - a.get(end).seconds() > RUN_GAP_SECONDS) {
            break;
          }
          end = j;
          offsets.add(b.get(bestOf[j]).seconds() - a.get(j).seconds());
        } else if (a.get(j).seconds() - a.get(end).seconds() > RUN_GAP_SECONDS) {
          break;
        }
        j++;
      }
      double[] sorted = offsets.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(sorted);
      double off = sorted[sorted.length / 2];
      double as = a.get(start).seconds();
      double ae = a.get(end).seconds();
      out.add(new MatchRange(as, ae, Math.max(0, as + off), Math.max(0, ae + off)));
      i = j;
    }
    return out;
  }
}
