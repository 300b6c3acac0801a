package org.sijill.media;

/** An earlier item of the index that matches a query, and how. */
public record SeenMatch(MediaItem item, Comparison comparison) {}
