package dev.replab.exercises.ex13;

import dev.replab.engine.command.Result;
import dev.replab.engine.leaderless.LeaderlessResults;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.LearnerScript;
import dev.replab.exercises.ScriptRun;
import dev.replab.exercises.grader.Points;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 13: on a leaderless cluster whose read and write quorums overlap, the learner's
 * script makes a history that no one-at-a-time order explains, and {@code check linearizability}
 * names it. The anomaly must come from concurrency alone: no faults, no quorum changes.
 */
class QuorumScriptTests {
  static final String SCRIPT = "stale-after-fresh.replab";

  /** Faults would make the point too easily; the script may only create, slow links and operate. */
  private static final Set<String> FAULTS =
      Set.of("crash", "restart", "pause", "resume", "partition", "heal", "setquorum");

  /** Up to 20 commands and 1 minute of simulated time; no faults and no quorum changes. */
  static final ScriptRun.Limits LIMITS =
      new ScriptRun.Limits(20, Durations.parseUs("1m"), 10_000, allowed());

  private static Set<String> allowed() {
    Set<String> allowed = new HashSet<>(ScriptRun.Limits.SCENARIO_COMMANDS);
    allowed.removeAll(FAULTS);
    return allowed;
  }

  /** Runs the script and fails unless it ran on a leaderless cluster with overlapping quorums. */
  private static ScriptRun overlapping() {
    ScriptRun run = ScriptRun.of(LearnerScript.read("ex13", SCRIPT), LIMITS);
    Result status = run.status();
    if (!(status instanceof LeaderlessResults.Status quorum)) {
      throw run.failure(null, "the script must create a leaderless cluster ('create leaderless')");
    }
    if (!quorum.overlapping() || quorum.sloppy()) {
      throw run.failure(
          null,
          "the cluster has n="
              + quorum.n()
              + " w="
              + quorum.w()
              + " r="
              + quorum.r()
              + (quorum.sloppy() ? " with a sloppy quorum" : "")
              + "; the exercise is about quorums that overlap, so keep w + r > n and sloppy=off");
    }
    return run;
  }

  @Test
  @Points(4)
  void theQuorumsOverlap() {
    overlapping();
  }

  @Test
  @Points(8)
  void checkLinearizabilityFindsAReadThatWentBackInTime() {
    ScriptRun run = overlapping();
    Result.CheckReport report = run.check("linearizability");
    if (report.findings().isEmpty()) {
      throw run.failure(
          null,
          "check linearizability found nothing ("
              + report.verdict()
              + "): every history so far has an order that respects real time; start a write and"
              + " two reads together with '&' and after=, so that the first read sees the new"
              + " value and a later one, through other replicas, does not");
    }
  }

  @Test
  @Points(3)
  void everyOperationSucceeded() {
    ScriptRun run = overlapping();
    List<Result.OpRow> operations = run.history().operations();
    long reads = operations.stream().filter(op -> "read".equals(op.kind())).count();
    if (reads < 2 || reads == operations.size()) {
      throw run.failure(
          null, "the script needs a write and at least two reads of the key it writes");
    }
    for (Result.OpRow op : operations) {
      if (!"ok".equals(op.outcome())) {
        throw run.failure(
            null,
            "operation #"
                + op.id()
                + " ("
                + op.kind()
                + " "
                + op.key()
                + ") ended "
                + op.outcome()
                + "; the anomaly needs no failure, only operations that overlap in time");
      }
    }
  }
}
