package org.sijill.casefile.model;

/** The closed vocabularies of the case file, each as its database stores it. */
public final class Enums {
  private Enums() {}

  public enum SourceKind implements Vocabulary {
    DOCUMENTATION_GROUP,
    MEDIA,
    WITNESS,
    SOCIAL_ACCOUNT,
    OFFICIAL,
    ARCHIVE
  }

  public enum Confidentiality implements Vocabulary {
    PUBLIC,
    RESTRICTED,
    CONFIDENTIAL
  }

  public enum LocationLevel implements Vocabulary {
    GOVERNORATE,
    DISTRICT,
    SUBDISTRICT,
    TOWN,
    NEIGHBOURHOOD,
    SITE
  }

  public enum DatePrecision implements Vocabulary {
    DAY,
    MONTH,
    YEAR
  }

  public enum IncidentStatus implements Vocabulary {
    UNDER_REVIEW,
    PUBLISHED,
    DISPUTED,
    RETRACTED
  }

  /** Grades for incidents and attributions, as Airwars grades civilian-harm incidents. */
  public enum Grade implements Vocabulary {
    CONFIRMED,
    FAIR,
    WEAK,
    CONTESTED,
    DISCOUNTED
  }

  /** Verification status of a piece of evidence. */
  public enum EvidenceStatus implements Vocabulary {
    UNVERIFIED,
    CORROBORATED,
    VERIFIED,
    DISPUTED,
    MISATTRIBUTED
  }

  public enum ClaimKind implements Vocabulary {
    OCCURRENCE,
    CASUALTY_COUNT,
    ATTRIBUTION,
    IDENTITY,
    PLACE,
    TIME
  }

  public enum Qualifier implements Vocabulary {
    AT_LEAST,
    ABOUT,
    UP_TO,
    EXACTLY
  }

  public enum CasualtyCategory implements Vocabulary {
    KILLED,
    MISSING,
    INJURED
  }

  public enum ActorKind implements Vocabulary {
    STATE_FORCE,
    ARMED_GROUP,
    MILITIA,
    INDIVIDUAL,
    UNKNOWN
  }

  /**
   * What a user may do, each role including the ones before it: a viewer reads; an analyst also
   * records evidence, incidents, claims, assessments, list imports and links; a reviewer also
   * reviews and finalises; an admin also manages users, keys and exports.
   */
  public enum Role implements Vocabulary {
    VIEWER,
    ANALYST,
    REVIEWER,
    ADMIN;

    /** True when this role includes everything {@code other} may do. */
    public boolean includes(Role other) {
      return compareTo(other) >= 0;
    }

    /** Parses a stored role; V1's {@code investigator} reads as {@link #REVIEWER}. */
    public static Role ofDb(String value) {
      return "investigator".equalsIgnoreCase(value.trim())
          ? REVIEWER
          : Vocabulary.parse(Role.class, value);
    }
  }

  public enum AssessmentTarget implements Vocabulary {
    EVIDENCE,
    CLAIM,
    INCIDENT,
    ATTRIBUTION,
    PUBLIC_CLAIM
  }
}
