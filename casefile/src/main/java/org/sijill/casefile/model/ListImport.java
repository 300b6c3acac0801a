package org.sijill.casefile.model;

import java.time.Instant;

/**
 * One import of one victim list file.
 *
 * @param repeats the earlier import of the same bytes that this one repeats, or null (a repeat is
 *     stored only when the user said why: {@code repeatReason}); a repeat's records are not counted
 *     again
 */
public record ListImport(
    long id,
    String listName,
    Long sourceId,
    String fileName,
    String fileSha256,
    String encoding,
    int rowCount,
    Instant recordedAt,
    String recordedBy,
    Long repeats,
    String repeatReason) {}
