package org.sijill.casefile.model;

import java.time.Instant;
import java.util.List;

/**
 * One linkage of the case's lists, as stored: what went in (settings, lists, the review decisions
 * honoured), what came out (the fitted model as JSON, counts) and which run it superseded.
 *
 * @param keptPersonIds how many of its persons kept the id they had in the superseded run
 */
public record LinkageRun(
    long id,
    Long supersedes,
    String settings,
    String mode,
    String model,
    List<String> lists,
    List<Long> decisionIds,
    int recordCount,
    int personCount,
    int pairCount,
    int reviewCount,
    int keptPersonIds,
    String softwareVersion,
    Instant recordedAt,
    String recordedBy) {
  public LinkageRun {
    lists = List.copyOf(lists);
    decisionIds = List.copyOf(decisionIds);
  }
}
