package org.sijill.casefile.model;

import java.time.Instant;

/**
 * A change of an evidence item's verification status (assigned, in_analysis, peer_review,
 * finalised), who made it, and for which version of the record. The latest step is the status.
 */
public record VerificationStep(
    long id,
    long evidenceId,
    Long verificationId,
    String status,
    String assignee,
    String comment,
    Instant recordedAt,
    String recordedBy) {}
