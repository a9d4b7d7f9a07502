package dev.replab.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.StructuralNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drawings: space-time diagrams, plots and animations made from real runs while the book
 * renders, inline SVG in the HTML and still SVG images for the PDF.
 */
class FiguresTests {
  private static final Pattern FIGURE =
      Pattern.compile(
          "<div class=\"imageblock replab-figure ([^\"]*)\">\\n<div class=\"content\">\\n(<svg.*?</svg>)\\n</div>\\n<div class=\"title\">([^<]*)</div>",
          Pattern.DOTALL);

  private static final String CUT_OFF =
      String.join(
          "\n",
          "create leader-follower nodes=3",
          "write x 1",
          "tick 50ms",
          "partition n3 | n1 n2",
          "write x 2",
          "read x from n3",
          "heal",
          "tick 150ms");

  private static BookBuilder builder;

  @TempDir Path dir;

  @BeforeAll
  static void startAsciidoctor() {
    builder = new BookBuilder();
  }

  @AfterAll
  static void stopAsciidoctor() {
    builder.close();
  }

  private record Drawn(String kind, String svg, String title) {}

  private static List<Drawn> figures(String html) {
    List<Drawn> figures = new ArrayList<>();
    Matcher matcher = FIGURE.matcher(html);
    while (matcher.find()) {
      figures.add(new Drawn(matcher.group(1), matcher.group(2), matcher.group(3)));
    }
    return figures;
  }

  @Test
  void spacetimeBlockDrawsTheMessagesOfItsRunInline() throws Exception {
    String html =
        builder.convert("[spacetime,title=\"Cut off\"]\n----\n" + CUT_OFF + "\n----\n", dir);

    List<Drawn> figures = figures(html);
    assertEquals(1, figures.size(), html);
    Drawn figure = figures.get(0);
    assertEquals("replab-spacetime", figure.kind());
    assertEquals("Cut off", figure.title());
    assertTrue(
        figure.svg().contains(">write x=2</text>") && figure.svg().contains("ok 1 @1 STALE"),
        figure.svg());
    assertTrue(
        figure.svg().contains("partition n3 | n1 n2"), "the partition is marked where it happened");
    assertTrue(figure.svg().contains("dropped by the partition"), "HTML diagrams carry tooltips");
    assertFalse(figure.svg().contains("<animate"), "still unless asked to move");
  }

  @Test
  void animatedSpacetimeWithTranscriptPlaysInHtmlAndShowsItsRun() throws Exception {
    String html =
        builder.convert(
            "[spacetime%animated%transcript,heartbeats=on]\n----\n" + CUT_OFF + "\n----\n", dir);

    Drawn figure = figures(html).get(0);
    assertEquals("replab-spacetime replab-animation", figure.kind());
    assertTrue(
        figure.svg().contains("<animate ")
            && figure.svg().contains("class=\"replab-spacetime replab-animation\""),
        figure.svg());
    assertTrue(figure.svg().contains("heartbeat e1"), "heartbeats when asked for");
    assertTrue(
        html.contains("<div class=\"listingblock replab-output\">"),
        "the transcript follows the drawing");
    assertTrue(html.indexOf("replab-figure") < html.indexOf("replab-output"));
  }

  @Test
  void fromStartsTheDiagramAtAGivenLine() throws Exception {
    String html = builder.convert("[spacetime,from=5]\n----\n" + CUT_OFF + "\n----\n", dir);

    String svg = figures(html).get(0).svg();
    assertFalse(svg.contains("write x=1"), "the first write came before line 5");
    assertTrue(svg.contains("write x=2"));
  }

