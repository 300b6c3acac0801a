package org.sijill.linkage.synthetic;

/** The script a list writes names in. {@code MIXED} picks per record, half and half. */
public enum Script {
  ARABIC,
  LATIN,
  MIXED
}
