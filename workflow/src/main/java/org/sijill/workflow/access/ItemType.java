package org.sijill.workflow.access;

import java.util.Locale;

/** The kinds of item that can be restricted to access groups. */
public enum ItemType {
  SOURCE,
  EVIDENCE,
  INCIDENT,
  VICTIM;

  /** The stored name ({@code source}, {@code evidence}, …). */
  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a name as typed or stored; throws {@link GroupException} naming the choices. */
  public static ItemType parse(String s) {
    for (ItemType t : values()) {
      if (t.db().equalsIgnoreCase(s == null ? "" : s.strip())) {
        return t;
      }
    }
    throw new GroupException(
        "unknown item type '" + s + "': use source, evidence, incident or victim");
  }
}
