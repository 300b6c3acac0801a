package org.sijill.casefile.model;

import java.time.Instant;

/** The decision that a victim record belongs to a person, made automatically or by a reviewer. */
public record PersonLink(
    long id,
    long victimId,
    long personId,
    Double score,
    String decidedBy,
    String method,
    Long supersedes,
    Instant recordedAt) {}
