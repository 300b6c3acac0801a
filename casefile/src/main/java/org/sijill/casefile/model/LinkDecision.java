package org.sijill.casefile.model;

import java.time.Instant;

/**
 * A reviewer's decision about two victim records ({@code leftVictimId < rightVictimId}): {@code
 * same}, {@code different} or {@code unsure}. The newest decision on a pair is the one in force.
 *
 * @param origin where it was read from ({@code FILE:LINE}), or null
 */
public record LinkDecision(
    long id,
    long leftVictimId,
    long rightVictimId,
    String decision,
    String decidedBy,
    String origin,
    Instant recordedAt) {}
