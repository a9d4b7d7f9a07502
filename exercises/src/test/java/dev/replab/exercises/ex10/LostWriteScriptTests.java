package dev.replab.exercises.ex10;

import dev.replab.engine.command.Result;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.LearnerScript;
import dev.replab.exercises.ScriptRun;
import dev.replab.exercises.grader.Points;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 10: the learner's script makes an asynchronous cluster lose a write it had
 * acknowledged, and a reader see that it is gone; the checkers decide whether it did.
 */
class LostWriteScriptTests {
  static final String SCRIPT = "lost-write.replab";

  /** Up to 30 commands and 10 minutes of simulated time; the commit rule stays asynchronous. */
  static final ScriptRun.Limits LIMITS =
      new ScriptRun.Limits(30, Durations.parseUs("10m"), 10_000, allowed());

  private static Set<String> allowed() {
    Set<String> allowed = new HashSet<>(ScriptRun.Limits.SCENARIO_COMMANDS);
    allowed.remove("setquorum");
    return allowed;
  }

  private static ScriptRun run() {
    LearnerScript script = LearnerScript.read("ex10", SCRIPT);
    for (LearnerScript.Line line : script.lines()) {
      if (line.text().matches(".*\\bquorum=.*")) {
        throw new AssertionError(
            SCRIPT
                + " line "
                + line.number()
                + ": leave out quorum=; the exercise is to lose a write that an asynchronous"
                + " cluster acknowledged");
      }
    }
    return ScriptRun.of(script, LIMITS);
  }

  @Test
  @Points(10)
  void anAcknowledgedWriteIsLost() {
    ScriptRun run = run();
    Result.CheckReport lost = run.check("lost-writes");
    if (lost.findings().isEmpty()) {
      throw run.failure(
          null,
          "check lost-writes found no lost write: every write the cluster acknowledged is still"
              + " in the leader's log (a write is lost when its leader acknowledged it, then a"
              + " follower that never received it became the leader)");
    }
  }

  @Test
  @Points(5)
  void aReadAfterTheLossDoesNotSeeTheWrite() {
    ScriptRun run = run();
    List<Result.OpRow> operations = run.history().operations();
    for (Result.OpRow write : operations) {
      if (write.lost() == null || !"write".equals(write.kind())) {
        continue;
      }
      for (Result.OpRow read : operations) {
        if ("read".equals(read.kind())
            && "ok".equals(read.outcome())
            && read.key().equals(write.key())
            && read.invokeMs() >= write.completeMs()
            && !write.value().equals(read.value())) {
          return;
        }
      }
    }
    throw run.failure(
        null,
        "no read after a lost write shows that it is gone: read the lost write's key once the new"
            + " leader has taken over, and see a value other than the one that was acknowledged");
  }
}
