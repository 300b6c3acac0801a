package org.sijill.workflow;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.sijill.linkage.Decision;
import org.sijill.linkage.Kind;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.LinkageException;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.csv.ListFile;
import org.sijill.linkage.names.Names;
import org.sijill.linkage.pairs.PairWork;
import org.sijill.linkage.pairs.PairWorkProvider;

/**
 * File mode of {@code sijill link}, for statisticians: victim-list files in, CLUSTERS.csv (and
 * optionally the scored pairs and the review file) out, nothing stored in a case file. The lists
 * are read by the same reader as {@link ImportList} ({@code ListFile}), so a list one accepts the
 * other accepts.
 */
public final class LinkFiles {

  /**
   * @param decisions must-link / cannot-link decisions, or {@code null}
   * @param train labelled pairs to train m instead of EM, or {@code null}
   * @param pairs where to write the scored pairs, or {@code null}
   * @param review where to write the pairs a person should decide, or {@code null}
   */
  public record Request(
      Path settings,
      Mode mode,
      List<Path> inputs,
      Charset encoding,
      Path decisions,
      Path train,
      Path clusters,
      Path pairs,
      Path review) {
    public Request {
      inputs = List.copyOf(inputs);
      if (inputs.isEmpty()) {
        throw new IllegalArgumentException("file mode needs at least one list");
      }
    }
  }

  /**
   * @param pairsPerBlockingKey candidate pairs compared and skipped (oversized blocks) per key
   * @param toReview pairs written to the review file, empty when none was asked for
   */
  public record Result(
      int records,
      int inputs,
      int clusters,
      int pairsScored,
      Optional<Integer> toReview,
      Map<String, long[]> pairsPerBlockingKey,
      String modelSummary) {}

  /**
   * The character set of lists and decision files from its name as a user types it (blank means
   * UTF-8), by the same rule as {@link ImportList}.
   *
   * @throws IllegalArgumentException naming the unknown character set
   */
  public static Charset encoding(String name) {
    return ListFile.charset(name);
  }

  /**
   * Where the pair-level work of a run is done: {@code local} (this process, every core) or an
   * engine found on the class path by name ({@code spark}, from the spark module's jar).
   *
   * @param master where that engine runs (for Spark a master URL), or {@code null} for its default
   */
  public record Engine(String name, String master) {
    public static final Engine LOCAL = new Engine("local", null);

    public Engine {
      name = name == null || name.isBlank() ? "local" : name.trim();
    }
  }

  /**
   * Links the files and writes the outputs the request names.
   *
   * @throws CountingException when a file, the settings or the decisions cannot be read or written
   */
  public Result link(Request request, ProgressListener progress) {
    return link(request, Engine.LOCAL, progress);
  }

  /**
   * As {@link #link(Request, ProgressListener)}, with the candidate pairs, comparisons and scores
   * computed by {@code engine}; the answer is the same.
   *
   * @throws CountingException also when the engine is not on the class path
   */
  public Result link(Request request, Engine engine, ProgressListener progress) {
    long t0 = System.nanoTime();
    try {
      Settings s = Settings.read(request.settings());
      if (s.fields().stream().anyMatch(f -> f.kind() == Kind.NAME)) {
        Names.loadLexiconInBackground(); // while the files are read (issue 19)
      }
      List<Source> sources = readAll(request.inputs(), Linker.columns(s), request.encoding());
      List<Decision> ds =
          request.decisions() == null
              ? List.of()
              : Decision.read(request.decisions(), request.encoding());
      List<Decision> labels =
          request.train() == null ? List.of() : Decision.read(request.train(), request.encoding());
      progress.progress(String.format("read %d files (%s)", sources.size(), seconds(t0)), 0, -1);
      LinkResult r;
      try (PairWork work = open(engine, line -> progress.progress(line, 0, -1))) {
        r =
            new Linker(s, request.mode())
                .link(sources, ds, labels, line -> progress.progress(line, 0, -1), work);
      }
      write(request.clusters(), r::writeClusters);
      if (request.pairs() != null) {
        write(request.pairs(), r::writePairs);
      }
      Optional<Integer> toReview = Optional.empty();
      if (request.review() != null) {
        toReview = Optional.of(r.reviewPairs().size());
        write(request.review(), r::writeReview);
      }
      progress.progress(String.format("wrote the outputs (%s)", seconds(t0)), 0, -1);
      return new Result(
          r.size(),
          sources.size(),
          r.clusterCount(),
          r.pairCount(),
          toReview,
          new LinkedHashMap<>(r.pairsPerBlockingKey()),
          r.modelSummary());
    } catch (LinkageException e) {
      throw new CountingException(e.getMessage(), e);
    }
  }

  /** Seconds since {@code t0}, for the progress lines of a run's steps (issue 19). */
  /**
   * The input files, read on both cores when there are several (FEBRL4's two lists took a tenth of
   * its run one after the other; issue 19). A problem is reported for the first file, in the order
   * given, that has one, as when they were read one after another.
   */
  private static List<Source> readAll(List<Path> inputs, List<String> columns, Charset encoding) {
    Object[] read = new Object[inputs.size()];
    IntStream.range(0, read.length)
        .parallel()
        .forEach(
            i -> {
              try {
                read[i] = Source.read(inputs.get(i), columns, encoding);
              } catch (RuntimeException e) {
                read[i] = e;
              }
            });
    List<Source> sources = new ArrayList<>(read.length);
    for (Object r : read) {
      if (r instanceof RuntimeException e) {
        throw e;
      }
      sources.add((Source) r);
    }
    return sources;
  }

  private static String seconds(long t0) {
    return String.format(java.util.Locale.ROOT, "at %.2f s", (System.nanoTime() - t0) / 1e9);
  }

  private static PairWork open(Engine engine, java.util.function.Consumer<String> progress) {
    if (engine.name().equals("local")) {
      return PairWork.LOCAL;
    }
    PairWorkProvider p = PairWorkProvider.find(engine.name());
    if (p == null) {
      throw new CountingException(
          "the "
              + engine.name()
              + " engine is not on the class path: build it with `mvn -B -pl "
              + engine.name()
              + " -am package -DskipTests` and run ./sijill from the repository, which adds"
              + " spark/target/sijill-spark.jar and spark/target/lib to the class path (see"
              + " docs/spark.md); engines known here: local");
    }
    return p.open(engine.master(), progress);
  }

  private interface Writer {
    void write(Path p) throws IOException;
  }

  private static void write(Path file, Writer w) {
    try {
      w.write(file);
    } catch (IOException e) {
      throw new CountingException(file + ": cannot write: " + e.getMessage(), e);
    }
  }
}
