package org.sijill.linkage;

/** A compared pair of records and its match probability under the fitted model. */
public record ScoredPair(
    String sourceL, String recordIdL, String sourceR, String recordIdR, double matchProbability) {}
