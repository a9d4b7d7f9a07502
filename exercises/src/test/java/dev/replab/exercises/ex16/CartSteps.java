package dev.replab.exercises.ex16;

import dev.replab.engine.api.SetCrdt;
import dev.replab.engine.api.SetCrdt.State;
import dev.replab.exercises.Blame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.opentest4j.AssertionFailedError;

/**
 * Plays a story on the learner's set: named states changed and merged, and what each holds. Steps:
 * {@code "a = add empty eu milk"}, {@code "b = remove a milk"}, {@code "c = merge a b"} and {@code
 * "holds c eggs milk"} (the elements, in any order; none after {@code holds c}: empty).
 */
final class CartSteps {
  private CartSteps() {}

  static void check(String why, String... steps) {
    Map<String, State> states = new HashMap<>();
    states.put("empty", State.empty());
    List<String> story = new ArrayList<>();
    SetCrdt cart = null;
    for (String step : steps) {
      String[] word = step.split(" ");
      try {
        cart = cart == null ? new CartSet() : cart;
        if (word[0].equals("holds")) {
          List<String> elements = cart.elements(states.get(word[1]));
          TreeSet<String> got = new TreeSet<>(elements == null ? List.of() : elements);
          TreeSet<String> expected = new TreeSet<>(List.of(word).subList(2, word.length));
          if (elements == null || !got.equals(expected) || elements.size() != expected.size()) {
            throw wrong(
                story,
                "elements(" + word[1] + ") returned " + elements + ", expected " + expected,
                why);
          }
          story.add(word[1] + " holds " + expected);
        } else {
          State result =
              switch (word[2]) {
                case "add" -> cart.add(states.get(word[3]), word[4], word[5]);
                case "remove" -> cart.remove(states.get(word[3]), word[4]);
                default -> cart.merge(states.get(word[3]), states.get(word[4]));
              };
          if (result == null || result.members() == null || result.seen() == null) {
            throw wrong(story, step.substring(word[0].length() + 3) + " returned " + result, why);
          }
          states.put(word[0], result);
          story.add(step);
        }
      } catch (RuntimeException | StackOverflowError e) {
        if (e instanceof UnsupportedOperationException
            && String.valueOf(e.getMessage()).startsWith("Exercise ")) {
          throw new AssertionFailedError(e.getMessage(), e);
        }
        throw new AssertionFailedError(
            "after " + told(story) + ", " + step + ": " + Blame.describe(e, CartSet.class), e);
      }
    }
  }

  private static AssertionFailedError wrong(List<String> story, String what, String why) {
    return new AssertionFailedError("after " + told(story) + ": " + what + " (" + why + ")");
  }

  private static String told(List<String> story) {
    return story.isEmpty() ? "a new cart" : String.join("; ", story);
  }
}
