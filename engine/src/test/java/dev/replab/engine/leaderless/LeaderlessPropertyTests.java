package dev.replab.engine.leaderless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.cluster.NodeState;
import dev.replab.engine.command.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random fault schedules against a leaderless cluster. Two promises the lessons make must hold on
 * every schedule: with anti-entropy on, every replica holds the same versions once the faults heal
 * and the cluster settles; and with W + R > N and a strict quorum, no read returns a version older
 * than a write that completed before the read began, because a replica keeps what it acknowledged
 * across a crash. A failure prints its seed and the script that broke.
 */
class LeaderlessPropertyTests {
  private static final int SCHEDULES = 40;
  private static final int STEPS = 60;
  private static final int NODES = 5;

  static Stream<Arguments> schedules() {
    return IntStream.rangeClosed(1, SCHEDULES)
        .boxed()
        .flatMap(seed -> Stream.of(Arguments.of(seed, "off"), Arguments.of(seed, "on")));
  }

  @ParameterizedTest(name = "seed {0}, sloppy={1}")
  @MethodSource("schedules")
  void replicasConvergeAndStrictQuorumsReadNothingOlderThanACompletedWrite(
      int seed, String sloppy) {
    List<String> script = schedule(seed, sloppy);
    String context = "seed " + seed + ", script:\n" + String.join("\n", script);
    Session session = new Session(seed);
    for (String line : script) {
      for (Executed executed : session.execute(line)) {
        assertTrue(
            executed.ok(), () -> "rejected '" + line + "': " + executed.error() + "\n" + context);
      }
    }
    assertEquals(List.of(), findings(session, "check divergence"), context);
    if (sloppy.equals("off")) {
      assertEquals(List.of(), findings(session, "check stale-read"), context);
    }
  }

  private static List<Result.FindingRow> findings(Session session, String check) {
    List<Executed> executed = session.execute(check);
    Result result = executed.get(executed.size() - 1).result();
    return ((Result.CheckReport) result).findings();
  }

  /**
   * Writes, reads (some of them started together with {@code &}) and faults on random nodes, then
   * every fault undone and time for anti-entropy and hinted handoff to finish their work.
   */
  private static List<String> schedule(int seed, String sloppy) {
    SplittableRandom random = new SplittableRandom(seed * 104_729L + sloppy.length());
    List<String> script = new ArrayList<>();
    script.add(
        "create leaderless nodes="
            + NODES
            + " anti-entropy=500ms sloppy="
            + sloppy
            + " handoff=300ms quorum-timeout=400ms read-repair="
            + (random.nextBoolean() ? "on" : "off"));
    TreeMap<String, NodeState> states = new TreeMap<>();
    for (int i = 1; i <= NODES; i++) {
      states.put("n" + i, NodeState.UP);
    }
    int value = 0;
    for (int step = 0; step < STEPS; step++) {
      String node = "n" + (1 + random.nextInt(NODES));
      String key = "k" + random.nextInt(4);
      int pick = random.nextInt(100);
      if (pick < 35) {
        script.add("write " + key + " " + (++value) + via(random, states));
      } else if (pick < 55) {
        script.add("read " + key + via(random, states));
      } else if (pick < 62) {
        script.add(
            "write "
                + key
                + " "
                + (++value)
                + via(random, states)
                + " & read "
                + key
                + via(random, states)
                + " after="
                + (1 + random.nextInt(20))
                + "ms");
      } else if (pick < 68 && states.get(node) == NodeState.UP && upCount(states) > 2) {
        script.add("crash " + node);
        states.put(node, NodeState.CRASHED);
      } else if (pick < 76 && states.get(node) == NodeState.CRASHED) {
        script.add("restart " + node);
        states.put(node, NodeState.UP);
      } else if (pick < 80 && states.get(node) == NodeState.UP && upCount(states) > 2) {
        script.add("pause " + node);
        states.put(node, NodeState.PAUSED);
      } else if (pick < 84 && states.get(node) == NodeState.PAUSED) {
        script.add("resume " + node);
        states.put(node, NodeState.UP);
      } else if (pick < 89) {
        script.add("partition " + node);
      } else if (pick < 94) {
        script.add("heal");
      } else {
        script.add("tick " + (10 + random.nextInt(1500)) + "ms");
      }
    }
    script.add("heal");
    states.forEach(
        (node, state) -> {
          if (state == NodeState.CRASHED) {
            script.add("restart " + node);
          } else if (state == NodeState.PAUSED) {
            script.add("resume " + node);
          }
        });
    script.add("tick 10s");
    script.add("settle");
    return script;
  }

  /** A coordinator that is up, named for the operation (or none: the client's nearest). */
  private static String via(SplittableRandom random, TreeMap<String, NodeState> states) {
    List<String> up =
        states.entrySet().stream()
            .filter(e -> e.getValue() == NodeState.UP)
            .map(e -> e.getKey())
            .toList();
    int pick = random.nextInt(up.size() + 1);
    return pick == up.size() ? "" : " via " + up.get(pick);
  }

  private static long upCount(TreeMap<String, NodeState> states) {
    return states.values().stream().filter(s -> s == NodeState.UP).count();
  }
}
