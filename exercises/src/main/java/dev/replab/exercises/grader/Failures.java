package dev.replab.exercises.grader;

import dev.replab.exercises.grader.plugin.LearnerException;
import java.util.Locale;

/** Turns a test's failure into the one line of the score table and the details of the reports. */
final class Failures {
  /** Stack frames in these packages are the test harness, not anything a learner needs to see. */
  private static final String[] HARNESS_PACKAGES = {
    "org.junit.", "org.opentest4j.", "jdk.internal.", "java.lang.reflect.", "sun.reflect."
  };

  private Failures() {}

  /**
   * One line: an assertion's own first line, or the exception's name and message with the place in
   * the learner's code that threw it.
   */
  static String reason(Throwable failure) {
    String message = failure.getMessage();
    if (failure instanceof AssertionError && message != null && !message.isBlank()) {
      return firstLine(message);
    }
    StringBuilder reason = new StringBuilder(typeName(failure, true));
    if (message != null && !message.isBlank()) {
      reason.append(": ").append(firstLine(message));
    }
    StackTraceElement where = learnerFrame(failure);
    if (where != null) {
      reason
          .append(" (at ")
          .append(where.getFileName())
          .append(':')
          .append(where.getLineNumber())
          .append(')');
    }
    return reason.toString();
  }

  /** The full message, the stack trace without the harness's frames, and what the test printed. */
  static String details(Throwable failure, String output) {
    StringBuilder details = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // An assertion's message is written for the learner and stands on its own; any other
      // exception is named, since its type is half of what went wrong.
      boolean plainMessage = t == failure && t instanceof AssertionError && t.getMessage() != null;
      if (!plainMessage) {
        details
            .append(t == failure ? "" : "Caused by: ")
            .append(typeName(t, false))
            .append(t.getMessage() == null ? "" : ": ");
      }
      if (t.getMessage() != null) {
        details.append(t.getMessage());
      }
      details.append('\n');
      // Assertions throw from inside JUnit: skip those frames, then stop where JUnit called the
      // test.
      boolean inTest = false;
      for (StackTraceElement frame : t.getStackTrace()) {
        if (isHarness(frame) && inTest) {
          break;
        }
        if (!isHarness(frame)) {
          inTest = true;
          details.append("    at ").append(frame).append('\n');
        }
      }
    }
    if (output != null && !output.isEmpty()) {
      details.append(details.length() == 0 ? "" : "\n").append("--- output ---\n").append(output);
    }
    return details.toString().stripTrailing();
  }

  /** The type's name; for an exception rebuilt from the learner's JVM, the type it had there. */
  private static String typeName(Throwable t, boolean simple) {
    if (t instanceof LearnerException learner) {
      return simple ? learner.simpleTypeName() : learner.typeName();
    }
    return simple ? t.getClass().getSimpleName() : t.getClass().getName();
  }

  static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline).stripTrailing();
  }

  /** The deepest frame that belongs to an exercise's own code (not to its graded tests). */
  private static StackTraceElement learnerFrame(Throwable failure) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      String className = frame.getClassName();
      if (className.matches("dev\\.replab\\.exercises\\.ex\\d+\\..*")
          && !className.toLowerCase(Locale.ROOT).contains("tests")) {
        return frame;
      }
    }
    return null;
  }

  private static boolean isHarness(StackTraceElement frame) {
    for (String prefix : HARNESS_PACKAGES) {
      if (frame.getClassName().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
