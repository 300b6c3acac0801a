package org.sijill.casefile.model;

import java.time.Instant;

/**
 * One row of the audit trail: who ({@code actor}) did what ({@code kind}, {@code action}) to which
 * item, from which address, when. {@code detail} is stored sealed when the case has keys; this
 * record carries it as stored (the workflow opens it).
 */
public record AuditEvent(
    long id,
    String kind,
    String actor,
    String action,
    String itemType,
    String itemId,
    String remote,
    String detail,
    Instant recordedAt) {}
