package org.sijill.workflow;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sijill.linkage.Decision;
import org.sijill.linkage.LinkResult;
import org.sijill.linkage.LinkageException;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.csv.ListFile;

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
   * Links the files and writes the outputs the request names.
   *
   * @throws CountingException when a file, the settings or the decisions cannot be read or written
   */
  public Result link(Request request, ProgressListener progress) {
    try {
      Settings s = Settings.read(request.settings());
      List<Source> sources = new ArrayList<>();
      for (Path in : request.inputs()) {
        sources.add(Source.read(in, Linker.columns(s), request.encoding()));
      }
      List<Decision> ds =
          request.decisions() == null
              ? List.of()
              : Decision.read(request.decisions(), request.encoding());
      List<Decision> labels =
          request.train() == null ? List.of() : Decision.read(request.train(), request.encoding());
      LinkResult r =
          new Linker(s, request.mode())
              .link(sources, ds, labels, line -> progress.progress(line, 0, -1));
      write(request.clusters(), r::writeClusters);
      if (request.pairs() != null) {
        write(request.pairs(), r::writePairs);
      }
      Optional<Integer> toReview = Optional.empty();
      if (request.review() != null) {
        toReview = Optional.of(r.reviewPairs().size());
        write(request.review(), r::writeReview);
      }
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
