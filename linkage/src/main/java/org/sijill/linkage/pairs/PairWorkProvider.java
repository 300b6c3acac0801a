package org.sijill.linkage.pairs;

import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * An engine for the pair-level work found at run time ({@link ServiceLoader}): the Spark engine
 * registers one named {@code spark} from its own jar, so the application carries Spark's jars only
 * when that jar is on the class path.
 */
public interface PairWorkProvider {
  /** The engine's name, as given to {@code sijill link --engine}. */
  String name();

  /**
   * Starts the engine.
   *
   * @param master where to run (for Spark a master URL such as {@code local[2]} or {@code
   *     spark://host:7077}); null for the engine's default
   */
  PairWork open(String master, Consumer<String> progress);

  /** The provider of that name on the class path, or null. */
  static PairWorkProvider find(String name) {
    for (PairWorkProvider p : ServiceLoader.load(PairWorkProvider.class)) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }
}
