package dev.replab.exercises.ex15;

import dev.replab.engine.api.CounterCrdt;
import dev.replab.engine.api.CounterCrdt.Count;
import dev.replab.engine.api.CounterCrdt.State;
import dev.replab.exercises.Blame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * Plays a story on the learner's counter: named states updated and merged, each step checked.
 * Steps: {@code "a = incr empty eu 2"}, {@code "b = decr a us 1"}, {@code "c = merge a b"}, {@code
 * "value c 1"} (what value() must return) and {@code "state c +eu:2 -us:1"} (the exact state).
 */
final class CounterSteps {
  private CounterSteps() {}

  static void check(String why, String... steps) {
    Map<String, State> states = new HashMap<>();
    states.put("empty", State.empty());
    List<String> story = new ArrayList<>();
    CounterCrdt counter = null;
    for (String step : steps) {
      String[] word = step.split(" ");
      try {
        counter = counter == null ? new PnCounter() : counter;
        if (word[0].equals("value")) {
          long got = counter.value(states.get(word[1]));
          long expected = Long.parseLong(word[2]);
          if (got != expected) {
            throw wrong(
                story, "value(" + word[1] + ") returned " + got + ", expected " + expected, why);
          }
          story.add("value(" + word[1] + ") = " + got);
        } else if (word[0].equals("state")) {
          State got = states.get(word[1]);
          String shown = shown(got);
          String expected = String.join(" ", java.util.Arrays.copyOfRange(word, 2, word.length));
          if (!shown.equals(expected)) {
            throw wrong(story, word[1] + " is " + shown + ", expected " + expected, why);
          }
        } else {
          String name = word[0];
          State result =
              switch (word[2]) {
                case "incr" ->
                    counter.increment(states.get(word[3]), word[4], Long.parseLong(word[5]));
                case "decr" ->
                    counter.decrement(states.get(word[3]), word[4], Long.parseLong(word[5]));
                default -> counter.merge(states.get(word[3]), states.get(word[4]));
              };
          if (result == null || result.increments() == null || result.decrements() == null) {
            throw wrong(story, step.substring(name.length() + 3) + " returned " + result, why);
          }
          states.put(name, result);
          story.add(step + " -> " + shown(result));
        }
      } catch (RuntimeException | StackOverflowError e) {
        if (e instanceof UnsupportedOperationException
            && String.valueOf(e.getMessage()).startsWith("Exercise ")) {
          throw new AssertionFailedError(e.getMessage(), e);
        }
        throw new AssertionFailedError(
            "after " + told(story) + ", " + step + ": " + Blame.describe(e, PnCounter.class), e);
      }
    }
  }

  /** {@code +eu:2 us:1 -us:1}: the increments, then the decrements, as the lists hold them. */
  static String shown(State state) {
    return "+" + counts(state.increments()) + " -" + counts(state.decrements());
  }

  private static String counts(List<Count> counts) {
    List<String> parts = new ArrayList<>();
    for (Count count : counts) {
      parts.add(count == null ? "null" : count.dc() + ":" + count.count());
    }
    return String.join(",", parts);
  }

  private static AssertionFailedError wrong(List<String> story, String what, String why) {
    return new AssertionFailedError("after " + told(story) + ": " + what + " (" + why + ")");
  }

  private static String told(List<String> story) {
    return story.isEmpty() ? "a new counter" : String.join("; ", story);
  }
}
