package org.sijill.server;

/**
 * A request that cannot be answered, with the status and a message meant for the person who sent
 * it. Pages render it as an HTML page, the API as {@code {"error": ..., "message": ...}}; a
 * redirect (a page that needs a login) carries where to go instead.
 */
final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String location;
  private final long retryAfterSeconds;

  private HttpProblem(int status, String message, String location) {
    this(status, message, location, 0);
  }

  private HttpProblem(int status, String message, String location, long retryAfterSeconds) {
    super(message);
    this.status = status;
    this.location = location;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Too many failures from this address or for this account: 429 with Retry-After. */
  static HttpProblem tooManyRequests(java.time.Duration retryAfter) {
    long seconds = Math.max(1, retryAfter.toSeconds());
    return new HttpProblem(
        429, "Too many failed attempts: try again in " + seconds + " seconds.", null, seconds);
  }

  /** Seconds a client must wait before trying again (the Retry-After header), or 0. */
  long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  static HttpProblem badRequest(String message) {
    return new HttpProblem(400, message, null);
  }

  static HttpProblem notFound(String message) {
    return new HttpProblem(404, message, null);
  }

  static HttpProblem unauthorized(String message) {
    return new HttpProblem(401, message, null);
  }

  static HttpProblem forbidden(String message) {
    return new HttpProblem(403, message, null);
  }

  /** The request does not follow from the state of what it changes (a second review, say). */
  static HttpProblem conflict(String message) {
    return new HttpProblem(409, message, null);
  }

  /** The request was sent to a name this server does not answer to (DNS rebinding, a typo). */
  static HttpProblem misdirected(String message) {
    return new HttpProblem(421, message, null);
  }

  /** The server cannot do this now or at all (no vault to upload into, the vault is busy). */
  static HttpProblem unavailable(String message) {
    return new HttpProblem(503, message, null);
  }

  /**
   * Every database connection stayed busy for as long as a request may wait for one: 503 with
   * Retry-After, so a client (or a person) knows to try again rather than that something broke.
   */
  static HttpProblem busy(long retryAfterSeconds) {
    return new HttpProblem(
        503,
        "The server is busy: every database connection is in use. Try again in "
            + retryAfterSeconds
            + " seconds.",
        null,
        retryAfterSeconds);
  }

  /** Whether {@code e} is a wait for a database connection that ran out (not a failure). */
  static boolean poolExhausted(Throwable e) {
    return org.sijill.workflow.Overload.poolExhausted(e);
  }

  /** A page that needs a login: 303 to {@code location}. */
  static HttpProblem redirect(String location) {
    return new HttpProblem(303, "Log in first.", location);
  }

  int status() {
    return status;
  }

  /** Where a redirect goes, or null. */
  String location() {
    return location;
  }

  /** The machine-readable kind, as the API reports it. */
  String code() {
    return switch (status) {
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 409 -> "conflict";
      case 421 -> "misdirected";
      case 429 -> "too_many_requests";
      case 503 -> "unavailable";
      default -> "bad_request";
    };
  }
}
