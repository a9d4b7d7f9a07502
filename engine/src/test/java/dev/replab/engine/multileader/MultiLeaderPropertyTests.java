package dev.replab.engine.multileader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.command.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random schedules of concurrent updates, writes, crashes, pauses and partitions on every topology:
 * once every fault is undone and the cluster settles, every node agrees on every key, and a counter
 * holds exactly the sum of the increments its leaders acknowledged. A failure prints its seed and
 * the script that broke.
 */
class MultiLeaderPropertyTests {
  private static final int SCHEDULES = 25;
  private static final int STEPS = 60;
  private static final List<String> DCS = List.of("eu", "us", "ap");

  static Stream<Arguments> schedules() {
    return IntStream.rangeClosed(1, SCHEDULES)
        .boxed()
        .flatMap(
            seed -> Stream.of("all-to-all", "circular", "star").map(t -> Arguments.of(seed, t)));
  }

  @ParameterizedTest(name = "seed {0}, topology={1}")
  @MethodSource("schedules")
  void everyNodeConvergesAndNoIncrementIsLost(int seed, String topology) {
    SplittableRandom random = new SplittableRandom(seed * 7_919L + topology.length());
    List<String> script = new ArrayList<>();
    script.add(
        "create multi-leader followers=1 retry=200ms topology="
            + topology
            + " conflicts="
            + (random.nextBoolean() ? "lww" : "siblings"));
    script.add("type hits pn-counter");
    script.add("type tags set");
    TreeSet<String> down = new TreeSet<>();
    long expected = 0;
    int value = 0;
    for (int step = 0; step < STEPS; step++) {
      int dc = random.nextInt(DCS.size());
      String leader = "n" + (1 + 2 * dc);
      String client = "c" + dc + "@" + DCS.get(dc);
      int pick = random.nextInt(100);
      if (pick < 30 && !down.contains(leader)) {
        int other = (dc + 1 + random.nextInt(2)) % DCS.size();
        String otherLeader = "n" + (1 + 2 * other);
        long a = 1 + random.nextInt(5);
        if (down.contains(otherLeader)) {
          script.add("incr hits " + a + " as " + client);
        } else {
          script.add(
              "incr hits "
                  + a
                  + " as "
                  + client
                  + " & decr hits 1 as c"
                  + other
                  + "@"
                  + DCS.get(other));
          expected -= 1;
        }
        expected += a;
      } else if (pick < 45 && !down.contains(leader)) {
        script.add("write k" + random.nextInt(3) + " " + (++value) + " as " + client);
      } else if (pick < 55 && !down.contains(leader)) {
        script.add(
            (random.nextBoolean() ? "add" : "remove")
                + " tags t"
                + random.nextInt(3)
                + " as "
                + client);
      } else if (pick < 62 && !down.contains(leader)) {
        script.add("crash " + leader);
        down.add(leader);
      } else if (pick < 72 && down.contains(leader)) {
        script.add("restart " + leader);
        down.remove(leader);
      } else if (pick < 78) {
        script.add("partition n" + (1 + 2 * dc) + " -> n" + (1 + 2 * ((dc + 1) % DCS.size())));
      } else if (pick < 84) {
        script.add("heal");
      } else if (pick < 88) {
        script.add("crash n" + (2 + 2 * dc));
        script.add("restart n" + (2 + 2 * dc));
      } else {
        script.add("tick " + (5 + random.nextInt(300)) + "ms");
      }
    }
    script.add("heal");
    down.forEach(node -> script.add("restart " + node));
    script.add("settle");
    String context = "seed " + seed + ", script:\n" + String.join("\n", script);
    Session session = new Session(seed);
    for (String line : script) {
      for (Executed executed : session.execute(line)) {
        assertTrue(
            executed.ok(), () -> "rejected '" + line + "': " + executed.error() + "\n" + context);
        if (executed.result() instanceof MultiLeaderResults.Updated updated) {
          assertEquals("ok", updated.outcome(), () -> updated.text() + "\n" + context);
        }
      }
    }
    List<Executed> check = session.execute("check divergence");
    Result.CheckReport report = (Result.CheckReport) check.get(0).result();
    assertEquals(List.of(), report.findings(), context);
    for (int node = 1; node <= 6; node++) {
      Executed read = session.execute("read hits via n" + node).get(0);
      assertEquals(
          Long.toString(expected),
          ((Result.ReadDone) read.result()).value(),
          "n" + node + "\n" + context);
    }
  }
}
