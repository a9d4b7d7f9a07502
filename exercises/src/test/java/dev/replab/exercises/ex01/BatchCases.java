package dev.replab.exercises.ex01;

import dev.replab.engine.api.StreamApplier;
import dev.replab.engine.api.StreamDecision;
import dev.replab.exercises.Blame;
import dev.replab.exercises.CaseVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Table-driven checks of {@link StreamApplier#decide}: each case is one batch arriving at a
 * follower, the decision it calls for, and why. A failure lists every case that went wrong.
 */
final class BatchCases {
  private BatchCases() {}

  /** One batch and the decision it calls for. */
  record Case(long logEnd, long prevOffset, int count, StreamDecision expected, String why) {
    String situation() {
      String batch =
          count == 0
              ? "a heartbeat after offset " + prevOffset
              : "a batch of "
                  + count
                  + (count == 1 ? " entry" : " entries")
                  + " after offset "
                  + prevOffset
                  + " (offsets "
                  + (prevOffset + 1)
                  + ".."
                  + (prevOffset + count)
                  + ")";
      return "log ends at " + logEnd + ", " + batch;
    }
  }

  /** The first half of a case: the follower's log end and the batch. */
  record Batch(long logEnd, long prevOffset, int count) {
    Case expect(StreamDecision decision, String why) {
      return new Case(logEnd, prevOffset, count, decision, why);
    }
  }

  static Batch batch(long logEnd, long prevOffset, int count) {
    return new Batch(logEnd, prevOffset, count);
  }

  static StreamDecision append(long from) {
    return new StreamDecision.Append(from);
  }

  static StreamDecision ignore() {
    return new StreamDecision.Ignore();
  }

  static StreamDecision resend(long from) {
    return new StreamDecision.Resend(from);
  }

  static String show(StreamDecision decision) {
    if (decision instanceof StreamDecision.Append append) {
      return "Append(from " + append.from() + ")";
    }
    if (decision instanceof StreamDecision.Resend resend) {
      return "Resend(from " + resend.from() + ")";
    }
    return decision == null ? "null" : "Ignore";
  }

  /** Asks the applier about every case; fails listing each wrong answer. */
  static void check(StreamApplier applier, Case... cases) {
    List<String> wrong = new ArrayList<>();
    Throwable firstThrown = null;
    for (Case c : cases) {
      StreamDecision got;
      try {
        got = applier.decide(c.logEnd(), c.prevOffset(), c.count());
      } catch (RuntimeException | StackOverflowError e) {
        wrong.add(
            c.situation()
                + ": expected "
                + show(c.expected())
                + ", but "
                + Blame.describe(e, applier.getClass()));
        firstThrown = firstThrown == null ? e : firstThrown;
        continue;
      }
      if (!c.expected().equals(got)) {
        wrong.add(
            c.situation()
                + ": expected "
                + show(c.expected())
                + ", got "
                + show(got)
                + " ("
                + c.why()
                + ")");
      }
    }
    CaseVerdict.failIfWrong(wrong, cases.length, firstThrown);
  }
}
