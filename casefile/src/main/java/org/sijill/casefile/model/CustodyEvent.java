package org.sijill.casefile.model;

import java.time.Instant;

/** Something done with a piece of evidence, by whom and when; mirrored in the custody log. */
public record CustodyEvent(
    long id,
    Long evidenceId,
    String action,
    String actor,
    Instant occurredAt,
    String details,
    Long logIndex) {}
