package org.sijill.casefile.model;

import java.time.Instant;

/** An API token that has not been ended; {@code expiresAt} is null for a token without expiry. */
public record ApiToken(long id, long userId, Instant expiresAt, Instant recordedAt) {}
