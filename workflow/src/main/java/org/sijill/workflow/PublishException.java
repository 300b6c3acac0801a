package org.sijill.workflow;

/** Publishing or checking a report failed; the message names what and where. */
public class PublishException extends RuntimeException {
  public PublishException(String message) {
    super(message);
  }

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
