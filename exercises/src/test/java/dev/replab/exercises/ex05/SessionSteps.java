package dev.replab.exercises.ex05;

import dev.replab.engine.api.SessionGuarantee;
import dev.replab.exercises.Blame;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Checks a session guarantee against a story: a sequence of steps such as {@code "read 5"}, {@code
 * "wrote 12"} and {@code "expect 5"} (what {@code minimumOffset()} must return then).
 */
final class SessionSteps {
  private SessionSteps() {}

  /**
   * Plays the steps on a fresh session; fails at the first wrong answer, telling the story so far.
   */
  static void check(SessionGuarantee session, String why, String... steps) {
    List<String> story = new ArrayList<>();
    for (String step : steps) {
      String[] parts = step.split(" ");
      long offset = Long.parseLong(parts[1]);
      try {
        switch (parts[0]) {
          case "read" -> {
            session.read(offset);
            story.add("read(" + offset + ")");
          }
          case "wrote" -> {
            session.wrote(offset);
            story.add("wrote(" + offset + ")");
          }
          case "expect" -> {
            long got = session.minimumOffset();
            if (got != offset) {
              throw new AssertionFailedError(
                  "after "
                      + told(story)
                      + ", minimumOffset() returned "
                      + got
                      + ", expected "
                      + offset
                      + " ("
                      + why
                      + ")");
            }
            story.add("minimumOffset() = " + offset);
          }
          default -> throw new IllegalArgumentException("bad step: " + step);
        }
      } catch (RuntimeException | StackOverflowError e) {
        if (e instanceof UnsupportedOperationException
            && String.valueOf(e.getMessage()).startsWith("Exercise ")) {
          throw new AssertionFailedError(e.getMessage(), e);
        }
        String call = parts[0].equals("expect") ? "minimumOffset()" : parts[0] + "(" + offset + ")";
        throw new AssertionFailedError(
            "after " + told(story) + ", " + call + ": " + Blame.describe(e, session.getClass()), e);
      }
    }
  }

  private static String told(List<String> story) {
    return story.isEmpty() ? "nothing" : String.join(", ", story);
  }
}
