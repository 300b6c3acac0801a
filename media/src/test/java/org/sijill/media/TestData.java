package org.sijill.media;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the copied upstream test files under src/test/resources/pdq. */
public final class TestData {
  private TestData() {}

  public static Path pdq(String name) {
    try {
      return Path.of(TestData.class.getResource("/pdq/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource pdq/" + name, e);
    }
  }
}
