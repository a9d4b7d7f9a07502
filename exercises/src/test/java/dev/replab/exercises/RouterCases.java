package dev.replab.exercises;

import dev.replab.engine.api.ReadRouter;
import dev.replab.engine.api.ReadRouter.ReadRequest;
import dev.replab.engine.api.ReadRouter.Replica;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Table-driven checks of a {@link ReadRouter}: each case is one read, the replicas the router sees,
 * the nodes that would be a right answer, and why. A failure lists every case that went wrong.
 */
public final class RouterCases {
  private RouterCases() {}

  /** One read, what the router sees, and the answers that are right. */
  public record Case(ReadRequest read, List<Replica> replicas, List<String> allowed, String why) {
    String situation() {
      return (read.minOffset() == 0
              ? "a read with no token"
              : "a read whose token is offset " + read.minOffset())
          + ", replicas "
          + describe(replicas);
    }
  }

  /** The first half of a case: the read and the replicas. */
  public record Question(ReadRequest read, List<Replica> replicas) {
    /** Right answers: one of {@code nodes}, separated by spaces. */
    public Case expect(String nodes, String why) {
      return new Case(read, replicas, List.of(nodes.split(" ")), why);
    }
  }

  /**
   * A read of {@code x} by alice carrying {@code token}. Each replica is written {@code "n2 10"}
   * (applied up to offset 10), with a star for the leader ({@code "n1* 12"}); how many entries each
   * is behind is counted from the leader's offset (from the furthest replica's without one), unless
   * the replica says otherwise ({@code "n2 10 lag=4"}: the last health check's figure).
   */
  public static Question read(long token, String... replicas) {
    List<String[]> parsed = new ArrayList<>();
    long newest = 0;
    Long leaderOffset = null;
    for (String replica : replicas) {
      String[] parts = replica.split(" ");
      parsed.add(parts);
      long applied = Long.parseLong(parts[1]);
      newest = Math.max(newest, applied);
      if (parts[0].endsWith("*")) {
        leaderOffset = applied;
      }
    }
    long reference = leaderOffset != null ? leaderOffset : newest;
    List<Replica> list = new ArrayList<>();
    for (String[] parts : parsed) {
      boolean leader = parts[0].endsWith("*");
      String id = leader ? parts[0].substring(0, parts[0].length() - 1) : parts[0];
      long applied = Long.parseLong(parts[1]);
      long lag =
          parts.length > 2
              ? Long.parseLong(parts[2].substring("lag=".length()))
              : Math.max(0, reference - applied);
      list.add(new Replica(id, "eu", leader, applied, lag, 500));
    }
    return new Question(new ReadRequest("alice", "eu", "x", token), List.copyOf(list));
  }

  public static String describe(List<Replica> replicas) {
    List<String> parts = new ArrayList<>();
    for (Replica replica : replicas) {
      parts.add(
          replica.id()
              + (replica.leader() ? " (leader)" : "")
              + " applied "
              + replica.appliedOffset()
              + ", "
              + replica.lagEntries()
              + " behind");
    }
    return "[" + String.join("; ", parts) + "]";
  }

  /** Asks a fresh router about every case; fails listing each wrong answer. */
  public static void check(Supplier<ReadRouter> fresh, Case... cases) {
    List<String> wrong = new ArrayList<>();
    Throwable firstThrown = null;
    for (Case c : cases) {
      String got;
      ReadRouter router = null;
      try {
        router = fresh.get();
        got = router.route(c.read(), c.replicas());
      } catch (RuntimeException | StackOverflowError e) {
        wrong.add(
            c.situation()
                + ": expected "
                + String.join(" or ", c.allowed())
                + ", but "
                + Blame.describe(e, router == null ? RouterCases.class : router.getClass()));
        firstThrown = firstThrown == null ? e : firstThrown;
        continue;
      }
      if (!c.allowed().contains(got)) {
        wrong.add(
            c.situation()
                + ": expected "
                + String.join(" or ", c.allowed())
                + ", got "
                + got
                + " ("
                + c.why()
                + ")");
      }
    }
    CaseVerdict.failIfWrong(wrong, cases.length, firstThrown);
  }

  /**
   * Asks one router {@code reads} times about the same read: every answer must be one of {@code
   * allowed}, and each of them must be chosen at least once.
   */
  public static void takesTurns(
      ReadRouter router, Question question, int reads, String allowed, String why) {
    List<String> nodes = List.of(allowed.split(" "));
    Map<String, Integer> chosen = new LinkedHashMap<>();
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < reads; i++) {
      String got;
      try {
        got = router.route(question.read(), question.replicas());
      } catch (RuntimeException | StackOverflowError e) {
        CaseVerdict.failIfWrong(
            List.of(
                question.read().minOffset()
                    + "-token read "
                    + (i + 1)
                    + " of "
                    + reads
                    + ": "
                    + Blame.describe(e, router.getClass())),
            1,
            e);
        return;
      }
      answers.add(got);
      chosen.merge(String.valueOf(got), 1, Integer::sum);
    }
    TreeSet<String> unused = new TreeSet<>(nodes);
    unused.removeAll(chosen.keySet());
    TreeSet<String> outside = new TreeSet<>(chosen.keySet());
    outside.removeAll(nodes);
    if (!unused.isEmpty() || !outside.isEmpty()) {
      String situation =
          reads
              + " reads with token "
              + question.read().minOffset()
              + ", replicas "
              + describe(question.replicas());
      throw new AssertionFailedError(
          (outside.isEmpty()
                  ? "never chose " + unused
                  : "chose " + outside + ", which should not serve these reads")
              + ": "
              + situation
              + " went to "
              + answers
              + "; expected turns among "
              + nodes
              + " ("
              + why
              + ")");
    }
  }
}
