package org.sijill.casefile.imports;

/** One thing wrong with an input file, located precisely enough to fix it. */
public record ListProblem(String file, long line, String column, String reason) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + column + ": " + reason;
  }
}
