package dev.replab.exercises;

import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * The shared ending of a table of decision cases: when any case came out wrong, one failure that
 * leads with the first wrong case (or the stub's own "Exercise N" message when every case threw it)
 * and lists them all.
 */
public final class CaseVerdict {
  private CaseVerdict() {}

  /**
   * Fails when {@code wrong} is not empty.
   *
   * @param wrong one sentence per wrong case, in table order
   * @param cases how many cases the table had
   * @param firstThrown the first exception the learner's code threw, or null
   */
  public static void failIfWrong(List<String> wrong, int cases, Throwable firstThrown) {
    if (wrong.isEmpty()) {
      return;
    }
    String first =
        wrong.get(0) + (wrong.size() > 1 ? " [and " + (wrong.size() - 1) + " more]" : "");
    if (wrong.size() == cases
        && firstThrown instanceof UnsupportedOperationException stub
        && String.valueOf(stub.getMessage()).startsWith("Exercise ")) {
      first = stub.getMessage();
    }
    throw new AssertionFailedError(
        first
            + "\n"
            + (cases - wrong.size())
            + " of "
            + cases
            + " cases right; wrong:\n  "
            + String.join("\n  ", wrong),
        firstThrown);
  }
}
