package dev.replab.exercises.ex09;

import dev.replab.engine.command.Result;
import dev.replab.engine.leaderfollower.Node;
import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 9: the learner's guard as the cluster's storage fence, facing a leader that
 * wakes up after it was replaced, a leader cut off by a partition, and ordinary failovers.
 */
class FenceScenarioTests {
  private static final String FAILOVER = "failover auto detect=1s fencing=on";

  private static Scenario start(long seed, String story, String createLine) {
    FenceRecorder[] recorder = new FenceRecorder[1];
    Scenario scenario =
        Scenario.start(
            seed,
            story + "; storage fences with your FencingTokenGuard",
            createLine,
            FencingTokenGuard.class,
            (stage, cluster) -> {
              recorder[0] = new FenceRecorder(new FencingTokenGuard(), stage, cluster.sim()::nowUs);
              cluster.setFence(recorder[0]);
            });
    return scenario.withHint(() -> recorder[0].firstDisagreement());
  }

  /**
   * The old leader n1 writes: storage must refuse it, naming both epochs, and no checker may find
   * two leaders.
   */
  private static void oldLeaderIsFencedOff(Scenario scenario) {
    Node current = scenario.cluster().leader();
    if (current == null || current.id().equals("n1")) {
      throw new IllegalStateException(
          "the scenario should have elected a new leader; it has " + current);
    }
    String sentence = "n1 leads epoch 1 but storage has already seen epoch " + current.epoch();
    String expected =
        "storage has admitted "
            + current.id()
            + "'s epoch "
            + current.epoch()
            + ", so it refuses n1's write of epoch 1 ('"
            + sentence
            + "'), and check split-brain finds no two leaders accepting writes";
    Result.WriteDone zombie = scenario.write("write z 9 via n1");
    Result.WriteDone write = scenario.write("write y 2");
    Result.CheckReport report = (Result.CheckReport) scenario.run("check split-brain").result();
    String found = report.findings().isEmpty() ? "nothing" : report.findings().get(0).explanation();
    if (zombie.outcome().equals("ok")) {
      throw scenario.failure(
          "'write z 9 via n1' was acknowledged in epoch "
              + zombie.epoch()
              + " although "
              + current.id()
              + " leads epoch "
              + current.epoch()
              + "; check split-brain found: "
              + found,
          expected,
          null);
    }
    if (zombie.failure() == null || !zombie.failure().contains(sentence)) {
      throw scenario.failure("'write z 9 via n1' failed with: " + zombie.failure(), expected, null);
    }
    if (!write.outcome().equals("ok")) {
      throw scenario.failure(
          "'write y 2' to the new leader: " + write.outcome() + ", " + write.failure(),
          expected,
          null);
    }
    if (!report.findings().isEmpty()) {
      throw scenario.failure("'check split-brain' found: " + found, expected, null);
    }
  }

  @Test
  @Points(6)
  void aLeaderThatWakesUpAfterItWasReplacedIsFencedOff() {
    for (long seed : new long[] {1, 2, 3}) {
      Scenario scenario =
          start(
              seed,
              "3 nodes; "
                  + FAILOVER
                  + "; n1 is paused for 5 s (a long garbage-collection pause), the others "
                  + "elect a new leader, n1 resumes believing it still leads and takes a write",
              "create leader-follower nodes=3");
      scenario.runAll(FAILOVER, "write x 1", "tick 100ms", "pause n1", "tick 5s", "resume n1");
      oldLeaderIsFencedOff(scenario);
    }
  }

  @Test
  @Points(5)
  void aLeaderCutOffByAPartitionIsFencedOff() {
    Scenario scenario =
        start(
            1,
            "3 nodes; "
                + FAILOVER
                + "; n1 is cut off from n2 and n3 (clients still reach it), the others elect "
                + "a new leader, and a client writes through n1",
            "create leader-follower nodes=3");
    scenario.runAll(FAILOVER, "write x 1", "tick 100ms", "partition n1 | n2 n3", "tick 5s");
    oldLeaderIsFencedOff(scenario);
  }

  @Test
  @Points(4)
  void theCurrentLeaderKeepsWritingThroughFailovers() {
    Scenario scenario =
        start(
            1,
            "3 nodes; "
                + FAILOVER
                + "; writes, n1 crashes, writes to the new leader, n1 restarts and rejoins as a "
                + "follower, more writes",
            "create leader-follower nodes=3");
    scenario.run(FAILOVER);
    String expected =
        "every write of the current leader carries the newest epoch and is admitted, before and after each failover";
    String[] phases = {"a", "b", "c"};
    for (String phase : phases) {
      for (int i = 0; i < 3; i++) {
        Result.WriteDone write = scenario.write("write " + phase + i + " " + i);
        if (!write.outcome().equals("ok")) {
          throw scenario.failure(
              "'write "
                  + phase
                  + i
                  + " "
                  + i
                  + "' via "
                  + write.node()
                  + ": "
                  + write.outcome()
                  + ", "
                  + write.failure(),
              expected,
              null);
        }
      }
      if (phase.equals("a")) {
        scenario.runAll("crash n1", "tick 5s");
      } else if (phase.equals("b")) {
        scenario.runAll("restart n1", "tick 2s");
      }
    }
  }
}
