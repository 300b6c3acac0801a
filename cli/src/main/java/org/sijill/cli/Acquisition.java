package org.sijill.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * Picocli mixin for the two options that say where and when files were obtained, shared by {@code
 * vault add} and {@code media index} so both read and check them the same way.
 */
final class Acquisition {
  @Option(names = "--source", paramLabel = "S", description = "Where the files came from.")
  String source;

  @Option(
      names = "--acquired-at",
      paramLabel = "TIME",
      description = "When they were obtained (ISO instant or date; default: now).")
  String acquiredAt;

  /** {@code --acquired-at} as an instant; null when not given (meaning now). */
  Instant when() {
    return MediaSeenCommand.parseTime(acquiredAt, "--acquired-at");
  }
}
