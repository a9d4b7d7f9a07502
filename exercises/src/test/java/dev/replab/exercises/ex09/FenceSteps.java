package dev.replab.exercises.ex09;

import dev.replab.engine.api.FencingGuard;
import dev.replab.exercises.Blame;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Checks a fencing guard against a story: steps such as {@code "admit 2 yes"}, {@code "admit 1 no"}
 * and {@code "newest 2"} (what {@code newestEpoch()} must return then).
 */
final class FenceSteps {
  private FenceSteps() {}

  /**
   * Plays the steps on a fresh guard; fails at the first wrong answer, telling the story so far.
   */
  static void check(String why, String... steps) {
    List<String> story = new ArrayList<>();
    FencingGuard guard = null;
    for (String step : steps) {
      String[] parts = step.split(" ");
      int epoch = Integer.parseInt(parts[1]);
      try {
        guard = guard == null ? new FencingTokenGuard() : guard;
        if (parts[0].equals("admit")) {
          boolean expected = parts[2].equals("yes");
          boolean got = guard.admit(epoch);
          if (got != expected) {
            throw wrong(
                story, "admit(" + epoch + ") returned " + got + ", expected " + expected, why);
          }
          story.add("admit(" + epoch + ") = " + got);
        } else {
          int got = guard.newestEpoch();
          if (got != epoch) {
            throw wrong(story, "newestEpoch() returned " + got + ", expected " + epoch, why);
          }
          story.add("newestEpoch() = " + got);
        }
      } catch (RuntimeException | StackOverflowError e) {
        if (e instanceof UnsupportedOperationException
            && String.valueOf(e.getMessage()).startsWith("Exercise ")) {
          throw new AssertionFailedError(e.getMessage(), e);
        }
        String call = parts[0].equals("admit") ? "admit(" + epoch + ")" : "newestEpoch()";
        throw new AssertionFailedError(
            "a new guard, after "
                + told(story)
                + ", "
                + call
                + ": "
                + Blame.describe(e, FencingTokenGuard.class),
            e);
      }
    }
  }

  private static AssertionFailedError wrong(List<String> story, String what, String why) {
    return new AssertionFailedError(
        "a new guard, after " + told(story) + ": " + what + " (" + why + ")");
  }

  private static String told(List<String> story) {
    return story.isEmpty() ? "nothing" : String.join(", ", story);
  }
}
