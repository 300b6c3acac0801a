package org.sijill.linkage;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.internal.Records;
import org.sijill.linkage.model.FellegiSunter;

/**
 * The outcome of a linkage run: a cluster per record, every scored candidate pair with its match
 * probability (kept so that estimation can propagate linkage uncertainty), the fitted model and the
 * blocking statistics.
 */
public final class LinkResult {
  private final Settings settings;
  private final Records records;
  private final List<FieldComparator> comps;
  private final long[] pairs;
  private final float[] logit;
  private final int[] cluster;
  private final FellegiSunter model;
  private final Map<String, long[]> perKey;
  private final Set<Long> decided = new HashSet<>();
  private final int clusterCount;
  private final java.util.BitSet promoted;

  /**
   * How much likelier, in odds, the review order takes a join of two clusters that share no list
   * than the pair's probability says ({@link #reviewPairs}). Lists hold few duplicates, so two
   * clusters of other lists left apart are one person far more often than two that already hold a
   * record of one list: on the one-week example's seed 42 before review, 31 of 103 pairs left apart
   * at p 0.1-0.5 across clusters of disjoint lists were one person, 12 of 504 across clusters
   * sharing a list. Chosen on tuning seeds 1/2/3 among 1, 3, 5 and 10 (mean review F1 after 300
   * decisions 0.9844, 0.9856, 0.9854, 0.9857; docs/BENCHMARKS.md, counting desk, session 14).
   */
  static final double DISJOINT_ODDS = 10;

  LinkResult(
      Settings settings,
      Records records,
      List<FieldComparator> comps,
      long[] pairs,
      float[] logit,
      ClusterStep.Clustering clustering,
      FellegiSunter model,
      Map<String, long[]> perKey,
      List<DecidedPair> decisions) {
    this.settings = settings;
    this.records = records;
    this.comps = comps;
    this.pairs = pairs;
    this.logit = logit;
    this.cluster = clustering.cluster();
    this.promoted = clustering.promoted();
    this.model = model;
    this.perKey = perKey;
    for (DecidedPair d : decisions) {
      decided.add(d.key());
    }
    int max = -1;
    for (int c : cluster) {
      max = Math.max(max, c);
    }
    clusterCount = max + 1;
  }

  /** Number of input records. */
  public int size() {
    return records.size;
  }

  public String source(int rec) {
    return records.sourceName(rec);
  }

  public String recordId(int rec) {
    return records.id(rec);
  }

  /** Cluster of a record, 0-based; clusters are numbered in order of their first record. */
  public int cluster(int rec) {
    return cluster[rec];
  }

  /** Number of clusters: the estimated number of distinct people. */
  public int clusterCount() {
    return clusterCount;
  }

  /** Number of scored candidate pairs. */
  public int pairCount() {
    return pairs.length;
  }

  public int left(int pair) {
    return (int) (pairs[pair] >>> 32);
  }

  public int right(int pair) {
    return (int) pairs[pair];
  }

  public double probability(int pair) {
    return 1 / (1 + Math.exp(-logit[pair]));
  }

  /** The match log-odds of a pair, as scored. */
  float logit(int pair) {
    return logit[pair];
  }

  /**
   * Whether the clustering linked this pair by the mutual-best rule (docs/linkage.md, Clustering):
   * records of two lists each the other's clear best candidate there, scored between {@code
   * mutualBestFloor} and the threshold. As the cluster step found them on this result's pairs.
   */
  public boolean promoted(int pair) {
    return promoted.get(pair);
  }

  /**
   * The match probability the clustering acted on, which the linkage replicates draw a contested
   * pair with: the model's probability, except for a pair the mutual-best rule linked ({@link
   * #promoted}), which the clustering weighed as just above the threshold. The model scores such a
   * pair on its own fields, a name common in two scripts or a date left blank, and leaves it short;
   * the rule adds what the fields cannot, that each record has no other close candidate in the
   * other list. Drawing such a pair with the model's 0.05–0.5 split nearly every one of them in the
   * replicates, although on the synthetic lists most are one person (docs/estimation.md).
   */
  public double drawProbability(int pair) {
    if (promoted(pair)) {
      double t = settings.threshold();
      return 1 / (1 + Math.exp(-(Math.log(t / (1 - t)) + ClusterStep.PROMOTED_WEIGHT)));
    }
    return probability(pair);
  }

