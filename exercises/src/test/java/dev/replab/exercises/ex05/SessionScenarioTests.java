package dev.replab.exercises.ex05;

import dev.replab.engine.api.SessionGuarantees;
import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.command.Result;
import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 5: the learner's session memory for every client of a real cluster with a
 * lagging follower, judged by the engine's checkers.
 */
class SessionScenarioTests {
  /**
   * n3 hears from the leader 50 ms late, so for 50 ms after each write it shows an older state than
   * n2.
   */
  private static final String SLOW_N3 = "link n1 n3 latency=const(50ms)";

  private static Scenario start(long seed, String story) {
    String[] clue = new String[1];
    Scenario scenario =
        Scenario.start(
            seed,
            story + "; every session's monotonic reads use your MonotonicSession",
            "create leader-follower nodes=3",
            MonotonicSession.class,
            (stage, cluster) ->
                cluster.setGuarantees(
                    level ->
                        level == Consistency.MONOTONIC
                            ? new SessionRecorder(new MonotonicSession(), stage, clue)
                            : new SessionGuarantees.ReadYourWrites()));
    return scenario.withHint(() -> clue[0]);
  }

  private static void checkFindsNothing(Scenario scenario, String checker, String expected) {
    Result.CheckReport report = (Result.CheckReport) scenario.run("check " + checker).result();
    if (!report.findings().isEmpty()) {
      throw scenario.failure(
          "'check " + checker + "' found: " + report.findings().get(0).explanation(),
          expected,
          null);
    }
  }

  private static Result.ReadDone read(Scenario scenario, String command, String expected) {
    Result.ReadDone read = (Result.ReadDone) scenario.run(command).result();
    if (!read.outcome().equals("ok")) {
      throw scenario.failure(
          "'" + command + "' did not succeed: " + read.outcome() + ", " + read.failure(),
          expected,
          null);
    }
    return read;
  }

  @Test
  @Points(4)
  void readsNeverGoBackWhenTheyAlternateBetweenFollowers() {
    for (long seed : new long[] {1, 2}) {
      Scenario scenario =
          start(
              seed,
              "3 nodes, n3 hears from the leader 50 ms late; bob writes x three times, and after each write alice "
                  + "reads x twice with consistency=monotonic policy=round-robin (n2, then n3)");
      scenario.runAll(SLOW_N3, "client alice consistency=monotonic policy=round-robin");
      String expected =
          "each of alice's reads returns a value at least as new as the one before: n3 holds her read until it has caught up";
      for (int i = 1; i <= 3; i++) {
        scenario.runAll("write x " + i + " as bob", "tick 10ms");
        read(scenario, "read x as alice", expected);
        read(scenario, "read x as alice", expected);
      }
      checkFindsNothing(scenario, "monotonic-reads", expected);
      scenario.settle("the followers catch up");
      String atOnce =
          "once every follower has caught up, alice's reads are answered at once (well under 10 ms)";
      for (int i = 0; i < 2; i++) {
        Result.ReadDone read = read(scenario, "read x as alice", atOnce);
        if (read.latencyMs() >= 10 || !"3".equals(read.value())) {
          throw scenario.failure(
              String.format(
                  Locale.ROOT,
                  "'read x as alice' on %s returned %s after %.1f ms",
                  read.node(),
                  read.value(),
                  read.latencyMs()),
              atOnce,
              null);
        }
      }
    }
  }

  @Test
  @Points(4)
  void anAnswerIsNeverSeenBeforeItsQuestion() {
    Scenario scenario =
        start(
            1,
            "3 nodes, n3 hears from the leader 50 ms late; alice writes a question, bob its answer; carol reads the "
                + "answer from n2, then the question from n3, both with consistency=monotonic");
    scenario.runAll(
        SLOW_N3, "write question when as alice", "write answer noon as bob", "tick 10ms");
    String expected =
        "carol has seen the answer (offset 2), so n3 holds her read until it has offset 2 as well, and she sees the question";
    read(scenario, "read answer from n2 as carol consistency=monotonic", expected);
    Result.ReadDone question =
        read(scenario, "read question from n3 as carol consistency=monotonic", expected);
    if (!"when".equals(question.value())) {
      throw scenario.failure(
          "carol read the question on n3 as " + question.value() + " after she had seen its answer",
          expected,
          null);
    }
    checkFindsNothing(scenario, "consistent-prefix", expected);
  }

  @Test
  @Points(4)
  void noReadGoesBackUnderLoad() {
    Scenario scenario =
        start(
            1,
            "3 nodes, n3 hears from the leader 50 ms late; 400 operations from 4 clients on 10 keys, 80% reads, "
                + "monotonic reads via round-robin");
    scenario.run(SLOW_N3);
    Result.LoadDone load =
        (Result.LoadDone)
            scenario
                .run(
                    "load ops=400 clients=4 reads=80 keys=10 policy=round-robin consistency=monotonic")
                .result();
    String expected =
        "every read succeeds, and no client ever reads an older state than one it has already seen";
    if (load.failed() > 0) {
      throw scenario.failure(
          load.failed() + " of the workload's operations failed", expected, null);
    }
    checkFindsNothing(scenario, "monotonic-reads", expected);
    checkFindsNothing(scenario, "consistent-prefix", expected);
  }

  @Test
  @Points(3)
  void aSessionsOwnWriteDoesNotHoldUpItsReads() {
    Scenario scenario =
        start(
            1,
            "3 nodes, n3 hears from the leader 50 ms late; alice writes y, then reads x from n3 with consistency=monotonic");
    scenario.runAll(SLOW_N3, "write x 1 as bob", "settle", "write y 2 as alice");
    String expected =
        "alice has read nothing yet, so n3 answers her read of x at once (well under 10 ms): monotonic reads do not wait "
            + "for the session's own writes";
    Result.ReadDone read =
        read(scenario, "read x from n3 as alice consistency=monotonic", expected);
    if (read.latencyMs() >= 10) {
      throw scenario.failure(
          String.format(
              Locale.ROOT,
              "'read x from n3 as alice consistency=monotonic' took %.1f ms: n3 held it until it had "
                  + "alice's write of y",
              read.latencyMs()),
          expected,
          null);
    }
  }
}
