package dev.replab.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.cluster.Cluster;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The SVG space-time diagram: drawn from the trace, marked where things went wrong, repeatable. */
class SpaceTimeSvgTests {
  /** A follower cut off while writes go on, read while behind, healed, read again. */
  private static final String[] CUT_OFF = {
    "create leader-follower nodes=3",
    "write x 1",
    "tick 50ms",
    "partition n3 | n1 n2",
    "write x 2",
    "tick 50ms",
    "write x 3",
    "read x from n3",
    "heal",
    "tick 150ms",
    "read x from n3"
  };

  private static Cluster run(long seed, String... lines) {
    Lab lab = new Lab(seed);
    lab.runAll(lines);
    return lab.session().cluster();
  }

  private static long countOf(String text, String part) {
    long count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void drawsAnArrowPerMessageWithItsLabel() {
    Cluster cluster = run(1, CUT_OFF);
    SpaceTimeSvg.Options options = SpaceTimeSvg.Options.since(0);
    String svg = SpaceTimeSvg.render(cluster, options);

    Document document = SvgChecks.parse(svg);
    List<String> texts = SvgChecks.texts(document);
    for (String lane : List.of("app", "n1", "n2", "n3")) {
      assertTrue(texts.contains(lane), "a lane for " + lane + ": " + texts);
    }
    int messages = SpaceTimeSvg.count(cluster, options);
    assertTrue(messages > 10, "the run sends more than ten messages, got " + messages);
    // Each message is drawn as a group whose tooltip says where it went and when.
    long arrows =
        SvgChecks.titles(document).stream().filter(title -> title.contains(", sent at ")).count();
    assertEquals(messages, arrows, "one arrow per message");
    assertTrue(texts.contains("write x=1"), "the client's first write is labelled: " + texts);
    assertTrue(
        texts.contains("append 2-3"), "the leader resends what n3 missed in one append: " + texts);
  }

  @Test
  void marksTheStaleReadAndTheMessagesThePartitionDropped() {
    String svg = SpaceTimeSvg.render(run(1, CUT_OFF), SpaceTimeSvg.Options.since(0));

    List<String> texts = SvgChecks.texts(SvgChecks.parse(svg));
    assertTrue(
        texts.contains("ok 1 @1 STALE"),
        "the read from n3 while it was cut off is stale: " + texts);
    assertTrue(texts.contains("ok 3 @3"), "the read after the heal is not: " + texts);
    assertEquals(1, countOf(svg, "STALE"), "only the one stale read is marked");
    // Appends 2 and 3 were sent to n3 across the partition and dropped: two crosses, two dashed
    // lines.
    assertEquals(2, countOf(svg, "dropped by the partition"), svg);
    assertEquals(2, countOf(svg, "stroke-width=\"2.2\""), "a cross for each dropped message");
    assertTrue(
        texts.contains("lost or dropped") && texts.contains("stale reply"),
        "the legend explains the marks: " + texts);
    assertFalse(
        texts.contains("cluster-wide change"),
        "no mark across the cluster was given, so the legend has none");
  }

  @Test
  void heartbeatsAreLeftOutUnlessAskedFor() {
    Cluster cluster = run(1, CUT_OFF);
    String quiet = SpaceTimeSvg.render(cluster, SpaceTimeSvg.Options.since(0));
    String all = SpaceTimeSvg.render(cluster, SpaceTimeSvg.Options.since(0).withHeartbeats(true));

    assertFalse(quiet.contains("heartbeat e1"), "no heartbeats by default");
    assertTrue(all.contains("heartbeat e1"), "heartbeats when asked for");
    assertTrue(
        SpaceTimeSvg.count(cluster, SpaceTimeSvg.Options.since(0).withHeartbeats(true))
            > SpaceTimeSvg.count(cluster, SpaceTimeSvg.Options.since(0)));
  }

  @Test
  void showsClusterEventsAndCallersMarks() {
    Cluster cluster =
        run(
            1,
            "create leader-follower nodes=3",
            "failover auto detect=1s",
            "write x 1",
            "crash n1",
            "tick 1500ms",
            "write x 2");
    long healAt = cluster.sim().nowUs() - 1;
    String svg =
        SpaceTimeSvg.render(
            cluster,
            SpaceTimeSvg.Options.since(0)
                .withMarks(
                    List.of(
                        new SpaceTimeSvg.Mark(
                            healAt, null, "an operator looks at the dashboard"))));

    String texts = String.join("\n", SvgChecks.texts(SvgChecks.parse(svg)));
    assertTrue(texts.contains("n1 crashed"), texts);
    assertTrue(texts.contains("won the election"), "the election is an event: " + texts);
    assertTrue(texts.contains("vote for me? e2"), "and its messages are drawn: " + texts);
    assertTrue(
        texts.contains("an operator looks at the"),
        "a caller's mark is drawn like an event: " + texts);
    assertTrue(
        texts.contains("event at a node") && texts.contains("cluster-wide change"),
        "the legend explains both: " + texts);
  }

  @Test
  void tooltipsCanBeLeftOutForPaper() {
    Cluster cluster = run(1, CUT_OFF);
    String screen = SpaceTimeSvg.render(cluster, SpaceTimeSvg.Options.since(0));
    String paper = SpaceTimeSvg.render(cluster, SpaceTimeSvg.Options.since(0).withTooltips(false));

    assertTrue(screen.contains("<title>"));
    assertFalse(paper.contains("<title>"), "no tooltips");
    assertEquals(screen.replaceAll("<title>[^<]*</title>", ""), paper, "and nothing else changes");
  }

  @Test
  void aMessageStillOnItsWayIsDrawnAsInFlight() {
    // The write returns when the leader has it; its appends to the followers are still travelling.
    Cluster cluster =
        run(1, "create leader-follower nodes=3", "link n1 n3 latency=const(50ms)", "write x 1");
    String svg = SpaceTimeSvg.render(cluster, SpaceTimeSvg.Options.since(0));

    assertTrue(svg.contains("still on its way when the run stopped"), svg);
    assertTrue(
        SvgChecks.texts(SvgChecks.parse(svg)).contains("still in flight"),
        "the legend explains the open circle");
  }

  @Test
  void sinceLeavesOutWhatCameBefore() {
    Lab lab = new Lab(1);
    lab.runAll("create leader-follower nodes=3", "write early 1", "settle");
    long since = lab.session().nowUs();
    lab.runAll("write late 2");
    String svg = SpaceTimeSvg.render(lab.session().cluster(), SpaceTimeSvg.Options.since(since));

    assertFalse(svg.contains("write early=1"), "an earlier write is not drawn");
    assertTrue(svg.contains("write late=2"));
  }

  @Test
  void tooManyMessagesKeepsTheNewestAndSaysSo() {
    Cluster cluster = run(1, CUT_OFF);
    int all = SpaceTimeSvg.count(cluster, SpaceTimeSvg.Options.since(0));
    String svg = SpaceTimeSvg.render(cluster, SpaceTimeSvg.Options.since(0).withMaxArrows(5));

    assertTrue(svg.contains((all - 5) + " earlier messages not shown"), svg);
    assertFalse(svg.contains("write x=1"), "the oldest messages are the ones left out");
    assertThrows(
        IllegalArgumentException.class, () -> SpaceTimeSvg.Options.since(0).withMaxArrows(0));
  }

  @Test
  void sameSeedAndCommandsGiveTheSameBytes() {
    SpaceTimeSvg.Options options = SpaceTimeSvg.Options.since(0).withHeartbeats(true);
    String first = SpaceTimeSvg.render(run(7, CUT_OFF), options);
    String second = SpaceTimeSvg.render(run(7, CUT_OFF), options);
    assertEquals(first, second);
    assertEquals(
        SpaceTimeSvg.animate(run(7, CUT_OFF), options),
        SpaceTimeSvg.animate(run(7, CUT_OFF), options));

    String otherRun =
        SpaceTimeSvg.render(
            run(7, "create leader-follower nodes=3", "write x 1", "read x from n2"), options);
    assertNotEquals(first, otherRun, "a different run draws a different diagram");
  }

  @Test
  void textIsAsciiEvenForValuesThatAreNot() {
    Cluster cluster =
        run(
            1,
            "create leader-follower nodes=3",
            "write city \"K\u00f6ln\u2192\u6771\u4eac\"",
            "read city from n2");
    String still = SpaceTimeSvg.render(cluster, SpaceTimeSvg.Options.since(0));
    String moving = SpaceTimeSvg.animate(cluster, SpaceTimeSvg.Options.since(0));

    SvgChecks.assertAscii(still);
    SvgChecks.assertAscii(moving);
    assertTrue(
        SvgChecks.texts(SvgChecks.parse(still)).contains("write city=K?ln->??"),
        "non-ASCII letters become ?, arrows ->: " + still);
  }

  @Test
  void animationIsValidAndEndsOnTheStillDiagram() {
    Cluster cluster = run(1, CUT_OFF);
    SpaceTimeSvg.Options options = SpaceTimeSvg.Options.since(0).withHeartbeats(true);
    String moving = SpaceTimeSvg.animate(cluster, options);
    String still = SpaceTimeSvg.render(cluster, options);

    Document document = SvgChecks.parse(moving);
    SvgChecks.assertAnimationsValid(document);
    assertTrue(
        SvgChecks.count(document, "animate") > 3 * SpaceTimeSvg.count(cluster, options),
        "every message moves: its line grows, its head and label appear");
    assertTrue(document.getDocumentElement().getAttribute("class").contains("replab-animation"));
    assertFalse(still.contains("<animate"), "the still diagram has no animation");
    // Without the animation, the animated drawing is exactly the still one: its final frame.
    assertEquals(SvgChecks.withoutRoot(still), SvgChecks.withoutAnimation(moving));
  }

  @Test
  void anEmptyWindowStillDrawsTheLanes() {
    Cluster cluster = run(1, "create leader-follower nodes=2");
    String svg =
        SpaceTimeSvg.render(cluster, SpaceTimeSvg.Options.since(cluster.sim().nowUs() + 1));

    List<String> texts = SvgChecks.texts(SvgChecks.parse(svg));
    assertTrue(texts.contains("n1") && texts.contains("n2"), texts.toString());
    assertFalse(svg.contains("<polygon"), "no messages, no arrow heads");
  }
}
