package dev.replab.exercises.ex15;

import dev.replab.engine.api.CounterCrdt;
import dev.replab.engine.command.Result;
import dev.replab.engine.multileader.MultiLeader;
import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 15: the learner's counter as every counter of a three-datacenter multi-leader
 * cluster (eu is n1, us n3, ap n5, each with a follower), under concurrent updates and faults.
 */
class CounterScenarioTests {
  private static final String[] CLIENTS = {"ana@eu", "bob@us", "carol@ap"};

  private static Scenario start(long seed, String story) {
    Scenario scenario =
        Scenario.startOn(
            seed,
            story + "; every counter keeps its state with your PnCounter",
            "create multi-leader",
            PnCounter.class,
            MultiLeader.class,
            (stage, cluster) -> cluster.useCounters(new Learner(stage)));
    scenario.runAll("type likes counter", "type stock pn-counter");
    return scenario;
  }

  /** The learner's counter, each call made through the scenario so that a throw can be named. */
  static final class Learner implements CounterCrdt {
    private final Scenario scenario;
    private final CounterCrdt learner = new PnCounter();

    Learner(Scenario scenario) {
      this.scenario = scenario;
    }

    @Override
    public State increment(State state, String dc, long amount) {
      return scenario.learnerCall(() -> learner.increment(state, dc, amount));
    }

    @Override
    public State decrement(State state, String dc, long amount) {
      return scenario.learnerCall(() -> learner.decrement(state, dc, amount));
    }

    @Override
    public State merge(State a, State b) {
      return scenario.learnerCall(() -> learner.merge(a, b));
    }

    @Override
    public long value(State state) {
      return scenario.learnerCall(() -> learner.value(state));
    }
  }

  /** Every node of every datacenter must read {@code expected} for {@code key}. */
  private static void everyNodeReads(Scenario scenario, String key, long expected, String why) {
    for (int node = 1; node <= 6; node++) {
      Result.ReadDone read =
          (Result.ReadDone) scenario.run("read " + key + " via n" + node).result();
      if (!Long.toString(expected).equals(read.value())) {
        throw scenario.failure("n" + node + " read " + key + " = " + read.value(), why, null);
      }
    }
  }

  @Test
  @Points(5)
  void incrementsMadeAtOnceInEveryDatacenterAllCount() {
    Scenario scenario = start(1, "eu, us and ap like a post at the same instant");
    scenario.run("incr likes 2 as ana@eu & incr likes 3 as bob@us & incr likes as carol@ap");
    scenario.run("incr likes 4 as ana@eu");
    scenario.run("settle");
    everyNodeReads(
        scenario, "likes", 10, "2 + 3 + 1 + 4 = 10 likes on every node, each counted once");
  }

  @Test
  @Points(4)
  void decrementsFromSeveralDatacentersAllCount() {
    Scenario scenario = start(2, "eu stocks ten items; eu and us each sell some at once");
    scenario.runAll("incr stock 10 as ana@eu", "settle");
    scenario.run("decr stock 3 as ana@eu & decr stock 2 as bob@us");
    scenario.run("decr stock 1 as carol@ap");
    scenario.run("settle");
    everyNodeReads(scenario, "stock", 4, "10 - 3 - 2 - 1 = 4 on every node");
  }

  @Test
  @Points(6)
  void underFaultsEveryAcknowledgedUpdateCountsOnce() {
    for (long seed = 1; seed <= 5; seed++) {
      SplittableRandom random = new SplittableRandom(seed * 13 + 5);
      Scenario scenario =
          start(seed, "updates from three datacenters through crashed leaders and partitions");
      boolean[] down = new boolean[3];
      long expected = 0;
      List<String> leaders = List.of("n1", "n3", "n5");
      for (int step = 0; step < 40; step++) {
        int dc = random.nextInt(3);
        int other = (dc + 1 + random.nextInt(2)) % 3;
        int pick = random.nextInt(100);
        long amount = 1 + random.nextInt(5);
        if (pick < 30 && !down[dc]) {
          scenario.run("incr stock " + amount + " as " + CLIENTS[dc]);
          expected += amount;
        } else if (pick < 50 && !down[dc] && !down[other]) {
          scenario.run(
              "incr stock "
                  + amount
                  + " as "
                  + CLIENTS[dc]
                  + " & decr stock 1 as "
                  + CLIENTS[other]);
          expected += amount - 1;
        } else if (pick < 58 && !down[dc]) {
          scenario.run("crash " + leaders.get(dc));
          down[dc] = true;
        } else if (pick < 70 && down[dc]) {
          scenario.run("restart " + leaders.get(dc));
          down[dc] = false;
        } else if (pick < 80) {
          scenario.run("partition " + leaders.get(dc) + " -> " + leaders.get(other));
        } else if (pick < 88) {
          scenario.run("heal");
        } else {
          scenario.run("tick " + (10 + random.nextInt(200)) + "ms");
        }
      }
      scenario.run("heal");
      List<String> restarts = new ArrayList<>();
      for (int dc = 0; dc < 3; dc++) {
        if (down[dc]) {
          restarts.add("restart " + leaders.get(dc));
        }
      }
      restarts.forEach(scenario::run);
      scenario.run("settle");
      everyNodeReads(
          scenario,
          "stock",
          expected,
          "every acknowledged increment and decrement counted exactly once: " + expected);
    }
  }
}
