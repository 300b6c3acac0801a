package org.sijill.estimate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code sijill estimate} (RESULT.json): the lists, the documented count, every
 * estimate, the recommended one, the spread across plausible models and methods, and warnings in
 * words. With strata, {@code strata} holds one report per stratum and the top level sums them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "stratum",
  "lists",
  "documented",
  "estimates",
  "recommended",
  "spread",
  "warnings",
  "standardModels",
  "details",
  "strata"
})
public record Report(
    String stratum,
    List<String> lists,
    long documented,
    List<Estimate> estimates,
    @JsonInclude(JsonInclude.Include.ALWAYS) Estimate recommended,
    Spread spread,
    List<String> warnings,
    List<Estimate> standardModels,
    Map<String, Object> details,
    List<Report> strata) {

  /** Lowest and highest total among the plausible estimates, and how many there were. */
  @JsonPropertyOrder({"lowest", "highest", "estimates"})
  public record Spread(double lowest, double highest, int estimates) {}
}
