package org.sijill.vault.bagit;

/**
 * Names inside an evidence package (a BagIt 1.0 bag, RFC 8493). The payload is the original bytes,
 * each named by its own SHA-256 so that {@code sha256sum -c} and a glance agree. Tag files carry
 * the metadata and the custody extract; every file outside {@code data/} is listed in the tag
 * manifests.
 */
final class BagLayout {
  static final String BAGIT = "bagit.txt";
  static final String BAG_INFO = "bag-info.txt";
  static final String[] ALGORITHMS = {"sha256", "sha512"};
  static final String DATA = "data/";
  static final String METADATA = "metadata/";
  static final String ENTRIES = "custody/entries/";
  static final String PROOFS = "custody/proofs/";
  static final String CHECKPOINT = "custody/checkpoint.note";
  static final String KEY = "custody/vault.vkey";
  static final String HOWTO = "custody/README.txt";

  /** In a redacted package: entries shown with identifying details replaced (not hashable). */
  static final String REDACTED = "custody/redacted/";

  /** In a redacted package: what was withheld or changed, and the originals' hashes. */
  static final String REDACTION = "redaction.txt";

  static String redactedName(long index) {
    return REDACTED + String.format("%012d.json", index);
  }

  private BagLayout() {}

  static String manifest(String alg) {
    return "manifest-" + alg + ".txt";
  }

  static String tagManifest(String alg) {
    return "tagmanifest-" + alg + ".txt";
  }

  static String javaAlgorithm(String alg) {
    return alg.equals("sha256") ? "SHA-256" : "SHA-512";
  }

  static String entryName(long index) {
    return ENTRIES + String.format("%012d.json", index);
  }

  static String proofName(long index) {
    return PROOFS + String.format("%012d.json", index);
  }
}
