package org.sijill.casefile.model;

import java.time.Instant;

/** Who told us something: a documentation group, a media outlet, a witness, an account… */
public record Source(
    long id,
    int version,
    String kind,
    String nameAr,
    String nameEn,
    String confidentiality,
    String url,
    String notes,
    Instant recordedAt,
    String recordedBy) {

  /** The name to show: English when known, else Arabic. */
  public String displayName() {
    return nameEn != null ? nameEn : nameAr;
  }
}
