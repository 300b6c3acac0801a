package org.sijill.vault.bagit;

import java.util.Map;
import java.util.TreeMap;
import org.sijill.vault.PackageRejectedException;

/**
 * BagIt manifests (RFC 8493 section 2.1.3): one {@code <hash> <path>} per line. Every path is
 * checked before it is used, so that no name in a package can reach outside it.
 */
final class BagManifests {
  private BagManifests() {}

  /** Reads a manifest: "hash whitespace path" per line, paths checked for safety. */
  static Map<String, String> parse(String name, String text, boolean payload)
      throws PackageRejectedException {
    Map<String, String> out = new TreeMap<>();
    String[] lines = text.split("\n", -1);
    int hexLen = name.contains("sha512") ? 128 : 64;
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isEmpty()) {
        if (i == lines.length - 1) {
          continue;
        }
        throw BagReader.reject(name + ":" + (i + 1) + ": empty line");
      }
      String[] f = line.split("[ \t]+", 2);
      if (f.length != 2 || f[0].length() != hexLen || !f[0].matches("[0-9a-fA-F]+")) {
        throw BagReader.reject(name + ":" + (i + 1) + ": expected '<hash> <path>'");
      }
      String path = decodePath(f[1]);
      String problem = unsafe(path);
      if (problem != null) {
        throw BagReader.reject(name + ":" + (i + 1) + ": unsafe path '" + f[1] + "': " + problem);
      }
      if (payload != path.startsWith(BagLayout.DATA)) {
        throw BagReader.reject(
            name + ":" + (i + 1) + ": " + path + (payload ? " is not under data/" : " is payload"));
      }
      if (out.put(path, f[0].toLowerCase(java.util.Locale.ROOT)) != null) {
        throw BagReader.reject(name + ":" + (i + 1) + ": " + path + " is listed twice");
      }
    }
    return out;
  }

  /** RFC 8493 2.1.3: only CR, LF and % are percent-encoded in manifest paths. */
  private static String decodePath(String p) {
    return p.replace("%0A", "\n")
        .replace("%0a", "\n")
        .replace("%0D", "\r")
        .replace("%0d", "\r")
        .replace("%25", "%");
  }

  /** Why a package-relative name could escape the package, or null when it is safe. */
  static String unsafe(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.startsWith("~") || name.contains("\\")) {
      return "absolute or platform-specific";
    }
    if (name.length() > 1 && name.charAt(1) == ':') {
      return "drive letter";
    }
    for (String seg : name.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        return "'.', '..' or empty segment";
      }
      if (seg.chars().anyMatch(c -> c < 0x20)) {
        return "control character";
      }
    }
    return null;
  }
}
