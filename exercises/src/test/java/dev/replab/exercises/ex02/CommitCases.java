package dev.replab.exercises.ex02;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.api.CommitRule;
import dev.replab.engine.api.FollowerProgress;
import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.leaderfollower.LeaderFollower;
import dev.replab.exercises.Blame;
import dev.replab.exercises.CaseVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Table-driven checks of {@link CommitRule#isCommitted}: each case is a {@code setquorum} setting,
 * an offset, what the leader knows of each follower, and whether the write is committed.
 */
final class CommitCases {
  private CommitCases() {}

  /** One question to the commit rule and its right answer. */
  record Case(
      String setquorum,
      long offset,
      List<FollowerProgress> followers,
      boolean expected,
      String why) {
    String situation() {
      return "setquorum "
          + setquorum
          + ", offset "
          + offset
          + ", followers "
          + describe(followers)
          + " (received/applied)";
    }
  }

  /** The first half of a case: the setting, the offset and the followers. */
  record Question(String setquorum, long offset, List<FollowerProgress> followers) {
    Case expect(boolean committed, String why) {
      return new Case(setquorum, offset, followers, committed, why);
    }
  }

  /**
   * A question. Each follower is written {@code "n3 5/4"} (received offset 5, applied 4), with
   * {@code " disconnected"} after it when the leader has not heard from it lately.
   */
  static Question when(String setquorum, long offset, String... followers) {
    List<FollowerProgress> progress = new ArrayList<>();
    for (String follower : followers) {
      String[] parts = follower.split(" ");
      String[] offsets = parts[1].split("/");
      boolean connected = parts.length < 3 || !parts[2].equals("disconnected");
      progress.add(
          new FollowerProgress(
              parts[0], Long.parseLong(offsets[0]), Long.parseLong(offsets[1]), connected));
    }
    return new Question(setquorum, offset, List.copyOf(progress));
  }

  static String describe(List<FollowerProgress> followers) {
    return followers.stream()
        .map(
            f ->
                f.id()
                    + " "
                    + f.receivedOffset()
                    + "/"
                    + f.appliedOffset()
                    + (f.connected() ? "" : " disconnected"))
        .collect(Collectors.joining(", "));
  }

  /**
   * The policy that {@code setquorum <text>} sets, read by the engine's own parser on a cluster
   * with one node more than there are followers, so the cases speak the command language.
   */
  static QuorumPolicy policy(String setquorum, int followers) {
    Session session = new Session(1);
    session.execute("create leader-follower nodes=" + (followers + 1));
    List<Executed> executed = session.execute("setquorum " + setquorum);
    if (!executed.get(0).ok()) {
      throw new IllegalArgumentException(
          "bad case: setquorum " + setquorum + ": " + executed.get(0).text());
    }
    return session.cluster().model(LeaderFollower.class).policy();
  }

  /** Asks the rule about every case; fails listing each wrong answer. */
  static void check(CommitRule rule, Case... cases) {
    List<String> wrong = new ArrayList<>();
    Throwable firstThrown = null;
    for (Case c : cases) {
      QuorumPolicy policy = policy(c.setquorum(), c.followers().size());
      boolean got;
      try {
        got = rule.isCommitted(c.offset(), policy, c.followers());
      } catch (RuntimeException | StackOverflowError e) {
        wrong.add(
            c.situation()
                + ": expected "
                + word(c.expected())
                + ", but "
                + Blame.describe(e, rule.getClass()));
        firstThrown = firstThrown == null ? e : firstThrown;
        continue;
      }
      if (got != c.expected()) {
        wrong.add(
            c.situation()
                + ": expected "
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

  static String word(boolean committed) {
    return committed ? "committed" : "not committed";
  }
}