  /**
   * Comparison level of each field for two records (by index), -1 where a side is blank: the vector
   * the model scored, for any two records, candidates or not. For diagnostics and review.
   */
  public int[] levels(int a, int b) {
    int[] l = new int[comps.size()];
    for (int f = 0; f < l.length; f++) {
      l[f] = comps.get(f).level(a, b);
    }
    return l;
  }

  /** Pairs compared per blocking key: {pairs emitted, pairs skipped in oversized blocks}. */
  public Map<String, long[]> pairsPerBlockingKey() {
    return Collections.unmodifiableMap(perKey);
  }

  /** The compared fields, in settings order. */
  List<FieldSpec> fields() {
    return settings.fields();
  }

  /** A copy of m: per field and level, the share of true matches at that level. */
  double[][] matchShares() {
    double[][] c = new double[model.m().length][];
    for (int f = 0; f < c.length; f++) {
      c[f] = model.m()[f].clone();
    }
    return c;
  }

  /** The fitted model as numbers (priors, m/u/h per field and level), for storing with a run. */
  public FittedModel model() {
    List<FittedModel.Field> fs = new ArrayList<>();
    for (int f = 0; f < comps.size(); f++) {
      FieldSpec spec = settings.fields().get(f);
      List<String> labels = new ArrayList<>();
      for (int l = 0; l < comps.get(f).levels(); l++) {
        labels.add(comps.get(f).label(l));
      }
      fs.add(
          new FittedModel.Field(
              spec.column(),
              spec.kind().key(),
              labels,
              model.m()[f],
              model.u()[f],
              model.h() == null ? null : model.h()[f]));
    }
    return new FittedModel(
        model.lambda(),
        model.h() == null ? null : model.lambdaH(),
        model.iterations(),
        model.converged(),
        fs);
  }

