package org.sijill.estimate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
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

  /** An empty builder: every field null (documented 0) until set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this report's fields, to change a few by name and build a new report. */
  public Builder toBuilder() {
    return new Builder()
        .stratum(stratum)
        .lists(lists)
        .documented(documented)
        .estimates(estimates)
        .recommended(recommended)
        .recommendedBecause(recommendedBecause)
        .spread(spread)
        .warnings(warnings)
        .standardModels(standardModels)
        .details(details)
        .strata(strata);
  }

  /**
   * Names each field of a report, so a caller sets what it knows and leaves the rest null instead
   * of counting eleven positional arguments. The fields mean what the record's components mean.
   */
  public static final class Builder {
    private String stratum;
    private List<String> lists;
    private long documented;
    private List<Estimate> estimates;
    private Estimate recommended;
    private String recommendedBecause;
    private Spread spread;
    private List<String> warnings;
    private List<Estimate> standardModels;
    private Map<String, Object> details;
    private List<Report> strata;

    private Builder() {}

    public Builder stratum(String v) {
      stratum = v;
      return this;
    }

    public Builder lists(List<String> v) {
      lists = v;
      return this;
    }

    public Builder documented(long v) {
      documented = v;
      return this;
    }

    public Builder estimates(List<Estimate> v) {
      estimates = v;
      return this;
    }

    public Builder recommended(Estimate v) {
      recommended = v;
      return this;
    }

    public Builder recommendedBecause(String v) {
      recommendedBecause = v;
      return this;
    }

    public Builder spread(Spread v) {
      spread = v;
      return this;
    }

    public Builder warnings(List<String> v) {
      warnings = v;
      return this;
    }

    public Builder standardModels(List<Estimate> v) {
      standardModels = v;
      return this;
    }

    public Builder details(Map<String, Object> v) {
      details = v;
      return this;
    }

    public Builder strata(List<Report> v) {
      strata = v;
      return this;
    }

    public Report build() {
      return new Report(
          stratum,
          lists,
          documented,
          estimates,
          recommended,
          recommendedBecause,
          spread,
          warnings,
          standardModels,
          details,
          strata);
    }
  }

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
  public record Member(
      @JsonSerialize(converter = Estimate.MethodKey.class) EstimationOptions.Method method,
      String model,
      double total) {}
}
