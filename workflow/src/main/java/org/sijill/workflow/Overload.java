package org.sijill.workflow;

/**
 * Tells overload from failure for the adapters, which may not look at storage exceptions
 * themselves: a request that waited the whole time the connection pool allows for a free connection
 * is a busy server (answer "try again"), not a broken one.
 */
public final class Overload {
  private Overload() {}

  /**
   * Whether {@code e} (or a cause of it) is a wait for a database connection that ran out — the
   * pool's {@link java.sql.SQLTransientConnectionException} with no cause of its own. When the pool
   * could not open a connection at all (the database is gone, the password wrong) the same
   * exception carries that failure as its cause: that is a failure, not overload.
   */
  public static boolean poolExhausted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException) {
        return t.getCause() == null;
      }
    }
    return false;
  }
}
