package org.sijill.media.index;

import org.sijill.media.Comparison;

/** An earlier item of the index that matches a query, and how. */
public record SeenMatch(MediaItem item, Comparison comparison) {}
