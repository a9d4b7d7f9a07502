package dev.replab.exercises.ex07;

import dev.replab.engine.api.FailureDetector;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.Blame;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Checks a failure detector against a story: steps such as {@code "heartbeat 300ms"}, {@code "calm
 * 700ms"} (must not suspect then) and {@code "suspect 801ms"} (must suspect then).
 */
final class DetectorSteps {
  private DetectorSteps() {}

  /** Builds a detector with {@code detect} and {@code start} and plays the steps on it. */
  static void check(String detect, String start, String why, String... steps) {
    String made = "a detector built with detectUs=" + detect + ", startUs=" + start;
    List<String> story = new ArrayList<>();
    FailureDetector detector;
    try {
      detector = new HeartbeatDetector(Durations.parseUs(detect), Durations.parseUs(start));
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionFailedError(made + ": " + Blame.describe(e, HeartbeatDetector.class), e);
    }
    for (String step : steps) {
      String[] parts = step.split(" ");
      long atUs = Durations.parseUs(parts[1]);
      try {
        if (parts[0].equals("heartbeat")) {
          detector.heartbeat(atUs);
          story.add("heartbeat at " + parts[1]);
          continue;
        }
        boolean expected = parts[0].equals("suspect");
        boolean got = detector.suspects(atUs);
        if (got != expected) {
          throw new AssertionFailedError(
              made
                  + ", after "
                  + (story.isEmpty() ? "no heartbeat" : String.join(", ", story))
                  + ": suspects("
                  + parts[1]
                  + ") returned "
                  + got
                  + ", expected "
                  + expected
                  + " ("
                  + why
                  + ")");
        }
        story.add("suspects(" + parts[1] + ") = " + got);
      } catch (RuntimeException | StackOverflowError e) {
        if (e instanceof UnsupportedOperationException
            && String.valueOf(e.getMessage()).startsWith("Exercise ")) {
          throw new AssertionFailedError(e.getMessage(), e);
        }
        String call =
            parts[0].equals("heartbeat")
                ? "heartbeat(" + parts[1] + ")"
                : "suspects(" + parts[1] + ")";
        throw new AssertionFailedError(
            made + ", " + call + ": " + Blame.describe(e, HeartbeatDetector.class), e);
      }
    }
  }
}
