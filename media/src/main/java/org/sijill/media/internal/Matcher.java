package org.sijill.media.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sijill.media.Comparison;
import org.sijill.media.FrameHash;
import org.sijill.media.MatchRange;
import org.sijill.media.Verdict;
import org.sijill.media.pdq.ImageHash;
import org.sijill.media.pdq.PdqHash;

/** Compares frame lists as vPDQ does, and finds the time ranges they share. */
public final class Matcher {
  /** Frames closer than this in time belong to the same matching stretch. */
  static final double RUN_GAP_SECONDS = 2.5;

  /** Two matches agree on where a stretch sits in the other video within this many seconds. */
  static final double OFFSET_TOLERANCE = 0.5;

  private Matcher() {}

  public static Comparison compare(
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
    int[] bestOf = new int[a.size()];
    int[] bestOfB = new int[b.size()];
    java.util.Arrays.fill(bestOfB, -1);
    for (int i = 0; i < a.size(); i++) {
      ImageHash q = a.get(i).image();
      int bi = -1;
      for (int j = 0; j < b.size(); j++) {
        int dist = q.distanceTo(b.get(j).hash(), b.get(j).crops());
        d[i][j] = dist;
        if (bi < 0 || dist < d[i][bi]) {
          bi = j;
        }
        if (dist <= PdqHash.MATCH_DISTANCE && (bestOfB[j] < 0 || dist < d[bestOfB[j]][j])) {
          bestOfB[j] = i;
        }
        best = Math.min(best, dist);
      }
      bestOf[i] = bi >= 0 && d[i][bi] <= PdqHash.MATCH_DISTANCE ? bi : -1;
    }
    double[] aTimes = a.stream().mapToDouble(FrameHash::seconds).toArray();
    double[] bTimes = b.stream().mapToDouble(TimedHash::seconds).toArray();
    double aShare = covered(aTimes, bestOf, bTimes) / (double) a.size();
    double bShare = covered(bTimes, bestOfB, aTimes) / (double) b.size();
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
   * Frames of one side that are found in the other: those within 31 bits of some frame there, and
   * those lying between two found frames less than {@value #RUN_GAP_SECONDS} s apart whose matches
   * agree on the time offset (within {@value #OFFSET_TOLERANCE} s). Why the second kind: samples of
   * a moving scene taken at slightly different instants in two copies can be more than 31 bits
   * apart although the stretch around them matches frame for frame; a consistent offset on both
   * sides shows the stretch is shared.
   */
  static int covered(double[] times, int[] match, double[] otherTimes) {
    int n = 0;
    int prev = -1;
    for (int i = 0; i < times.length; i++) {
      if (match[i] >= 0) {
        n++;
        prev = i;
        continue;
      }
      if (prev < 0) {
        continue;
      }
      int next = i + 1;
      while (next < times.length && match[next] < 0) {
        next++;
      }
      if (next < times.length && times[next] - times[prev] <= RUN_GAP_SECONDS) {
        double o1 = otherTimes[match[prev]] - times[prev];
        double o2 = otherTimes[match[next]] - times[next];
        if (Math.abs(o1 - o2) <= OFFSET_TOLERANCE) {
          n++;
        }
      }
    }
    return n;
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
