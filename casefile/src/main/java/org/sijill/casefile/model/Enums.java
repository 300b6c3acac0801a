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

  public enum Role implements Vocabulary {
    ADMIN,
    INVESTIGATOR,
    ANALYST,
    VIEWER
  }

  public enum AssessmentTarget implements Vocabulary {
    EVIDENCE,
    CLAIM,
    INCIDENT,
    ATTRIBUTION,
    PUBLIC_CLAIM
  }
}
