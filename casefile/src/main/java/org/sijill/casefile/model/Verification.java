package org.sijill.casefile.model;

import java.time.Instant;

/**
 * One version of an evidence item's verification record: the three strands (source, technical,
 * content; a JSON object), the overall judgement with its reasons, and the sensitivity flags. Never
 * changed once written: a revision is a new version that supersedes this one.
 *
 * @param recordSha256 SHA-256 of the record's canonical JSON, also written in the custody log
 * @param recordedBy the analyst who wrote it
 */
public record Verification(
    long id,
    long evidenceId,
    int version,
    String judgement,
    String reasons,
    String strands,
    boolean graphic,
    boolean personalInfo,
    Long supersedes,
    String changeReason,
    String recordSha256,
    Instant recordedAt,
    String recordedBy) {}
