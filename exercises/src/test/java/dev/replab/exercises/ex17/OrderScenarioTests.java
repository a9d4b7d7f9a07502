package dev.replab.exercises.ex17;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.api.LwwOrder;
import dev.replab.engine.command.Result;
import dev.replab.engine.multileader.MultiLeader;
import dev.replab.engine.multileader.MultiLeaderResults;
import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 17: the learner's order as last write wins in every leader of a three-datacenter
 * multi-leader cluster (eu is n1, us n3, ap n5, each with a follower). With Lamport clocks,
 * concurrent writes often carry the same timestamp, so the tie-break decides.
 */
class OrderScenarioTests {
  private static final String CREATE = "create multi-leader clock=lamport";

  private static Scenario start(long seed, String story) {
    return Scenario.startOn(
        seed,
        story + "; last write wins orders writes with your LastWriteWins",
        CREATE,
        LastWriteWins.class,
        MultiLeader.class,
        (stage, cluster) -> cluster.useLwwOrder(new Learner(stage)));
  }

  /** The learner's order, each call made through the scenario so that a throw can be named. */
  static final class Learner implements LwwOrder {
    private final Scenario scenario;
    private final LwwOrder learner = new LastWriteWins();

    Learner(Scenario scenario) {
      this.scenario = scenario;
    }

    @Override
    public int compare(Write a, Write b) {
      return scenario.learnerCall(() -> learner.compare(a, b));
    }
  }

  private static void everyNodeReads(Scenario scenario, String key, String expected, String why) {
    for (int node = 1; node <= 6; node++) {
      Result.ReadDone read =
          (Result.ReadDone) scenario.run("read " + key + " via n" + node).result();
      if (!java.util.Objects.equals(expected, read.value())) {
        throw scenario.failure(
            "n" + node + " read " + key + " = " + (read.value() == null ? "(none)" : read.value()),
            why,
            null);
      }
    }
  }

  @Test
  @Points(5)
  void twoWritesWithOneTimestampEndTheSameInEveryDatacenter() {
    Scenario scenario = start(1, "eu and us write one key at once; both get Lamport timestamp 1");
    scenario.run("write title apple & write title zebra as bob@us");
    scenario.run("settle");
    everyNodeReads(
        scenario,
        "title",
        "zebra",
        "the timestamps tie, so the greater value, zebra, wins on every node");
  }

  @Test
  @Points(4)
  void aDeleteStampedAtTheSameInstantAsAWriteWins() {
    Scenario scenario =
        start(2, "eu deletes a key while us writes it, both at Lamport timestamp 2");
    scenario.runAll("write k v0 as carol@ap", "settle");
    scenario.run("delete k & write k back as bob@us");
    scenario.run("settle");
    everyNodeReads(
        scenario,
        "k",
        null,
        "at equal timestamps a delete beats a write, so k stays deleted everywhere");
  }

  @Test
  @Points(6)
  void underFaultsEveryNodeKeepsWhatTheEnginesOrderKeeps() {
    for (long seed = 1; seed <= 5; seed++) {
      List<String> script = schedule(seed);
      Scenario scenario =
          start(seed, "writes and deletes from three datacenters through crashes and partitions");
      script.forEach(scenario::run);
      Session reference = new Session(seed);
      reference.execute(CREATE);
      for (String line : script) {
        for (Executed executed : reference.execute(line)) {
          if (!executed.ok()) {
            throw new IllegalStateException("the reference run rejected '" + line + "'");
          }
        }
      }
      for (int k = 0; k < 3; k++) {
        List<String> expected = holds(line -> reference.execute(line).get(0).result(), k);
        List<String> got = holds(line -> scenario.run(line).result(), k);
        if (!expected.equals(got)) {
          throw scenario.failure(
              "k" + k + " ends as " + got, "what the engine's own order keeps: " + expected, null);
        }
      }
    }
  }

  private static List<String> holds(java.util.function.Function<String, Result> run, int k) {
    List<String> holds = new ArrayList<>();
    MultiLeaderResults.Inspection inspection =
        (MultiLeaderResults.Inspection) run.apply("inspect k" + k);
    for (MultiLeaderResults.Copy copy : inspection.copies()) {
      holds.add(copy.node() + " " + copy.holds());
    }
    return holds;
  }

  private static List<String> schedule(long seed) {
    SplittableRandom random = new SplittableRandom(seed * 19 + 11);
    List<String> script = new ArrayList<>();
    String[] clients = {"ana@eu", "bob@us", "carol@ap"};
    String[] leaders = {"n1", "n3", "n5"};
    boolean[] down = new boolean[3];
    String[] values = {"a", "b", "c"};
    for (int step = 0; step < 40; step++) {
      int dc = random.nextInt(3);
      int other = (dc + 1 + random.nextInt(2)) % 3;
      String key = "k" + random.nextInt(3);
      int pick = random.nextInt(100);
      String value = values[random.nextInt(values.length)];
      if (pick < 30 && !down[dc]) {
        script.add("write " + key + " " + value + " as " + clients[dc]);
      } else if (pick < 50 && !down[dc] && !down[other]) {
        String first = random.nextInt(4) == 0 ? "delete " + key : "write " + key + " " + value;
        script.add(
            first
                + " as "
                + clients[dc]
                + " & write "
                + key
                + " "
                + values[random.nextInt(3)]
                + " as "
                + clients[other]);
      } else if (pick < 56 && !down[dc]) {
        script.add("crash " + leaders[dc]);
        down[dc] = true;
      } else if (pick < 68 && down[dc]) {
        script.add("restart " + leaders[dc]);
        down[dc] = false;
      } else if (pick < 76) {
        script.add("partition " + leaders[dc] + " -> " + leaders[other]);
      } else if (pick < 84) {
        script.add("heal");
      } else {
        script.add("settle");
      }
    }
    script.add("heal");
    for (int dc = 0; dc < 3; dc++) {
      if (down[dc]) {
        script.add("restart " + leaders[dc]);
      }
    }
    script.add("settle");
    return script;
  }
}
