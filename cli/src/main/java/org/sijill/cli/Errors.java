package org.sijill.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escapes a command into one line on stderr and exit code 1 for expected
 * failures ({@link UserError}), or a stack trace and exit code 2 for bugs.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    if (e instanceof UserError
        || e instanceof org.sijill.workflow.EvidenceException
        || e instanceof org.sijill.workflow.keys.KeysException
        || e instanceof org.sijill.casefile.seal.KeyringException) {
      cl.getErr().println("sijill: " + e.getMessage());
      return 1;
    }
    cl.getErr().println("sijill: internal error: " + e);
    e.printStackTrace(cl.getErr());
    return 2;
  }
}
