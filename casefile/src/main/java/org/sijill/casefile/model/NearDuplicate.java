package org.sijill.casefile.model;

import java.time.Instant;

/**
 * An earlier evidence item that a newly ingested item matches perceptually, as recorded at ingest.
 *
 * @param evidenceId the item that matched on arrival
 * @param earlierId the item already indexed when it arrived
 * @param earlierSha256 its content hash
 * @param earlierName the file name it arrived under
 * @param earlierAcquiredAt when the earlier item was acquired
 * @param earlierSource where it came from, as logged (may be null)
 * @param verdict {@code same}, {@code near-duplicate} or {@code different} (some frames shared)
 * @param distance closest frames, in bits of 256
 * @param itemShare share of this item's frames found in the earlier one
 * @param earlierShare share of the earlier item's frames found in this one
 * @param seenFirstId whichever of the two was acquired first
 */
public record NearDuplicate(
    long id,
    long evidenceId,
    long earlierId,
    String earlierSha256,
    String earlierName,
    Instant earlierAcquiredAt,
    String earlierSource,
    String verdict,
    int distance,
    double itemShare,
    double earlierShare,
    long seenFirstId,
    Instant recordedAt,
    String recordedBy) {}
