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
  "recommendedBecause",
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
    String recommendedBecause,
    Spread spread,
    List<String> warnings,
    List<Estimate> standardModels,
    Map<String, Object> details,
    List<Report> strata) {

  /**
   * The range across the credible estimates (every model and method whose number is usable), not
   * only the recommended one.
   *
   * @param lowest the lowest total
   * @param highest the highest total
   * @param estimates how many estimates the range is taken over
   * @param lower the lowest 95% lower bound among them (null when none has one)
   * @param upper the highest 95% upper bound among them (null when none has one)
   * @param lowestFrom which estimate gives the lowest total ({@code method model})
   * @param highestFrom which estimate gives the highest total
   * @param from every estimate the range is taken over, with its total
   * @param summary the range in one sentence
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "lowest",
    "highest",
    "estimates",
    "lower",
    "upper",
    "lowestFrom",
    "highestFrom",
    "from",
    "summary"
  })
  public record Spread(
      double lowest,
      double highest,
      int estimates,
      Double lower,
      Double upper,
      String lowestFrom,
      String highestFrom,
      List<Member> from,
      String summary) {}

  /** One estimate counted in the spread. */
  @JsonPropertyOrder({"method", "model", "total"})
  public record Member(String method, String model, double total) {}
}
