package dev.replab.exercises.ex14;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.api.VersionVectorRule;
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
 * Graded, Exercise 14: the learner's rule as every node's way of telling which writes saw which, in
 * a multi-leader cluster that keeps concurrent writes as siblings (eu is n1, us n3, ap n5).
 */
class VectorScenarioTests {
  private static final String CREATE = "create multi-leader conflicts=siblings";

  private static Scenario start(long seed, String story) {
    return Scenario.startOn(
        seed,
        story + "; every node compares and merges version vectors with your VersionVectors",
        CREATE,
        VersionVectors.class,
        MultiLeader.class,
        (scenario, cluster) -> cluster.useVersionRule(new Learner(scenario)));
  }

  /** The learner's rule, each call made through the scenario so that a throw can be named. */
  static final class Learner implements VersionVectorRule {
    private final Scenario scenario;
    private final VersionVectorRule learner = new VersionVectors();

    Learner(Scenario scenario) {
      this.scenario = scenario;
    }

    @Override
    public Order compare(List<Entry> a, List<Entry> b) {
      return scenario.learnerCall(() -> learner.compare(a, b));
    }

    @Override
    public List<Entry> merge(List<Entry> a, List<Entry> b) {
      return scenario.learnerCall(() -> learner.merge(a, b));
    }
  }

  private static Result.ReadDone read(Scenario scenario, String line) {
    return (Result.ReadDone) scenario.run(line).result();
  }

  @Test
  @Points(5)
  void concurrentWritesStayAsSiblingsUntilAWriteThatSawThemReplacesThem() {
    Scenario scenario = start(1, "eu and us write one key at once, then eu writes it again");
    scenario.run("write title draft-ana & write title draft-bob as bob@us");
    scenario.run("settle");
    Result.ReadDone both = read(scenario, "read title as carol@ap");
    if (!both.siblings().equals(List.of("draft-ana", "draft-bob"))) {
      throw scenario.failure(
          "ap read " + both.value() + " with siblings " + both.siblings(),
          "the two writes saw neither the other, so both stay as siblings: {draft-ana, draft-bob}",
          null);
    }
    scenario.run("write title final");
    scenario.run("settle");
    Result.ReadDone after = read(scenario, "read title as bob@us");
    if (!"final".equals(after.value()) || !after.siblings().isEmpty()) {
      throw scenario.failure(
          "us read " + after.value() + " with siblings " + after.siblings(),
          "eu's leader held both drafts when it wrote 'final', so 'final' replaces them everywhere",
          null);
    }
  }

  @Test
  @Points(4)
  void aWriteThatSawTheLastOneReplacesItInEveryDatacenter() {
    Scenario scenario = start(2, "eu writes, us sees it and writes over it, then ap does");
    scenario.runAll("write x 1", "settle", "write x 2 as bob@us", "settle");
    scenario.runAll("write x 3 as carol@ap", "settle");
    for (String node : List.of("n1", "n3", "n5")) {
      Result.ReadDone read = read(scenario, "read x via " + node);
      if (!"3".equals(read.value()) || !read.siblings().isEmpty()) {
        throw scenario.failure(
            node + " read " + read.value() + " with siblings " + read.siblings(),
            "each write had seen the one before it, so the last one, 3, replaces them all, with no"
                + " siblings",
            null);
      }
    }
  }

  @Test
  @Points(6)
  void underFaultsEveryNodeKeepsWhatTheEnginesOwnVectorsKeep() {
    for (long seed = 1; seed <= 6; seed++) {
      List<String> script = schedule(seed);
      Scenario scenario =
          start(seed, "writes from three datacenters to four keys through crashes and partitions");
      script.forEach(scenario::run);
      List<String> expected = finalState(referenceRun(seed, script));
      List<String> got = finalState(scenario);
      for (int i = 0; i < expected.size(); i++) {
        if (!expected.get(i).equals(got.get(i))) {
          throw scenario.failure(
              "after the schedule, " + got.get(i),
              "what the engine's own vectors keep: " + expected.get(i),
              null);
        }
      }
    }
  }

  /** Concurrent and sequential writes, crashes and one-way partitions, then every fault undone. */
  private static List<String> schedule(long seed) {
    SplittableRandom random = new SplittableRandom(seed * 31 + 7);
    List<String> script = new ArrayList<>();
    String[] clients = {"ana@eu", "bob@us", "carol@ap"};
    String[] leaders = {"n1", "n3", "n5"};
    boolean[] down = new boolean[3];
    int value = 0;
    for (int step = 0; step < 40; step++) {
      int dc = random.nextInt(3);
      int other = (dc + 1 + random.nextInt(2)) % 3;
      String key = "k" + random.nextInt(4);
      int pick = random.nextInt(100);
      if (pick < 35 && !down[dc]) {
        script.add("write " + key + " v" + (++value) + " as " + clients[dc]);
      } else if (pick < 55 && !down[dc] && !down[other]) {
        script.add(
            "write "
                + key
                + " v"
                + (++value)
                + " as "
                + clients[dc]
                + " & write "
                + key
                + " v"
                + (++value)
                + " as "
                + clients[other]);
      } else if (pick < 62 && !down[dc]) {
        script.add("crash " + leaders[dc]);
        down[dc] = true;
      } else if (pick < 72 && down[dc]) {
        script.add("restart " + leaders[dc]);
        down[dc] = false;
      } else if (pick < 80) {
        script.add("partition " + leaders[dc] + " -> " + leaders[other]);
      } else if (pick < 86) {
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

  private static Session referenceRun(long seed, List<String> script) {
    Session session = new Session(seed);
    session.execute(CREATE);
    for (String line : script) {
      for (Executed executed : session.execute(line)) {
        if (!executed.ok()) {
          throw new IllegalStateException("the reference run rejected '" + line + "'");
        }
      }
    }
    return session;
  }

  private static List<String> finalState(Session session) {
    return keys(line -> session.execute(line).get(0).result());
  }

  private static List<String> finalState(Scenario scenario) {
    return keys(line -> scenario.run(line).result());
  }

  /** What every node holds of each key, one sentence per key and node. */
  private static List<String> keys(java.util.function.Function<String, Result> run) {
    List<String> state = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      MultiLeaderResults.Inspection inspection =
          (MultiLeaderResults.Inspection) run.apply("inspect k" + k);
      for (MultiLeaderResults.Copy copy : inspection.copies()) {
        state.add(copy.node() + " holds k" + k + " as " + copy.holds());
      }
    }
    return state;
  }
}
