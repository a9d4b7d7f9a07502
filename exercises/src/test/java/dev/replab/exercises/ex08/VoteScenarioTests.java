package dev.replab.exercises.ex08;

import dev.replab.engine.command.Result;
import dev.replab.engine.leaderfollower.Node;
import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 8: the learner's vote rule on every node of real clusters that elect a new
 * leader by majority vote after the old one crashes, with lost acknowledged writes as the judge.
 */
class VoteScenarioTests {
  /** Elections among the followers; a follower stands after 1 s without hearing from the leader. */
  private static final String FAILOVER = "failover auto detect=1s heartbeat=100ms";

  private static Scenario start(long seed, String story, String createLine) {
    VoteRecorder[] recorder = new VoteRecorder[1];
    Scenario scenario =
        Scenario.start(
            seed,
            story + "; every node votes with your UpToDateLogRule",
            createLine,
            UpToDateLogRule.class,
            (stage, cluster) -> {
              recorder[0] = new VoteRecorder(new UpToDateLogRule(), stage, cluster.sim()::nowUs);
              cluster.setVoteRule(recorder[0]);
            });
    return scenario.withHint(() -> recorder[0].firstDisagreement());
  }

  private static void noAcknowledgedWriteIsLost(Scenario scenario, String expected) {
    Node leader = scenario.cluster().leader();
    if (leader == null) {
      throw scenario.failure("no leader was elected", expected, null);
    }
    Result.CheckReport report = (Result.CheckReport) scenario.run("check lost-writes").result();
    if (!report.findings().isEmpty()) {
      int lost = report.findings().size();
      throw scenario.failure(
          leader.id()
              + " leads epoch "
              + leader.epoch()
              + " and "
              + lost
              + " acknowledged "
              + (lost == 1 ? "write is" : "writes are")
              + " gone: "
              + report.findings().get(0).explanation(),
          expected,
          null);
    }
  }

  @Test
  @Points(4)
  void theFollowerWithTheLongerLogWins() {
    for (long seed : new long[] {1, 2, 3, 4}) {
      Scenario scenario =
          start(
              seed,
              "3 nodes; setquorum 1; the link n1-n3 takes 300 ms each way; 5 writes, then n1 crashes at once",
              "create leader-follower nodes=3");
      scenario.runAll(FAILOVER, "setquorum 1", "link n1 n3 latency=const(300ms)");
      scenario.writes("k", 5);
      scenario.runAll("crash n1", "tick 5s");
      String expected =
          "n2 has all 5 acknowledged writes, n3 none: n2 refuses to vote for n3, and only n2 can win; no acknowledged write is lost";
      noAcknowledgedWriteIsLost(scenario, expected);
      if (!scenario.cluster().leader().id().equals("n2")) {
        throw scenario.failure(
            scenario.cluster().leader().id() + " won the election", expected, null);
      }
    }
  }

  @Test
  @Points(4)
  void aLongerLogFromAnOlderEpochLoses() {
    for (long seed : new long[] {1, 2}) {
      Scenario scenario =
          start(
              seed,
              "3 nodes; setquorum 1; n1 is cut off and keeps taking writes it cannot commit; n2 and n3 elect a "
                  + "leader of epoch 2, which commits 2 writes and crashes as the partition heals",
              "create leader-follower nodes=3 timeout=300ms");
      scenario.runAll(FAILOVER, "setquorum 1", "write x 0", "partition n1 | n2 n3", "tick 3s");
      scenario.runAll(
          "write a 1 via n1", "write a 2 via n1", "write a 3 via n1", "write a 4 via n1");
      scenario.runAll("write b 1", "write b 2");
      Node epoch2 = scenario.cluster().leader();
      String survivor = epoch2.id().equals("n2") ? "n3" : "n2";
      scenario.runAll("crash " + epoch2.id(), "heal", "tick 6s");
      String expected =
          "n1's log is longer, but its extra entries come from epoch 1 and were never committed; "
              + survivor
              + " holds the writes of epoch 2 and must win, so no acknowledged write is lost";
      noAcknowledgedWriteIsLost(scenario, expected);
      if (!scenario.cluster().leader().id().equals(survivor)) {
        throw scenario.failure(
            scenario.cluster().leader().id() + " won epoch " + scenario.cluster().leader().epoch(),
            expected,
            null);
      }
    }
  }

  @Test
  @Points(3)
  void twoEquallyUpToDateFollowersCanElectEitherOne() {
    Scenario scenario =
        start(1, "3 nodes; write x 1, settle, then n1 crashes", "create leader-follower nodes=3");
    scenario.runAll(FAILOVER, "write x 1", "settle", "crash n1", "tick 5s");
    String expected =
        "n2 and n3 hold the same log, so either may vote for the other: a new leader is elected and takes writes";
    noAcknowledgedWriteIsLost(scenario, expected);
    Result.WriteDone write = scenario.write("write x 2");
    if (!write.outcome().equals("ok")) {
      throw scenario.failure(
          "'write x 2' after the election: " + write.outcome() + ", " + write.failure(),
          expected,
          null);
    }
  }

  @Test
  @Points(4)
  void noAcknowledgedWriteIsLostUnderRandomFaults() {
    for (long seed = 1; seed <= 8; seed++) {
      Scenario scenario =
          start(
              seed,
              "3 nodes, setquorum 1, a random schedule of writes, crashes, restarts, partitions and heals "
                  + "(schedule "
                  + seed
                  + "), then everything heals and settles",
              "create leader-follower nodes=3 timeout=1s");
      scenario.runAll("setquorum 1", FAILOVER);
      for (String line : schedule(seed)) {
        scenario.run(line);
      }
      String expected =
          "every write was acknowledged only once a follower had it, and elections pick a follower that has every "
              + "committed write: none is lost, and no epoch has two leaders";
      noAcknowledgedWriteIsLost(scenario, expected);
      Map<Integer, String> leaderOfEpoch = new HashMap<>();
      for (Node node : scenario.cluster().nodes()) {
        if (node.isActiveLeader()) {
          String before = leaderOfEpoch.putIfAbsent(node.epoch(), node.id());
          if (before != null) {
            throw scenario.failure(
                before + " and " + node.id() + " both lead epoch " + node.epoch(), expected, null);
          }
        }
      }
    }
  }

  /**
   * A reproducible schedule of faults for a seed, ending with every node back and the network
   * whole.
   */
  private static List<String> schedule(long seed) {
    SplittableRandom random = new SplittableRandom(seed * 7919L + 3);
    List<String> script = new ArrayList<>();
    Map<String, Boolean> crashed = new TreeMap<>(Map.of("n1", false, "n2", false, "n3", false));
    int value = 0;
    for (int step = 0; step < 40; step++) {
      String node = "n" + (1 + random.nextInt(3));
      int pick = random.nextInt(100);
      if (pick < 45) {
        script.add("write k" + random.nextInt(4) + " " + (++value));
      } else if (pick < 55 && !crashed.get(node)) {
        script.add("crash " + node);
        crashed.put(node, true);
      } else if (pick < 65 && crashed.get(node)) {
        script.add("restart " + node);
        crashed.put(node, false);
      } else if (pick < 72) {
        script.add("partition " + node);
      } else if (pick < 80) {
        script.add("heal");
      } else {
        script.add("tick " + (10 + random.nextInt(2000)) + "ms");
      }
    }
    script.add("heal");
    crashed.forEach(
        (node, down) -> {
          if (down) {
            script.add("restart " + node);
          }
        });
    script.add("tick 5s");
    script.add("settle");
    return script;
  }
}
