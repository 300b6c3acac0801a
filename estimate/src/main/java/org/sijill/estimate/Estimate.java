package org.sijill.estimate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.List;
import java.util.Map;

/**
 * One estimate of the total (documented plus undocumented) with its method, model and 95% interval.
 * Optional numbers are null, never NaN or infinite: an interval bound that could not be found is
 * null and a warning says why.
 *
 * @param method the method family; RESULT.json writes it as its key ({@code loglinear}, {@code
 *     lcmcr} or {@code dga})
 * @param model the model in the command-line syntax, or a description ({@code K=10})
 * @param interval how the interval was computed
 * @param details method-specific numbers (standard error, R-hat, posterior model probabilities)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "method",
  "model",
  "total",
  "lower",
  "upper",
  "aic",
  "bic",
  "interval",
  "selection",
  "details",
  "warnings"
})
public record Estimate(
    @JsonSerialize(converter = Estimate.MethodKey.class) EstimationOptions.Method method,
    String model,
    double total,
    Double lower,
    Double upper,
    Double aic,
    Double bic,
    String interval,
    String selection,
    Map<String, Object> details,
    List<String> warnings) {

  public Estimate {
    java.util.Objects.requireNonNull(method, "method");
    details =
        details == null || details.isEmpty()
            ? null
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    warnings = warnings == null || warnings.isEmpty() ? null : List.copyOf(warnings);
    lower = finiteOrNull(lower);
    upper = finiteOrNull(upper);
    aic = finiteOrNull(aic);
    bic = finiteOrNull(bic);
    if (!Double.isFinite(total)) {
      throw new IllegalArgumentException("an estimate must be finite, got " + total);
    }
  }

  private static Double finiteOrNull(Double d) {
    return d == null || !Double.isFinite(d) ? null : d;
  }

  /** A short label for messages: {@code loglinear A*B+C}. */
  public String label() {
    return method.key() + " " + model;
  }

  /**
   * Writes a method as its key ("lcmcr"), the word RESULT.json and the case file have always held.
   */
  static final class MethodKey extends StdConverter<EstimationOptions.Method, String> {
    @Override
    public String convert(EstimationOptions.Method m) {
      return m.key();
    }
  }
}