  @Test
  void thePdfGetsAStillImageWithoutAnimationOrTooltips() throws Exception {
    Document document =
        builder.load(
            "[spacetime%animated,heartbeats=on]\n----\n" + CUT_OFF + "\n----\n", dir, "pdf");

    List<StructuralNode> images = document.findBy(Map.of("context", ":image"));
    assertEquals(1, images.size());
    String target = (String) images.get(0).getAttribute("target");
    assertTrue(target.startsWith("data:image/svg+xml;base64,"), target);
    String svg =
        new String(
            Base64.getDecoder().decode(target.substring(target.indexOf(',') + 1)),
            StandardCharsets.UTF_8);
    assertTrue(svg.contains("ok 1 @1 STALE"), svg);
    assertFalse(svg.contains("<animate"), "the PDF shows the final frame");
    assertFalse(svg.contains("<title>"), "paper has no hover");
    assertTrue(
        svg.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)),
        "SVG text in the PDF must be ASCII");
  }

  @Test
  void plotBlocksChartWhatTheRunMeasured() throws Exception {
    String throughput =
        builder.convert(
            "[plot,kind=throughput]\n----\nsweep replicas=1,2 ops=300 clients=16 reads=90\n----\n",
            dir);
    String latency =
        builder.convert(
            "[plot,kind=latency]\n----\ncreate leader-follower nodes=3\nload ops=300 clients=8 reads=80\n----\n",
            dir);
    String lag =
        builder.convert(
            "[plot,kind=lag]\n----\ncreate leader-follower nodes=3\nlink n1 n3 latency=const(80ms)\n"
                + "load duration=1s rate=100/s reads=0\n----\n",
            dir);

    String chart = figures(throughput).get(0).svg();
    assertTrue(chart.startsWith("<svg class=\"replab-plot\""), chart);
    assertTrue(
        chart.contains(">1 node</text>") && chart.contains(">2 nodes</text>"),
        "a bar per cluster size: " + chart);
    assertTrue(figures(latency).get(0).svg().contains(">p99</text>"), "percentiles");
    assertTrue(
        figures(latency).get(0).svg().contains(">reads</text>")
            && figures(latency).get(0).svg().contains(">writes</text>"));
    String lagChart = figures(lag).get(0).svg();
    assertTrue(
        lagChart.contains(">n2</text>") && lagChart.contains(">n3</text>"),
        "a line per follower: " + lagChart);
    assertFalse(lagChart.contains("clip-0)"), "the no-op clip to the whole chart is left out");
  }

  @Test
  void aPlotWithNothingToDrawFailsTheBuild() {
    BookBuilder.BookException noSweep =
        assertThrows(
            BookBuilder.BookException.class,
            () ->
                builder.convert(
                    "[plot,kind=throughput]\n----\ncreate leader-follower nodes=3\n----\n", dir));
    assertTrue(noSweep.getMessage().contains("needs a sweep command"), noSweep.getMessage());

    BookBuilder.BookException unknown =
        assertThrows(
            BookBuilder.BookException.class,
            () ->
                builder.convert(
                    "[plot,kind=pie]\n----\ncreate leader-follower nodes=3\n----\n", dir));
    assertTrue(
        unknown.getMessage().contains("kind must be throughput, latency or lag"),
        unknown.getMessage());

    BookBuilder.BookException rejected =
        assertThrows(
            BookBuilder.BookException.class,
            () ->
                builder.convert(
                    "[spacetime]\n----\ncreate leader-follower nodes=3\ncrash n9\n----\n", dir));
    assertTrue(rejected.getMessage().contains("no node 'n9'"), rejected.getMessage());
  }

  @Test
  void raceMacroPlaysTheSameLoadOnEachClusterSize() throws Exception {
    String html =
        builder.convert(
            "race::[create=\"create leader-follower reads=round-robin service=1ms\","
                + "load=\"load ops=400 clients=32 reads=90\",replicas=\"1,4\"]\n",
            dir);

    Drawn figure = figures(html).get(0);
    assertEquals("replab-race replab-animation", figure.kind());
    assertTrue(
        figure.svg().contains(">1 node</text>") && figure.svg().contains(">4 nodes</text>"),
        figure.svg());
    assertTrue(figure.svg().contains("<animate "), "it plays in the HTML book");

    BookBuilder.BookException notLoad =
        assertThrows(
            BookBuilder.BookException.class,
            () ->
                builder.convert(
                    "race::[create=\"create leader-follower\",load=\"status\",replicas=\"1\"]\n",
                    dir));
    assertTrue(notLoad.getMessage().contains("must be one load command"), notLoad.getMessage());
  }

  @Test
  void lessonChaptersCarryDrawingsOfTheirRealRuns() throws Exception {
    String failover = builder.convertCollecting("include::lesson:07[]\n", dir).html();
    String replicas = builder.convertCollecting("include::lesson:05[]\n", dir).html();

    List<Drawn> diagrams =
        figures(failover).stream()
            .filter(figure -> figure.kind().equals("replab-spacetime"))
            .toList();
    assertTrue(
        !diagrams.isEmpty() && diagrams.size() <= CellFigures.DIAGRAMS_PER_LESSON,
        "diagrams in lesson 07: " + diagrams.size());
    assertTrue(
        diagrams.get(0).svg().contains("n1 crashed"),
        "the first diagram shows the crash that starts the lesson");
    List<Drawn> plots =
        figures(replicas).stream().filter(figure -> figure.kind().equals("replab-plot")).toList();
    assertTrue(plots.size() >= 3, "lesson 05 charts its two sweeps and its loads: " + plots.size());
    assertTrue(
        plots.get(0).title().startsWith("Requests answered per second"), plots.get(0).title());
  }

  @Test
  void sameBookSameDrawings() throws Exception {
    String first =
        builder.convert(
            "[spacetime%animated]\n----\n"
                + CUT_OFF
                + "\n----\n\n[plot,kind=latency]\n----\n"
                + "create leader-follower nodes=3\nload ops=200 clients=4 reads=50\n----\n",
            dir);
    String second =
        builder.convert(
            "[spacetime%animated]\n----\n"
                + CUT_OFF
                + "\n----\n\n[plot,kind=latency]\n----\n"
                + "create leader-follower nodes=3\nload ops=200 clients=4 reads=50\n----\n",
            dir);
    assertEquals(first, second);
  }
}
