package org.sijill.casefile.model;

import java.time.LocalDate;

/** An assertion made by a source (that something happened, a count, a name, a place…). */
public record Claim(
    long id,
    long sourceId,
    String kind,
    String text,
    String payload,
    LocalDate statedOn,
    Long incidentId,
    Long evidenceId,
    String recordedBy) {}
