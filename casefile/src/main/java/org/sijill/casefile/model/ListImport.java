package org.sijill.casefile.model;

import java.time.Instant;

/** One import of one victim list file. */
public record ListImport(
    long id,
    String listName,
    Long sourceId,
    String fileName,
    String fileSha256,
    String encoding,
    int rowCount,
    Instant recordedAt,
    String recordedBy) {}
