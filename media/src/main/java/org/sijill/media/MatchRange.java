package org.sijill.media;

/** A stretch of footage found in both: seconds in the first and in the second. */
public record MatchRange(double aStart, double aEnd, double bStart, double bEnd) {}
