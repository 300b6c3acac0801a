package org.sijill.casefile.model;

import java.time.Instant;
import java.util.List;

/** A published estimate with everything needed to reproduce it. */
public record Estimate(
    long id,
    List<String> lists,
    String strata,
    String method,
    String model,
    double total,
    Double lowerBound,
    Double upperBound,
    Long seed,
    String inputs,
    String result,
    String softwareVersion,
    Instant recordedAt,
    String recordedBy) {}
