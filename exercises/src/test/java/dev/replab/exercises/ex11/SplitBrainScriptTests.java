package dev.replab.exercises.ex11;

import dev.replab.engine.command.Result;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.LearnerScript;
import dev.replab.exercises.ScriptRun;
import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 11: with fencing off, the learner's script makes two leaders accept writes at
 * once; the same script with fencing on must not, because storage refuses the old leader's token.
 */
class SplitBrainScriptTests {
  static final String SPLIT = "split-brain.replab";
  static final String FENCED = "fenced.replab";

  /** Up to 30 commands and 10 minutes of simulated time. */
  static final ScriptRun.Limits LIMITS =
      new ScriptRun.Limits(
          30, Durations.parseUs("10m"), 10_000, ScriptRun.Limits.SCENARIO_COMMANDS);

  /** The split-brain script, run: it must turn fencing off and have two leaders accept writes. */
  private static ScriptRun splitBrain() {
    LearnerScript script = LearnerScript.read("ex11", SPLIT);
    if (script.linesSetting("fencing", "off").isEmpty()) {
      throw new AssertionError(
          SPLIT + ": say fencing=off on its 'failover auto' line, so that the setting is explicit");
    }
    ScriptRun run = ScriptRun.of(script, LIMITS);
    if (run.check("split-brain").findings().isEmpty()) {
      throw run.failure(
          null,
          "check split-brain found no two leaders accepting writes: let automatic failover elect a"
              + " new leader while the old one is cut off or paused, then have the old one accept a"
              + " write");
    }
    return run;
  }

  @Test
  @Points(6)
  void twoLeadersAcceptWritesWhenFencingIsOff() {
    splitBrain();
  }

  @Test
  @Points(6)
  void fencingStopsTheOldLeader() {
    ScriptRun unfenced = splitBrain();
    LearnerScript script = LearnerScript.read("ex11", FENCED);
    String difference = unfenced.script().differenceBesides(script, "fencing");
    if (difference != null) {
      throw new AssertionError(
          FENCED
              + " should be "
              + SPLIT
              + " with fencing=on instead of fencing=off: "
              + difference);
    }
    if (script.linesSetting("fencing", "on").isEmpty()) {
      throw new AssertionError(
          FENCED + ": turn fencing on (fencing=on) where " + SPLIT + " has it off");
    }
    ScriptRun run = ScriptRun.of(script, LIMITS);
    Result.CheckReport report = run.check("split-brain");
    if (!report.findings().isEmpty()) {
      throw run.failure(
          null,
          "with fencing on, check split-brain still finds two leaders accepting writes: "
              + report.findings().get(0).explanation());
    }
    boolean refused =
        run.history().operations().stream()
            .anyMatch(op -> "write".equals(op.kind()) && "fail".equals(op.outcome()));
    if (!refused) {
      throw run.failure(
          null,
          "with fencing on, no write was refused: the old leader should still try to write, and"
              + " storage should turn it away for its old epoch");
    }
  }
}