  /** A readable account of the fitted model: λ and m/u per field and level. */
  public String modelSummary() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "lambda (share of candidate pairs that match) = %.5f; EM iterations %d%s%n",
            model.lambda(),
            model.iterations(),
            model.converged() ? "" : " (not converged)"));
    if (model.h() != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "relatives (pairs of one household) = %.5f of pairs; h = P(level | relatives)%n",
              model.lambdaH()));
    }
    for (int f = 0; f < comps.size(); f++) {
      FieldSpec spec = settings.fields().get(f);
      b.append(spec.column()).append(" (").append(spec.kind().key()).append(")\n");
      for (int l = comps.get(f).levels() - 1; l >= 0; l--) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %d %-42s m=%.4f u=%.4f log2(m/u)=%+.2f%s%n",
                l,
                comps.get(f).label(l),
                model.m()[f][l],
                model.u()[f][l],
                Math.log(model.m()[f][l] / model.u()[f][l]) / Math.log(2),
                model.h() == null ? "" : String.format(Locale.ROOT, " h=%.4f", model.h()[f][l])));
      }
    }
    return b.toString();
  }

  /** {@code cluster_id,source,record_id}: every input record exactly once, in input order. */
  public void writeClusters(Path file) throws IOException {
    try (CSVPrinter p = printer(file)) {
      p.printRecord("cluster_id", "source", "record_id");
      for (int i = 0; i < records.size; i++) {
        p.printRecord(cluster[i] + 1, records.sourceName(i), records.id(i));
      }
    }
  }

  /** {@code source_l,record_id_l,source_r,record_id_r,match_probability} at or above a floor. */
  public void writePairs(Path file) throws IOException {
    try (CSVPrinter p = printer(file)) {
      p.printRecord("source_l", "record_id_l", "source_r", "record_id_r", "match_probability");
      for (int k = 0; k < pairs.length; k++) {
        double pr = probability(k);
        if (pr >= settings.pairsMinProbability()) {
          int a = left(k);
          int b = right(k);
          p.printRecord(
              records.sourceName(a), records.id(a), records.sourceName(b), records.id(b), fmt(pr));
        }
      }
    }
  }

  /**
   * Pairs a person should decide, the most contested first ({@link #reviewPairs}): probability
   * inside the review band, or a clustering that went against the pair (a likely match left apart,
   * an unlikely one merged). Columns: the pair, {@code match_probability}, {@code same_cluster}, an
   * empty {@code decision} to fill with must-link / cannot-link (the file can then be passed to
   * {@code --decisions}), and each compared field left and right.
   */
  public void writeReview(Path file) throws IOException {
    List<Integer> chosen = reviewPairs();
    try (CSVPrinter p = printer(file)) {
      List<String> header =
          new ArrayList<>(
              List.of(
                  "source_l",
                  "record_id_l",
                  "source_r",
                  "record_id_r",
                  "match_probability",
                  "same_cluster",
                  "decision"));
      for (FieldSpec f : settings.fields()) {
        header.add(f.column() + "_l");
        header.add(f.column() + "_r");
      }
      p.printRecord(header);
      for (int k : chosen) {
        int a = left(k);
        int b = right(k);
        List<String> row = new ArrayList<>();
        row.add(records.sourceName(a));
        row.add(records.id(a));
        row.add(records.sourceName(b));
        row.add(records.id(b));
        row.add(fmt(probability(k)));
        row.add(cluster[a] == cluster[b] ? "yes" : "no");
        row.add("");
        for (int f = 0; f < comps.size(); f++) {
          row.add(records.value(a, f));
          row.add(records.value(b, f));
        }
        p.printRecord(row);
      }
    }
  }

  /**
   * Indexes of the pairs {@link #writeReview} writes, those where the pair's own evidence and the
   * clustering disagree most first: by the pair's match probability if the clustering left it
   * apart, by one minus it if merged, highest first. Why not "closest to the threshold first": a
   * pair the clustering overruled with a confident probability is a contested decision that settles
   * a whole cluster, where a pair near 0.5 that the clustering followed usually changes nothing. On
   * the synthetic lists this order reached F1 0.98 after 300-500 decisions per 10,000 records, the
   * other after 500-1,000+. Every contested pair between two clusters stays in the list: the list
   * is also the set of pairs estimation's linkage replicates redraw, where each is a chance to
   * merge the two (showing only the likeliest pair between two clusters changed F1 after 300
   * decisions by under 0.001 on the report seeds; docs/BENCHMARKS.md, counting desk). A pair left
   * apart between two clusters that share no list counts with its odds times {@link
   * #DISJOINT_ODDS}: without it the reviewer split wrong merges faster than they found missed
   * joins, and the count of persons rose as decisions came in (seed 42: +0.75% after 300).
   */
  public List<Integer> reviewPairs() {
    double lo = settings.reviewLow();
    double hi = settings.reviewHigh();
    double t = settings.threshold();
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < pairs.length; k++) {
      if (decided.contains(pairs[k])) {
        continue;
      }
      double pr = probability(k);
      boolean same = cluster[left(k)] == cluster[right(k)];
      boolean band = pr >= lo && pr <= hi;
      boolean against = (pr >= t && !same && pr > 0.02) || (pr < t && same && pr < 0.98);
      if (band || against) {
        out.add(k);
      }
    }
    java.util.BitSet[] lists = clusterSources();
    out.sort(
        Comparator.comparingDouble(
            k -> {
              int ca = cluster[left(k)];
              int cb = cluster[right(k)];
              if (ca == cb) {
                return probability(k);
              }
              double odds = Math.exp(logit[k]);
              if (!lists[ca].intersects(lists[cb])) {
                odds *= DISJOINT_ODDS;
              }
              return 1 - odds / (1 + odds);
            }));
    return out;
  }

  /** Per cluster, the sources its records come from. */
  private java.util.BitSet[] clusterSources() {
    java.util.BitSet[] lists = new java.util.BitSet[clusterCount];
    for (int i = 0; i < records.size; i++) {
      if (lists[cluster[i]] == null) {
        lists[cluster[i]] = new java.util.BitSet();
      }
      lists[cluster[i]].set(records.source[i]);
    }
    return lists;
  }

  private static String fmt(double p) {
    return String.format(Locale.ROOT, "%.6f", p);
  }

  private static CSVPrinter printer(Path file) throws IOException {
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(w);
  }
}
