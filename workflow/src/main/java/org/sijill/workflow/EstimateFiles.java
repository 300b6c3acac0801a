package org.sijill.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sijill.estimate.CaptureData;
import org.sijill.estimate.EstimationOptions;
import org.sijill.estimate.InputException;
import org.sijill.estimate.MultipleSystemsEstimation;
import org.sijill.estimate.Report;
import org.sijill.estimate.ReportJson;

/**
 * File mode of {@code sijill estimate}: capture histories, or the clusters that {@link LinkFiles}
 * writes, in; the report out, nothing stored. {@link EstimateCase} is the same estimate from the
 * case file's current linkage run.
 */
public final class EstimateFiles {

  /** Where the capture data comes from: one of the two files. */
  public sealed interface Input permits Histories, Clusters {
    Path file();
  }

  /**
   * @param stratumColumn a column of the histories to estimate by, or {@code null}
   */
  public record Histories(Path file, String stratumColumn) implements Input {}

  public record Clusters(Path file) implements Input {}

  /**
   * @param json the report as RESULT.json
   */
  public record Result(Report report, String json) {}

  /**
   * @throws CountingException when the input cannot be read or the model is not one of its lists
   */
  public Result estimate(Input input, EstimationOptions options, ProgressListener progress) {
    if (!Files.isRegularFile(input.file())) {
      throw new CountingException(input.file() + ": no such file");
    }
    try {
      CaptureData data =
          input instanceof Histories h
              ? CaptureData.readHistories(h.file(), h.stratumColumn())
              : CaptureData.readClusters(input.file());
      Report report =
          MultipleSystemsEstimation.estimate(data, options, line -> progress.progress(line, 0, -1));
      return new Result(report, ReportJson.toJson(report));
    } catch (InputException e) {
      throw new CountingException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CountingException("--model: " + e.getMessage(), e);
    }
  }
}
