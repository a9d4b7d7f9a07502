package dev.replab.exercises.ex17;

import dev.replab.engine.api.LwwOrder;
import dev.replab.engine.api.LwwOrder.Write;
import dev.replab.exercises.Blame;
import org.opentest4j.AssertionFailedError;

/**
 * Writes written as {@code "12ms eu#1 draft"} or {@code "12ms us#2 delete"}, and which must win.
 */
final class OrderCases {
  private OrderCases() {}

  /** {@code "<timestamp> <dc>#<counter> <value>|delete"}; the timestamp in microseconds. */
  static Write write(String text) {
    String[] part = text.split(" ");
    String[] dcAndCounter = part[1].split("#");
    boolean deleted = part[2].equals("delete");
    return new Write(
        Long.parseLong(part[0]),
        deleted,
        deleted ? null : part[2],
        dcAndCounter[0],
        Long.parseLong(dcAndCounter[1]));
  }

  /** {@code winner} must win over {@code loser} whichever is asked first. */
  static void wins(String winner, String loser, String why) {
    int forward = compare(write(winner), write(loser));
    int backward = compare(write(loser), write(winner));
    if (forward <= 0 || backward >= 0) {
      throw new AssertionFailedError(
          "compare("
              + winner
              + ", "
              + loser
              + ") = "
              + forward
              + " and compare("
              + loser
              + ", "
              + winner
              + ") = "
              + backward
              + "; expected '"
              + winner
              + "' to win both ways ("
              + why
              + ")");
    }
  }

  /** The same write compares equal to itself. */
  static void same(String write) {
    int got = compare(write(write), write(write));
    if (got != 0) {
      throw new AssertionFailedError(
          "compare(" + write + ", " + write + ") = " + got + "; a write is equal to itself");
    }
  }

  private static int compare(Write a, Write b) {
    try {
      LwwOrder order = new LastWriteWins();
      return order.compare(a, b);
    } catch (RuntimeException | StackOverflowError e) {
      if (e instanceof UnsupportedOperationException
          && String.valueOf(e.getMessage()).startsWith("Exercise ")) {
        throw new AssertionFailedError(e.getMessage(), e);
      }
      throw new AssertionFailedError(
          "compare(" + a + ", " + b + "): " + Blame.describe(e, LastWriteWins.class), e);
    }
  }
}
