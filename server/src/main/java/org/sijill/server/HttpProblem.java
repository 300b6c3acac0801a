package org.sijill.server;

/**
 * A request that cannot be answered, with the status and a message meant for the person who sent
 * it. Pages render it as an HTML page, the API as {@code {"error": ..., "message": ...}}.
 */
final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  private HttpProblem(int status, String message) {
    super(message);
    this.status = status;
  }

  static HttpProblem badRequest(String message) {
    return new HttpProblem(400, message);
  }

  static HttpProblem notFound(String message) {
    return new HttpProblem(404, message);
  }

  int status() {
    return status;
  }

  /** The machine-readable kind, as the API reports it. */
  String code() {
    return status == 404 ? "not_found" : "bad_request";
  }
}
