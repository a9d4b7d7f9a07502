package dev.replab.engine;

import dev.replab.engine.command.Result;

/**
 * One command as it ran: its name, whether it was accepted, the simulated time afterwards, and
 * either its result or the sentence saying why it was rejected.
 *
 * @param source the command's own text
 * @param command the command's name ("?" when the line could not be split into commands)
 * @param ok false when the command was rejected and changed nothing
 * @param tUs simulated time after the command, in microseconds
 * @param result what it produced, or null when rejected
 * @param error why it was rejected, or null
 * @param column where the problem is (1-based, within {@code source}), or 0
 */
public record Executed(
    String source, String command, boolean ok, long tUs, Result result, String error, int column) {
  /** The human rendering: the result's text, or the error with its column. */
  public String text() {
    if (ok) {
      return result.text();
    }
    return "error" + (column > 0 ? " at column " + column : "") + ": " + error;
  }

  public double tMs() {
    return tUs / 1_000.0;
  }
}
