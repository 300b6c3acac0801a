package org.sijill.casefile.model;

/** A force, group or person that may be responsible for an incident. */
public record Actor(
    long id, int version, String nameAr, String nameEn, String kind, String notes) {}
