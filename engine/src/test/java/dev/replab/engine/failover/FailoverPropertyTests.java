package dev.replab.engine.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.check.Finding;
import dev.replab.engine.check.LostWrites;
import dev.replab.engine.check.RunRecord;
import dev.replab.engine.cluster.NodeState;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random fault schedules against automatic failover. With a commit rule that waits for a majority,
 * no acknowledged write may be lost, and no epoch may have two leaders accepting writes. Each
 * schedule is a seed: a failure message prints it and the script that broke.
 */
class FailoverPropertyTests {
  private static final int SCHEDULES = 40;
  private static final int STEPS = 45;

  static Stream<Arguments> schedules() {
    return IntStream.rangeClosed(1, SCHEDULES)
        .boxed()
        .flatMap(seed -> Stream.of(Arguments.of(seed, 3, "1"), Arguments.of(seed, 5, "2")));
  }

  @ParameterizedTest(name = "seed {0}, {1} nodes, setquorum {2}")
  @MethodSource("schedules")
  void majorityCommitsSurviveRandomFaults(int seed, int nodes, String quorum) throws Exception {
    List<String> script = schedule(seed, nodes, quorum);
    Session session = new Session(seed);
    for (String line : script) {
      for (Executed executed : session.execute(line)) {
        assertTrue(
            executed.ok(),
            () ->
                "seed "
                    + seed
                    + ": rejected '"
                    + executed.source()
                    + "': "
                    + executed.error()
                    + "\n"
                    + String.join("\n", script));
      }
    }
    RunRecord record = session.cluster().runRecord();
    String context = "seed " + seed + ", script:\n" + String.join("\n", script);
    List<Finding> lost = new LostWrites().check(record);
    assertEquals(List.of(), lost, context);
    assertOneWriterPerEpoch(record, context);
  }

  private static void assertOneWriterPerEpoch(RunRecord record, String context) {
    Map<Integer, String> writerOfEpoch = new HashMap<>();
    for (Operation op : record.operations()) {
      if (op.isWrite() && op.outcome() == Outcome.OK) {
        String before = writerOfEpoch.putIfAbsent(op.epoch(), op.node());
        assertTrue(
            before == null || before.equals(op.node()),
            () ->
                "epoch "
                    + op.epoch()
                    + " had two writers, "
                    + before
                    + " and "
                    + op.node()
                    + "\n"
                    + context);
      }
    }
    Map<Integer, String> leaderOfEpoch = new HashMap<>();
    for (RunRecord.Term term : record.terms()) {
      String before = leaderOfEpoch.putIfAbsent(term.epoch(), term.node());
      assertTrue(
          before == null || before.equals(term.node()),
          () ->
              "epoch "
                  + term.epoch()
                  + " was led by both "
                  + before
                  + " and "
                  + term.node()
                  + "\n"
                  + context);
    }
  }

  /** A random but reproducible schedule of writes, reads and faults, then a calm ending. */
  private static List<String> schedule(int seed, int nodes, String quorum) {
    SplittableRandom random = new SplittableRandom(seed * 7919L + nodes);
    List<String> script = new ArrayList<>();
    script.add("create leader-follower nodes=" + nodes + " timeout=3s");
    script.add("setquorum " + quorum);
    script.add("failover auto detect=500ms heartbeat=100ms");
    Map<String, NodeState> states = new HashMap<>();
    for (int i = 1; i <= nodes; i++) {
      states.put("n" + i, NodeState.UP);
    }
    int value = 0;
    for (int step = 0; step < STEPS; step++) {
      String node = "n" + (1 + random.nextInt(nodes));
      int pick = random.nextInt(100);
      if (pick < 40) {
        script.add("write k" + random.nextInt(4) + " " + (++value));
      } else if (pick < 48) {
        script.add("read k" + random.nextInt(4));
      } else if (pick < 56 && states.get(node) == NodeState.UP) {
        script.add("crash " + node);
        states.put(node, NodeState.CRASHED);
      } else if (pick < 64 && states.get(node) == NodeState.CRASHED) {
        script.add("restart " + node);
        states.put(node, NodeState.UP);
      } else if (pick < 70 && states.get(node) == NodeState.UP) {
        script.add("pause " + node);
        states.put(node, NodeState.PAUSED);
      } else if (pick < 76 && states.get(node) == NodeState.PAUSED) {
        script.add("resume " + node);
        states.put(node, NodeState.UP);
      } else if (pick < 82) {
        script.add("partition " + node);
      } else if (pick < 88) {
        script.add("heal");
      } else {
        script.add("tick " + (10 + random.nextInt(2000)) + "ms");
      }
    }
    script.add("heal");
    for (Map.Entry<String, NodeState> entry : new java.util.TreeMap<>(states).entrySet()) {
      if (entry.getValue() == NodeState.CRASHED) {
        script.add("restart " + entry.getKey());
      } else if (entry.getValue() == NodeState.PAUSED) {
        script.add("resume " + entry.getKey());
      }
    }
    script.add("tick 10s");
    script.add("settle");
    return script;
  }
}
