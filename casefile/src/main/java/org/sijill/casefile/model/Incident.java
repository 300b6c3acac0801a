package org.sijill.casefile.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What happened, where and when, with its casualty range. Dates carry a precision: a start date of
 * 2025-03-01 with precision {@code month} means "some day in March 2025".
 */
public record Incident(
    long id,
    int version,
    String titleAr,
    String titleEn,
    String type,
    String description,
    LocalDate startDate,
    String startPrecision,
    LocalDate endDate,
    String endPrecision,
    Long locationId,
    Integer casualtiesBest,
    Integer casualtiesLow,
    Integer casualtiesHigh,
    String status,
    Instant recordedAt,
    String recordedBy,
    String reason) {}
