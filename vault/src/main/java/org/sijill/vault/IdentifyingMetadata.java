package org.sijill.vault;

import java.util.List;
import java.util.Locale;

/**
 * Which metadata names can lead to a person or a place: the one list that both a redacted export
 * ({@link Vault} export with redaction) and a page shown to someone outside an item's access groups
 * apply, so a partner's package never carries a tag that the web would have hidden.
 *
 * <p>A name identifies when it contains one of the words, case-insensitively: the place (GPS,
 * locations, city, address), who made, owns or appears in the file (Artist, Author, Creator,
 * Copyright, by-lines, names, captions, titles, comments, contacts), and which device or account
 * (serial numbers, unique ids, users, host computer, software). Camera make and model are not on
 * it: they help verification and identify nobody by themselves.
 */
public final class IdentifyingMetadata {
  private static final List<String> WORDS =
      List.of(
          "gps",
          "xmp",
          "location",
          "latitude",
          "longitude",
          "altitude",
          "6709",
          "artist",
          "author",
          "creator",
          "copyright",
          "owner",
          "serial",
          "by-line",
          "byline",
          "writer",
          "contact",
          "comment",
          "host computer",
          "credit",
          "person",
          "keywords",
          "description",
          "caption",
          "title",
          "headline",
          "name",
          "city",
          "country",
          "province",
          "address",
          "phone",
          "email",
          "unique id",
          "uuid",
          "user",
          "software");

  private IdentifyingMetadata() {}

  /** Whether a metadata key or tag name can lead to a person or a place. */
  public static boolean identifies(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String w : WORDS) {
      if (n.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
