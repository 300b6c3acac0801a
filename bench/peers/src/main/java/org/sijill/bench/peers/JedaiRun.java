package org.sijill.bench.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scify.jedai.blockbuilding.StandardBlocking;
import org.scify.jedai.blockprocessing.blockcleaning.BlockFiltering;
import org.scify.jedai.blockprocessing.comparisoncleaning.CardinalityNodePruning;
import org.scify.jedai.datamodel.AbstractBlock;
import org.scify.jedai.datamodel.EntityProfile;
import org.scify.jedai.datamodel.EquivalenceCluster;
import org.scify.jedai.datamodel.SimilarityPairs;
import org.scify.jedai.entityclustering.ConnectedComponentsClustering;
import org.scify.jedai.entityclustering.IEntityClustering;
import org.scify.jedai.entityclustering.UniqueMappingClustering;
import org.scify.jedai.entitymatching.ProfileMatcher;
import org.scify.jedai.utilities.enumerations.RepresentationModel;
import org.scify.jedai.utilities.enumerations.SimilarityMetric;

/**
 * JedAI 3.1's schema-agnostic workflow, the one its authors recommend for structured data: token
 * blocking over every value ({@code StandardBlocking}), block filtering, Cardinality Node Pruning,
 * character-trigram TF-IDF cosine over the whole profile ({@code ProfileMatcher}) and then either
 * unique-mapping clustering (assumes each record has at most one match in the other file) or
 * connected components.
 *
 * <p>Usage: {@code JedaiRun link|dedupe unique|cc|CLASS THRESHOLD OUT.csv FILE [FILE]}, where CLASS
 * names another clustering of {@code org.scify.jedai.entityclustering}.
 */
public final class JedaiRun {
  private JedaiRun() {}

  public static void main(String[] args) throws Exception {
    boolean link = args[0].equals("link");
    float threshold = Float.parseFloat(args[2]);
    Path out = Path.of(args[3]);
    List<Febrl> files = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      files.add(Febrl.read(Path.of(args[i])));
    }
    List<EntityProfile> d1 = profiles(files.get(0));
    List<EntityProfile> d2 = link ? profiles(files.get(1)) : null;

    List<AbstractBlock> blocks =
        link ? new StandardBlocking().getBlocks(d1, d2) : new StandardBlocking().getBlocks(d1);
    blocks = new BlockFiltering().refineBlocks(blocks);
    blocks = new CardinalityNodePruning().refineBlocks(blocks);
    ProfileMatcher matcher =
        link
            ? new ProfileMatcher(
                d1,
                d2,
                RepresentationModel.CHARACTER_TRIGRAMS_TF_IDF,
                SimilarityMetric.COSINE_SIMILARITY)
            : new ProfileMatcher(
                d1, RepresentationModel.CHARACTER_TRIGRAMS_TF_IDF, SimilarityMetric.COSINE_SIMILARITY);
    SimilarityPairs pairs = matcher.executeComparisons(blocks);
    IEntityClustering clustering =
        switch (args[1]) {
          case "unique" -> new UniqueMappingClustering(threshold);
          case "cc" -> new ConnectedComponentsClustering(threshold);
          default ->
              (IEntityClustering)
                  Class.forName("org.scify.jedai.entityclustering." + args[1])
                      .getConstructor(float.class)
                      .newInstance(threshold);
        };
    EquivalenceCluster[] clusters = clustering.getDuplicates(pairs);

    // every record gets a cluster: the equivalence cluster it is in, else one of its own
    List<int[]> cluster = new ArrayList<>();
    for (Febrl f : files) {
      int[] c = new int[f.rows().size()];
      java.util.Arrays.fill(c, -1);
      cluster.add(c);
    }
    int next = 0;
    for (EquivalenceCluster ec : clusters) {
      int id = next++;
      ec.getEntityIdsD1().forEach(e -> set(cluster.get(0), e, id));
      if (link) {
        ec.getEntityIdsD2().forEach(e -> set(cluster.get(1), e, id));
      }
    }
    for (int[] c : cluster) {
      for (int i = 0; i < c.length; i++) {
        if (c[i] < 0) {
          c[i] = next++;
        }
      }
    }
    Febrl.writeClusters(out, files, cluster);
  }

  private static boolean set(int[] c, int e, int id) {
    c[e] = id;
    return true;
  }

  private static List<EntityProfile> profiles(Febrl f) {
    List<EntityProfile> out = new ArrayList<>(f.rows().size());
    int idCol = f.idColumn();
    for (String[] row : f.rows()) {
      EntityProfile p = new EntityProfile(row[idCol]);
      for (int c = 0; c < row.length; c++) {
        if (c != idCol && !row[c].isEmpty()) {
          p.addAttribute(f.columns().get(c), row[c]);
        }
      }
      out.add(p);
    }
    return out;
  }
}
