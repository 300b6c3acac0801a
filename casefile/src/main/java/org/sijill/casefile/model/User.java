package org.sijill.casefile.model;

/** A person who uses Sijill, with the role that access control will check. */
public record User(
    long id, int version, String username, String displayName, String role, boolean active) {}
