package org.sijill.casefile.model;

import java.util.List;

/** A named place at some level of the administrative hierarchy, with its spelling variants. */
public record Location(
    long id,
    int version,
    String nameAr,
    String nameEn,
    List<String> variants,
    String level,
    Long parentId,
    Double latitude,
    Double longitude,
    Integer precisionM,
    String dataSource) {}
