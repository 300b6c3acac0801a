package org.sijill.casefile.model;

import java.time.Instant;
import java.util.List;

/**
 * A stored estimate with everything needed to reproduce it: method, model, interval, the strata
 * fields and the stratum it is for (null for the whole case), the seed, the hash of its input and
 * the linkage run it counted.
 *
 * @param estimationId the {@code sijill estimate} run that produced it (null for estimates stored
 *     before linkage runs existed)
 * @param recommended whether it is the recommended estimate of its estimation and stratum
 */
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
    String recordedBy,
    Long estimationId,
    Long linkageRunId,
    String stratum,
    boolean recommended,
    String inputSha256) {}
