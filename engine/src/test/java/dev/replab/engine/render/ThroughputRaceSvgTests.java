package dev.replab.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.command.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The throughput race: one bar per cluster size, filled by the requests its nodes really served.
 */
class ThroughputRaceSvgTests {
  private static final String LOAD = "load ops=600 clients=32 reads=90";

  private static ThroughputRaceSvg.Lane lane(int nodes) {
    Lab lab = new Lab(1);
    lab.run("create leader-follower nodes=" + nodes + " reads=round-robin service=1ms");
    long start = lab.session().nowUs();
    Result.LoadDone done = lab.result(LOAD, Result.LoadDone.class);
    return ThroughputRaceSvg.Lane.of(
        nodes + " nodes", lab.session().cluster(), start, done.throughputOpsS());
  }

  private static List<ThroughputRaceSvg.Lane> lanes() {
    List<ThroughputRaceSvg.Lane> lanes = new ArrayList<>();
    for (int nodes : new int[] {1, 4}) {
      lanes.add(lane(nodes));
    }
    return lanes;
  }

  @Test
  void laneCountsEveryRequestForTheNodeThatServedIt() {
    ThroughputRaceSvg.Lane four = lane(4);

    assertEquals(600, four.served().size(), "every operation of the load is counted once");
    assertEquals(List.of("n1", "n2", "n3", "n4"), four.nodes(), "the leader comes first");
    int sum = 0;
    for (String node : four.nodes()) {
      sum += four.servedBy(node, Long.MAX_VALUE);
    }
    assertEquals(600, sum);
    // With round-robin reads the leader takes only the writes: about a tenth of the requests.
    assertTrue(
        four.servedBy("n1", Long.MAX_VALUE) < 120,
        "n1 served " + four.servedBy("n1", Long.MAX_VALUE));
    assertTrue(four.servedBy("n2", Long.MAX_VALUE) > 120, "the followers share the reads");
    assertTrue(
        four.servedBy("n2", four.elapsedUs() / 2) < four.servedBy("n2", four.elapsedUs()),
        "a node serves over time");
  }

  @Test
  void drawsEachClusterWithItsMeasuredThroughput() {
    List<ThroughputRaceSvg.Lane> lanes = lanes();
    String svg = ThroughputRaceSvg.render(lanes);

    Document document = SvgChecks.parse(svg);
    List<String> texts = SvgChecks.texts(document);
    assertTrue(texts.contains("1 nodes") && texts.contains("4 nodes"), texts.toString());
    assertTrue(
        texts.stream().anyMatch(text -> text.startsWith("600 in ")),
        "how long each took: " + texts);
    assertTrue(
        texts.contains(
            String.format(java.util.Locale.ROOT, "%,.0f ops/s", lanes.get(1).throughputOpsS())),
        texts.toString());
    assertTrue(
        lanes.get(1).throughputOpsS() > 2 * lanes.get(0).throughputOpsS(),
        "four nodes serve reads faster than one");
    // One segment per node: 1 + 4, each with a tooltip saying what it served.
    assertEquals(
        5,
        SvgChecks.titles(document).stream().filter(title -> title.contains(" answered ")).count());
    SvgChecks.assertAscii(svg);
  }

  @Test
  void animationIsValidAndEndsOnTheFinishedRace() {
    List<ThroughputRaceSvg.Lane> lanes = lanes();
    String moving = ThroughputRaceSvg.animate(lanes);
    String still = ThroughputRaceSvg.render(lanes);

    Document document = SvgChecks.parse(moving);
    SvgChecks.assertAnimationsValid(document);
    assertTrue(SvgChecks.count(document, "animate") >= 2 * 5, "each segment grows and slides");
    assertFalse(still.contains("<animate"));
    assertTrue(SvgChecks.texts(document).contains("t = 0us"), "a clock counts simulated time");
    SvgChecks.assertAscii(moving);
  }

  @Test
  void sameRunsGiveTheSameBytes() {
    String first = ThroughputRaceSvg.animate(lanes());
    String second = ThroughputRaceSvg.animate(lanes());
    assertEquals(first, second, "the same runs must draw the same bytes");
    assertThrows(IllegalArgumentException.class, () -> ThroughputRaceSvg.render(List.of()));
  }
}
