package org.sijill.casefile.model;

import java.time.Instant;

/**
 * A recorded judgement about evidence, a claim, an incident or an attribution, with its reasons. A
 * revised judgement is a new assessment that supersedes the old one.
 */
public record Assessment(
    long id,
    String targetType,
    long targetId,
    String method,
    String grade,
    String status,
    String rationale,
    String assessor,
    Long supersedes,
    Instant recordedAt) {}
