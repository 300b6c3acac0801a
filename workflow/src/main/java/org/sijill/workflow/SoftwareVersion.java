package org.sijill.workflow;

/** The version recorded with every linkage run and estimate: the jar's, or a development mark. */
final class SoftwareVersion {
  private SoftwareVersion() {}

  static String current() {
    String v = SoftwareVersion.class.getPackage().getImplementationVersion();
    return "sijill " + (v == null ? "development build" : v);
  }
}
