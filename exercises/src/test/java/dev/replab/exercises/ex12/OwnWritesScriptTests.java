package dev.replab.exercises.ex12;

import dev.replab.engine.command.Result;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.LearnerScript;
import dev.replab.exercises.ScriptRun;
import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 12: the learner's script makes a client miss its own write by reading from a
 * lagging follower; the same script with another consistency setting for that client must not.
 */
class OwnWritesScriptTests {
  static final String STALE = "stale-own-read.replab";
  static final String FIXED = "fixed-own-read.replab";

  /** Up to 30 commands and 10 minutes of simulated time. */
  static final ScriptRun.Limits LIMITS =
      new ScriptRun.Limits(
          30, Durations.parseUs("10m"), 10_000, ScriptRun.Limits.SCENARIO_COMMANDS);

  private static ScriptRun stale() {
    ScriptRun run = ScriptRun.of(LearnerScript.read("ex12", STALE), LIMITS);
    if (run.check("read-your-writes").findings().isEmpty()) {
      throw run.failure(
          null,
          "check read-your-writes found no client missing its own write: have a client write,"
              + " then read the key from a follower that has not applied the write yet");
    }
    return run;
  }

  @Test
  @Points(6)
  void aClientMissesItsOwnWrite() {
    stale();
  }

  @Test
  @Points(6)
  void aConsistencySettingFixesIt() {
    ScriptRun stale = stale();
    LearnerScript script = LearnerScript.read("ex12", FIXED);
    String difference = stale.script().differenceBesides(script, "consistency");
    if (difference != null) {
      throw new AssertionError(
          FIXED + " should be " + STALE + " with another consistency= setting: " + difference);
    }
    if (script.lines().equals(stale.script().lines())) {
      throw new AssertionError(
          FIXED + " is " + STALE + " unchanged: change a consistency= setting");
    }
    ScriptRun run = ScriptRun.of(script, LIMITS);
    Result.CheckReport report = run.check("read-your-writes");
    if (!report.findings().isEmpty()) {
      throw run.failure(
          null,
          "with the new setting, check read-your-writes still finds: "
              + report.findings().get(0).explanation());
    }
    for (Result.OpRow op : run.history().operations()) {
      if ("read".equals(op.kind()) && !"ok".equals(op.outcome())) {
        throw run.failure(
            null,
            "with the new setting, read #"
                + op.id()
                + " did not succeed ("
                + op.outcome()
                + "): a fix must still answer the client");
      }
    }
  }
}
