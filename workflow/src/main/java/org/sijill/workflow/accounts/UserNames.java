package org.sijill.workflow.accounts;

import java.util.regex.Pattern;

/**
 * What a user name may be: 1 to 64 letters (any script, so Arabic names are welcome), digits, dots,
 * hyphens and underscores. No spaces, quotes or angle brackets, so a name is safe in a log line, a
 * file name and a URL path; pages escape it all the same. A name may not start with {@code os:},
 * which marks an operating-system user recorded by the CLI.
 */
public final class UserNames {
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}._-]{1,64}");

  private UserNames() {}

  /** Why {@code name} is not a valid user name, or null when it is. */
  public static String problem(String name) {
    if (name == null || name.isBlank()) {
      return "a user name is required";
    }
    if (!NAME.matcher(name).matches()) {
      return "a user name has 1 to 64 letters, digits, '.', '-' or '_' (no spaces)";
    }
    return null;
  }
}
