package dev.replab.engine.api;

/**
 * A plugged-in implementation (a learner's exercise, a {@code :java} cell) broke a rule of its plug
 * point or threw. The message names the plug point, the node and what went wrong, so a learner can
 * find the bug; the simulation stops in the middle of the command that hit it.
 */
public final class PlugInError extends RuntimeException {
  public PlugInError(String message, Throwable cause) {
    super(message, cause);
  }

  public PlugInError(String message) {
    super(message);
  }
}
