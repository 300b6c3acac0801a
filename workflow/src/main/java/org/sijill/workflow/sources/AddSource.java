package org.sijill.workflow.sources;

import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.repo.Sources;

/**
 * Adds a source of information by name. A confidential source (a witness, an informant) is masked
 * on the sources pages and API; so is one restricted to access groups as it is added. On a case
 * with keys, the names of both are stored sealed.
 */
public final class AddSource {
  private final Sources sources;

  public AddSource(Sources sources) {
    this.sources = sources;
  }

  public long add(String name, SourceKind kind, boolean confidential, String by) {
    return add(name, kind, confidential, false, by);
  }

  /**
   * @param restricted the caller restricts the source to an access group right after: its name is
   *     sealed from the first version, so it never lies in the clear in the database
   */
  public long add(
      String name, SourceKind kind, boolean confidential, boolean restricted, String by) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a source needs a name");
    }
    String n = name.strip();
    if (n.length() > 500) {
      throw new IllegalArgumentException("a source name has at most 500 characters");
    }
    boolean arabic =
        n.codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    return sources.add(
        kind,
        arabic ? n : null,
        arabic ? null : n,
        confidential ? Confidentiality.CONFIDENTIAL : Confidentiality.PUBLIC,
        null,
        by,
        restricted);
  }
}
