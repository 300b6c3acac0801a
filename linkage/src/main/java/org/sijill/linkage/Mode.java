package org.sijill.linkage;

import java.util.Locale;

/** Which records may be merged. */
public enum Mode {
  /** Merge within and across files (the default). */
  LINK_AND_DEDUPE,
  /** Only across files: two records of one file are never the same person. */
  LINK,
  /** One file, merged within itself. */
  DEDUPE;

  /** The command-line spelling: {@code link-and-dedupe}, {@code link}, {@code dedupe}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Mode of(String key) {
    for (Mode m : values()) {
      if (m.key().equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown mode \"" + key + "\" (one of link-and-dedupe, link, dedupe)");
  }
}
