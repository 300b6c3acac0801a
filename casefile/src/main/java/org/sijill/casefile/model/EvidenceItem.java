package org.sijill.casefile.model;

import java.time.Instant;

/** One preserved file, known by its content hash. Never changed once recorded. */
public record EvidenceItem(
    long id,
    String sha256,
    String sha512,
    String mediaType,
    long sizeBytes,
    String originalName,
    String originalUrl,
    Instant acquiredAt,
    String acquiredBy,
    Long sourceId,
    String metadata,
    String note,
    Instant recordedAt,
    String recordedBy) {}
