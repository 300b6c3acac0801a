package org.sijill.linkage.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The project's one generator of synthetic victim lists: several lists documenting one simulated
 * population, with the ground truth kept apart.
 *
 * <p>People are drawn in households (relatives share father and family names). Each list captures
 * each person with its own probability (optionally modulated by a per-person visibility, see {@link
 * GeneratorConfig#captureHeterogeneity()}), sometimes twice, and writes the record in its script
 * with realistic noise ({@link Renderer}). Names are random combinations of common name tokens: the
 * people are synthetic. The same config (seed included) gives the same output.
 *
 * <pre>{@code
 * GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(42, 600));
 * g.writeCsv(Path.of("demo"));   // demo/list-a.csv, list-b.csv, list-c.csv, truth.csv
 * }</pre>
 */
public final class VictimListGenerator {
  private VictimListGenerator() {}

  public static GeneratedLists generate(GeneratorConfig config) {
    SplittableRandom root = new SplittableRandom(config.seed());
    List<Person> people = Population.draw(config, root.split());
    List<GeneratedList> lists = new ArrayList<>();
    for (ListSpec spec : config.lists()) {
      SplittableRandom rnd = root.split();
      // The slips of status and cause draw from a stream of their own (seed and list name), so
      // that every other value is what it was before the generator mis-recorded them.
      Renderer renderer =
          new Renderer(
              spec,
              rnd,
              new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + spec.name().hashCode()));
      List<Person> entries = new ArrayList<>();
      double base = logit(spec.captureProbability());
      for (Person p : people) {
        double prob =
            config.captureHeterogeneity() == 0
                ? spec.captureProbability()
                : 1 / (1 + Math.exp(-(base + p.visibility())));
        if (rnd.nextDouble() < prob) {
          entries.add(p);
          if (rnd.nextDouble() < spec.duplicateRate()) {
            entries.add(p);
          }
        }
      }
      shuffle(entries, rnd);
      List<SyntheticRow> rows = new ArrayList<>(entries.size());
      int width = Math.max(4, String.valueOf(entries.size()).length());
      for (int i = 0; i < entries.size(); i++) {
        String id = spec.name() + "-" + String.format("%0" + width + "d", i + 1);
        Person p = entries.get(i);
        rows.add(new SyntheticRow(p.id(), renderer.render(p, id)));
      }
      lists.add(new GeneratedList(spec.name(), rows));
    }
    return new GeneratedLists(config.populationSize(), lists);
  }

  private static double logit(double p) {
    double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
    return Math.log(q / (1 - q));
  }

  private static <T> void shuffle(List<T> l, SplittableRandom r) {
    for (int i = l.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = l.get(i);
      l.set(i, l.get(j));
      l.set(j, t);
    }
  }
}
