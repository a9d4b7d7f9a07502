package dev.replab.exercises.ex07;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.leaderfollower.LeaderFollower;
import dev.replab.engine.leaderfollower.Node;
import dev.replab.engine.sim.Durations;
import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 7: the learner's detector on every follower (which elect a new leader among
 * themselves) and in a separate failover monitor (like Patroni beside a database), through jittery
 * links, a pause and a crash.
 */
class DetectorScenarioTests {
  /**
   * The two ways the cluster fails over: the followers elect a leader, or a monitor promotes one.
   */
  private static final String[] FAILOVERS = {
    "failover auto detect=500ms heartbeat=100ms",
    "failover auto monitor=on detect=500ms heartbeat=100ms"
  };

  /**
   * 500 ms of silence, up to one 100 ms check interval to notice, then a random wait or the
   * monitor's round, and some slack.
   */
  private static final long REPLACED_WITHIN_US = 1_000_000;

  private static Scenario start(long seed, String story, String createLine) {
    String[] clue = new String[1];
    Scenario scenario =
        Scenario.start(
            seed,
            story + "; every failure detector is your HeartbeatDetector",
            createLine,
            HeartbeatDetector.class,
            (stage, cluster) ->
                cluster.setDetectors(
                    (detectUs, startUs) -> new DetectorRecorder(detectUs, startUs, stage, clue)));
    return scenario.withHint(() -> clue[0]);
  }

  /** Every election won and every promotion by the monitor so far. */
  private static List<String> failovers(LeaderFollower cluster) {
    return cluster.events().stream()
        .map(Cluster.ClusterEvent::text)
        .filter(t -> t.startsWith("monitor: promoting") || t.contains("won the election"))
        .toList();
  }

  private static String newLeader(LeaderFollower cluster) {
    Node leader = cluster.leader();
    return leader == null || leader.id().equals("n1") ? null : leader.id();
  }

  @Test
  @Points(5)
  void noFailoverWhileTheLeaderAnswersWithinTheTimeout() {
    for (String failover : FAILOVERS) {
      Scenario scenario =
          start(
              1,
              "3 nodes, every link's delay anywhere from 1 to 150 ms; "
                  + failover
                  + "; a write a second for 10 s, "
                  + "with a 300 ms pause of the leader in the middle",
              "create leader-follower nodes=3 latency=uniform(1ms,150ms)");
      scenario.run(failover);
      String expected =
          "the leader's heartbeats arrive late and irregularly, but never 500 ms apart: no failover, n1 still leads epoch 1";
      for (int i = 0; i < 10; i++) {
        scenario.runAll("write x " + i, "tick 1s");
        if (i == 4) {
          scenario.runAll("pause n1", "tick 300ms", "resume n1");
        }
        List<String> failovers = failovers(scenario.cluster());
        Node leader = scenario.cluster().leader();
        if (!failovers.isEmpty()
            || leader == null
            || !leader.id().equals("n1")
            || leader.epoch() != 1) {
          throw scenario.failure(
              "a leader that was alive was replaced: " + String.join("; ", failovers),
              expected,
              null);
        }
      }
    }
  }

  @Test
  @Points(5)
  void aCrashedLeaderIsReplacedWithinOneSecond() {
    for (String failover : FAILOVERS) {
      for (long seed : new long[] {1, 2, 3}) {
        Scenario scenario =
            start(
                seed,
                "3 nodes; " + failover + "; write x 1, then n1 crashes",
                "create leader-follower nodes=3");
        scenario.runAll(failover, "write x 1", "tick 1s", "crash n1");
        long crashedUs = scenario.cluster().sim().nowUs();
        String expected =
            "n1 is suspected after 500 ms of silence and a follower takes over within "
                + Durations.format(REPLACED_WITHIN_US)
                + " of the crash";
        while (newLeader(scenario.cluster()) == null
            && scenario.cluster().sim().nowUs() - crashedUs < 3 * REPLACED_WITHIN_US) {
          scenario.run("tick 50ms");
        }
        long tookUs = scenario.cluster().sim().nowUs() - crashedUs;
        if (newLeader(scenario.cluster()) == null || tookUs > REPLACED_WITHIN_US) {
          throw scenario.failure(
              newLeader(scenario.cluster()) == null
                  ? "no follower took over within " + Durations.format(tookUs) + " of the crash"
                  : newLeader(scenario.cluster())
                      + " took over only "
                      + Durations.format(tookUs)
                      + " after the crash",
              expected,
              null);
        }
      }
    }
  }

  @Test
  @Points(5)
  void theNewLeaderIsLeftInPeace() {
    for (String failover : FAILOVERS) {
      Scenario scenario =
          start(
              1,
              "3 nodes; "
                  + failover
                  + "; n1 crashes, a follower takes over, and 5 s of writes follow",
              "create leader-follower nodes=3");
      scenario.runAll(failover, "write x 1", "tick 1s", "crash n1", "tick 2s");
      String expected =
          "exactly one failover: the new leader's heartbeats reach every detector watching it, so none suspects it";
      for (int i = 0; i < 5; i++) {
        scenario.runAll("write y " + i, "tick 1s");
      }
      List<String> failovers = failovers(scenario.cluster());
      if (failovers.size() != 1) {
        throw scenario.failure(
            failovers.isEmpty()
                ? "no failover at all after n1 crashed"
                : failovers.size() + " failovers after one crash: " + String.join("; ", failovers),
            expected,
            null);
      }
    }
  }
}
