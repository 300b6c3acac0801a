package org.sijill.cli;

import picocli.CommandLine.Command;

/**
 * {@code sijill vault …}: keep original evidence and prove its chain of custody. Each subcommand is
 * its own class ({@code VaultAdd}, {@code VaultGet}, …, sharing {@code VaultSession}); this one
 * groups them.
 */
@Command(
    name = "vault",
    mixinStandardHelpOptions = true,
    description = "Evidence vault: store originals, log their custody, prove and package them.",
    subcommands = {
      VaultAdd.class,
      VaultVerifyCommand.class,
      VaultCheckpoint.class,
      VaultProof.class,
      VaultExport.class,
      VaultImport.class,
      VaultGet.class,
      VaultAnnotate.class,
      VaultHistory.class
    })
final class VaultCommand {

  /** A SHA-256 given on the command line, checked and lower-cased. */
  static String sha256Arg(String given) {
    String sha = given.strip().toLowerCase(java.util.Locale.ROOT);
    if (!sha.matches("[0-9a-f]{64}")) {
      throw new UserError(given + ": not a SHA-256 (64 hex digits)");
    }
    return sha;
  }
}
