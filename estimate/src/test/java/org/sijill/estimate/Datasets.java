package org.sijill.estimate;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The published capture-recapture datasets and R reference values in test resources. */
public final class Datasets {
  private Datasets() {}

  public static CaptureTable table(String name) {
    return CaptureData.readHistories(path(name + ".csv"), null).total();
  }

  static Path path(String resource) {
    try {
      return Path.of(Datasets.class.getResource("/mse/" + resource).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One row of reference_values.csv. */
  public record Ref(
      String dataset,
      String method,
      String model,
      String statistic,
      double value,
      String tol,
      String raw) {
    /** Whether {@code actual} is within the row's tolerance ("rel 1e-6", "abs 1", ...). */
    public boolean accepts(double actual) {
      String[] parts = tol.split(" ");
      double bound;
      if (parts[0].equals("exact")) {
        return actual == value;
      }
      // a few closed-form values were printed rounded: accept half a unit of the last digit
      int dot = raw.indexOf('.');
      if (dot >= 0 && raw.length() - dot - 1 <= 5) {
        double half = 0.5 * Math.pow(10, -(raw.length() - dot - 1));
        if (Math.abs(actual - value) <= half) {
          return true;
        }
      }
      bound = Double.parseDouble(parts[1].replace("%", "")) * (parts[1].endsWith("%") ? 0.01 : 1);
      if (parts[0].equals("rel")) {
        return Math.abs(actual - value) <= bound * Math.abs(value);
      }
      return Math.abs(actual - value) <= bound;
    }

    @Override
    public String toString() {
      return dataset + " | " + method + " | " + model + " | " + statistic + " = " + value + " ("
          + tol + ")";
    }
  }

  public static List<Ref> references() {
    List<Ref> out = new ArrayList<>();
    try (Reader r =
        new InputStreamReader(
            Datasets.class.getResourceAsStream("/mse/reference_values.csv"),
            StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        out.add(
            new Ref(
                rec.get("dataset"),
                rec.get("method"),
                rec.get("model"),
                rec.get("statistic"),
                Double.parseDouble(rec.get("value")),
                rec.get("tolerance"),
                rec.get("value")));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
