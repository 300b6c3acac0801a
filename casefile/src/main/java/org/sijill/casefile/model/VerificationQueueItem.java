package org.sijill.casefile.model;

import java.time.Instant;

/**
 * An evidence item in a verification queue: its status as its latest step says, who it is assigned
 * to, the version under review or in force, who wrote that version, and since when it stands so.
 */
public record VerificationQueueItem(
    long evidenceId,
    String name,
    String mediaType,
    String status,
    String assignee,
    Long verificationId,
    String author,
    Instant since) {}
