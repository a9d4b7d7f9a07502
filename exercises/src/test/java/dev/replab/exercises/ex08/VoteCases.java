package dev.replab.exercises.ex08;

import dev.replab.engine.api.LogPosition;
import dev.replab.engine.api.VoteRule;
import dev.replab.exercises.Blame;
import dev.replab.exercises.CaseVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Table-driven checks of {@link VoteRule#grants}: each case is a candidate's and a voter's log
 * position, whether the vote is granted, and why. A failure lists every case that went wrong.
 */
final class VoteCases {
  private VoteCases() {}

  /** One request for a vote and its right answer. */
  record Case(LogPosition candidate, LogPosition voter, boolean expected, String why) {
    String situation() {
      return "a candidate whose log ends at "
          + candidate
          + " asks a voter whose log ends at "
          + voter;
    }
  }

  /** The first half of a case. */
  record Question(LogPosition candidate, LogPosition voter) {
    Case expect(boolean granted, String why) {
      return new Case(candidate, voter, granted, why);
    }
  }

  /** A candidate at (epoch, offset) asking a voter at (epoch, offset). */
  static Question candidate(int epoch, long offset, int voterEpoch, long voterOffset) {
    return new Question(new LogPosition(epoch, offset), new LogPosition(voterEpoch, voterOffset));
  }

  static String word(boolean granted) {
    return granted ? "granted" : "refused";
  }

  /** Asks the rule about every case; fails listing each wrong answer. */
  static void check(VoteRule rule, Case... cases) {
    List<String> wrong = new ArrayList<>();
    Throwable firstThrown = null;
    for (Case c : cases) {
      boolean got;
      try {
        got = rule.grants(c.candidate(), c.voter());
      } catch (RuntimeException | StackOverflowError e) {
        wrong.add(
            c.situation()
                + ": expected the vote "
                + word(c.expected())
                + ", but "
                + Blame.describe(e, rule.getClass()));
        firstThrown = firstThrown == null ? e : firstThrown;
        continue;
      }
      if (got != c.expected()) {
        wrong.add(
            c.situation()
                + ": expected the vote "
                + word(c.expected())
                + ", got "
                + word(got)
                + " ("
                + c.why()
                + ")");
      }
    }
    CaseVerdict.failIfWrong(wrong, cases.length, firstThrown);
  }
}
