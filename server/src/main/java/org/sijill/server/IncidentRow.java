package org.sijill.server;

import org.sijill.casefile.model.Incident;
import org.sijill.casefile.model.Location;

/** An incident with its place, as lists and the overview show it. */
record IncidentRow(Incident incident, Location location) {

  String href() {
    return "/incidents/" + incident.id();
  }

  String when(Labels t) {
    String start = Text.date(incident.startDate(), incident.startPrecision(), t);
    if (incident.endDate() == null || incident.endDate().equals(incident.startDate())) {
      return start;
    }
    return start + " – " + Text.date(incident.endDate(), incident.endPrecision(), t);
  }

  String placeEn() {
    return location == null ? "" : location.nameEn();
  }

  String placeAr() {
    return location == null ? null : location.nameAr();
  }

  String casualties(Labels t) {
    return Text.casualties(
        incident.casualtiesBest(), incident.casualtiesLow(), incident.casualtiesHigh(), t);
  }

  /** A map marker when the place has coordinates. */
  Marker marker() {
    if (location == null || location.latitude() == null || location.longitude() == null) {
      return null;
    }
    String label = incident.titleEn() != null ? incident.titleEn() : incident.titleAr();
    return new Marker(
        location.latitude(), location.longitude(), location.precisionM(), label, href());
  }
}
