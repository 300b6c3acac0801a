package org.sijill.casefile.model;

/** An actor's alleged role in an incident, graded by the strength of the evidence. */
public record Attribution(
    long id,
    int version,
    long incidentId,
    long actorId,
    String role,
    String grade,
    String rationale) {}
