package org.sijill.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the pages find their scripts: the webjars on the class path, served by Javalin under {@code
 * /webjars/}. The versions are read from the webjars themselves, so bumping a version in the parent
 * pom cannot leave a page pointing at a file that is no longer there. Nothing is loaded from a CDN:
 * the app must work on a laptop with no network.
 */
record Assets(String leaflet, String htmx, String echarts) {

  static Assets fromWebjars() {
    return new Assets(
        "/webjars/leaflet/" + version("org.webjars.npm", "leaflet") + "/dist",
        "/webjars/htmx.org/" + version("org.webjars.npm", "htmx.org") + "/dist",
        // org.webjars:echarts keeps its files at the top, with no dist/ folder.
        "/webjars/echarts/" + version("org.webjars", "echarts"));
  }

  private static String version(String group, String artifact) {
    String file = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = Assets.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException(
            "webjar " + group + ":" + artifact + " is not on the class path");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
