package dev.replab.exercises.ex16;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.api.SetCrdt;
import dev.replab.engine.command.Result;
import dev.replab.engine.multileader.MultiLeader;
import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 16: the learner's set as every cart of a three-datacenter multi-leader cluster
 * (eu is n1, us n3, ap n5, each with a follower), under concurrent changes and faults.
 */
class CartScenarioTests {
  private static final String[] CLIENTS = {"ana@eu", "bob@us", "carol@ap"};

  private static Scenario start(long seed, String story) {
    Scenario scenario =
        Scenario.startOn(
            seed,
            story + "; every set keeps its state with your CartSet",
            "create multi-leader",
            CartSet.class,
            MultiLeader.class,
            (stage, cluster) -> cluster.useSets(new Learner(stage)));
    scenario.run("type cart set");
    return scenario;
  }

  /** The learner's set, each call made through the scenario so that a throw can be named. */
  static final class Learner implements SetCrdt {
    private final Scenario scenario;
    private final SetCrdt learner = new CartSet();

    Learner(Scenario scenario) {
      this.scenario = scenario;
    }

    @Override
    public State add(State state, String dc, String element) {
      return scenario.learnerCall(() -> learner.add(state, dc, element));
    }

    @Override
    public State remove(State state, String element) {
      return scenario.learnerCall(() -> learner.remove(state, element));
    }

    @Override
    public State merge(State a, State b) {
      return scenario.learnerCall(() -> learner.merge(a, b));
    }

    @Override
    public List<String> elements(State state) {
      return scenario.learnerCall(() -> learner.elements(state));
    }
  }

  private static void everyNodeReads(Scenario scenario, String expected, String why) {
    for (int node = 1; node <= 6; node++) {
      Result.ReadDone read = (Result.ReadDone) scenario.run("read cart via n" + node).result();
      if (!expected.equals(read.value())) {
        throw scenario.failure("n" + node + " read cart = " + read.value(), why, null);
      }
    }
  }

  @Test
  @Points(5)
  void anAddMadeWhileAnotherDatacenterRemovesTheItemSurvives() {
    Scenario scenario = start(1, "eu and us share a cart; us removes milk while eu adds it again");
    scenario.runAll("add cart milk as ana@eu", "add cart eggs as bob@us", "settle");
    scenario.run("remove cart milk as bob@us & add cart milk as ana@eu");
    scenario.run("settle");
    everyNodeReads(
        scenario,
        "{eggs, milk}",
        "eu's new add of milk had not been seen by us's remove, so milk stays, everywhere");
  }

  @Test
  @Points(4)
  void aRemovedItemStaysRemovedWhenTheCartKeepsChanging() {
    Scenario scenario = start(2, "eu fills the cart, us removes the eggs, then eu and ap add more");
    scenario.runAll("add cart milk as ana@eu", "add cart eggs as ana@eu", "settle");
    scenario.runAll("remove cart eggs as bob@us", "settle");
    scenario.run("add cart tea as ana@eu & add cart jam as carol@ap");
    scenario.run("settle");
    everyNodeReads(
        scenario,
        "{jam, milk, tea}",
        "the remove of eggs had seen their add, so no later merge brings them back (a plain union"
            + " would)");
  }

  @Test
  @Points(6)
  void underFaultsEveryCartEndsAsTheEnginesOwnSetEnds() {
    for (long seed = 1; seed <= 5; seed++) {
      List<String> script = schedule(seed);
      Scenario scenario =
          start(seed, "adds and removes from three datacenters through crashes and partitions");
      script.forEach(scenario::run);
      String expected = reference(seed, script);
      everyNodeReads(scenario, expected, "what the engine's own OR-set holds: " + expected);
    }
  }

  private static List<String> schedule(long seed) {
    SplittableRandom random = new SplittableRandom(seed * 17 + 3);
    List<String> script = new ArrayList<>();
    String[] items = {"milk", "eggs", "tea", "jam"};
    String[] leaders = {"n1", "n3", "n5"};
    boolean[] down = new boolean[3];
    for (int step = 0; step < 40; step++) {
      int dc = random.nextInt(3);
      int other = (dc + 1 + random.nextInt(2)) % 3;
      String item = items[random.nextInt(items.length)];
      int pick = random.nextInt(100);
      if (pick < 30 && !down[dc]) {
        script.add("add cart " + item + " as " + CLIENTS[dc]);
      } else if (pick < 45 && !down[dc]) {
        script.add("remove cart " + item + " as " + CLIENTS[dc]);
      } else if (pick < 58 && !down[dc] && !down[other]) {
        script.add(
            "remove cart "
                + item
                + " as "
                + CLIENTS[dc]
                + " & add cart "
                + item
                + " as "
                + CLIENTS[other]);
      } else if (pick < 64 && !down[dc]) {
        script.add("crash " + leaders[dc]);
        down[dc] = true;
      } else if (pick < 74 && down[dc]) {
        script.add("restart " + leaders[dc]);
        down[dc] = false;
      } else if (pick < 82) {
        script.add("partition " + leaders[dc] + " -> " + leaders[other]);
      } else if (pick < 88) {
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

  /** What the cart holds when the same schedule runs on the engine's own OR-set. */
  private static String reference(long seed, List<String> script) {
    Session session = new Session(seed);
    session.execute("create multi-leader");
    session.execute("type cart set");
    for (String line : script) {
      for (Executed executed : session.execute(line)) {
        if (!executed.ok()) {
          throw new IllegalStateException("the reference run rejected '" + line + "'");
        }
      }
    }
    return ((Result.ReadDone) session.execute("read cart via n1").get(0).result()).value();
  }
}
