package org.sijill.workflow;

/**
 * An incident as a person enters it on the desk (form or API), every field as typed; {@link
 * RecordIncident} checks it.
 *
 * @param place a gazetteer name (Arabic or Latin, any spelling it knows) or a place id; ignored
 *     when a point is given
 * @param latitude with {@code longitude}, a point picked on the map: recorded as a new site named
 *     {@code placeName}
 * @param precisionM how far from the point the incident may have been, in metres
 * @param dateFrom 2025-03-07 (a day), 2025-03 (a month) or 2025 (a year)
 * @param dateTo the end of a range, the same way; empty for a single day, month or year
 * @param grade confirmed, fair, weak, contested or discounted; {@code gradeReasons} required with
 *     it
 * @param status under_review, published, disputed or retracted (under_review when empty)
 */
public record IncidentDraft(
    String titleEn,
    String titleAr,
    String type,
    String description,
    String place,
    Double latitude,
    Double longitude,
    String placeName,
    Integer precisionM,
    String dateFrom,
    String dateTo,
    Integer killedBest,
    Integer killedLow,
    Integer killedHigh,
    String grade,
    String gradeReasons,
    String status) {}
