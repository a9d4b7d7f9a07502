package dev.replab.exercises.ex14;

import dev.replab.engine.api.VersionVectorRule;
import dev.replab.engine.api.VersionVectorRule.Entry;
import dev.replab.engine.api.VersionVectorRule.Order;
import dev.replab.exercises.Blame;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/** Vectors written as {@code "eu:2 us:1"} and the answers a rule must give for them. */
final class VectorCases {
  private VectorCases() {}

  /** {@code "eu:2 us:1"} as entries; {@code ""} is the empty vector. */
  static List<Entry> vector(String text) {
    List<Entry> entries = new ArrayList<>();
    for (String part : text.trim().split(" ")) {
      if (!part.isEmpty()) {
        String[] dcAndCount = part.split(":");
        entries.add(new Entry(dcAndCount[0], Long.parseLong(dcAndCount[1])));
      }
    }
    return List.copyOf(entries);
  }

  static String shown(List<Entry> vector) {
    if (vector == null) {
      return "null";
    }
    List<String> parts = new ArrayList<>();
    for (Entry entry : vector) {
      parts.add(entry == null ? "null" : entry.dc() + ":" + entry.counter());
    }
    return "[" + String.join(" ", parts) + "]";
  }

  /** compare(a, b) must be {@code expected}, for the reason given. */
  static void compares(String a, String b, Order expected, String why) {
    Order got =
        call(() -> learner().compare(vector(a), vector(b)), "compare(" + a + " | " + b + ")");
    if (got != expected) {
      throw new AssertionFailedError(
          "compare(["
              + a
              + "], ["
              + b
              + "]) returned "
              + got
              + ", expected "
              + expected
              + " ("
              + why
              + ")");
    }
  }

  /** merge(a, b) must be {@code expected}, entries sorted by datacenter and none of them zero. */
  static void merges(String a, String b, String expected, String why) {
    List<Entry> got =
        call(() -> learner().merge(vector(a), vector(b)), "merge(" + a + " | " + b + ")");
    if (got == null || !got.equals(vector(expected))) {
      throw new AssertionFailedError(
          "merge(["
              + a
              + "], ["
              + b
              + "]) returned "
              + shown(got)
              + ", expected ["
              + expected
              + "] ("
              + why
              + ")");
    }
  }

  /**
   * Created for each call, so that a class that does not compile fails the test, not the listing.
   */
  private static VersionVectorRule learner() {
    return new VersionVectors();
  }

  private static <T> T call(java.util.function.Supplier<T> body, String what) {
    try {
      return body.get();
    } catch (RuntimeException | StackOverflowError e) {
      if (e instanceof UnsupportedOperationException
          && String.valueOf(e.getMessage()).startsWith("Exercise ")) {
        throw new AssertionFailedError(e.getMessage(), e);
      }
      throw new AssertionFailedError(what + ": " + Blame.describe(e, VersionVectors.class), e);
    }
  }
}
