package dev.replab.engine.history;

/** How a client operation ended, as the client saw it. */
public enum Outcome {
  /** The operation took effect and the client was told so. */
  OK,
  /** The operation definitely did not take effect. */
  FAIL,
  /**
   * The client does not know: it timed out or the node changed its mind. When in doubt, unknown.
   */
  UNKNOWN,
  /** Still waiting for an answer. */
  PENDING
}
