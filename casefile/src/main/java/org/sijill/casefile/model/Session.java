package org.sijill.casefile.model;

import java.time.Instant;

/**
 * A login session that has neither expired nor been ended. The session id itself is never stored,
 * only its hash; {@code csrf} is the token every state-changing form of the session must carry.
 */
public record Session(
    long id, long userId, String username, String csrf, Instant expiresAt, Instant recordedAt) {}
