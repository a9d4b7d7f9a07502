package dev.replab.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.lessons.LessonReport;
import dev.replab.lessons.LessonRunner;
import dev.replab.lessons.Lessons;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders small documents through the real extensions and compares what lands in the HTML with what
 * a {@link Session} prints for the same commands. Asciidoctor boots once for the class.
 */
class ReplabExtensionsTests {
  private static final Pattern OUTPUT_LISTING =
      Pattern.compile(
          "<div class=\"listingblock replab-output\">.*?<pre>(.*?)</pre>", Pattern.DOTALL);

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

  @Test
  void macroIncludesTheSessionsOwnOutput() throws Exception {
    String html =
        builder.convert(
            "replab::[commands=\"create leader-follower nodes=3; write x 1; read x from n2; history\"]\n",
            dir);

    String expected =
        transcript(
            Session.DEFAULT_SEED,
            "create leader-follower nodes=3",
            "write x 1",
            "read x from n2",
            "history");
    assertEquals(List.of(expected), listings(html));
    assertTrue(
        expected.contains("STALE"),
        "the read from a lagging follower should be stale: " + expected);
  }

  @Test
  void blockRunsItsLinesWithTheGivenSeed() throws Exception {
    String html =
        builder.convert(
            String.join(
                "\n",
                ".Seven",
                "[replab,seed=7]",
                "----",
                "create leader-follower nodes=3",
                "# a comment line is not a command",
                "write x 1; status",
                "----",
                ""),
            dir);

    String expected = transcript(7, "create leader-follower nodes=3", "write x 1; status");
    assertEquals(List.of(expected), listings(html));
    assertTrue(
        html.contains("<div class=\"title\">Seven</div>"), "the block keeps its title: " + html);
  }

  @Test
  void outputIsShownLiterallyNotAsMarkup() throws Exception {
    String html =
        builder.convert(
            "replab::[commands=\"create leader-follower; write k *a*_b_; read k\"]\n", dir);

    String listing = listings(html).get(0);
    assertTrue(listing.contains("write k=*a*_b_"), listing);
    assertFalse(
        html.contains("<strong>a</strong>"), "engine output must not be formatted as AsciiDoc");
    assertTrue(
        html.contains("<strong>&gt; write k *a*_b_</strong>"), "typed commands are bold: " + html);
  }

  @Test
  void rejectedCommandFailsTheBuildUnlessExpected() throws Exception {
    BookBuilder.BookException failure =
        assertThrows(
            BookBuilder.BookException.class,
            () ->
                builder.convert("replab::[commands=\"create leader-follower; crash n9\"]\n", dir));
    assertTrue(failure.getMessage().contains("no node 'n9'"), failure.getMessage());

    String html =
        builder.convert(
            "replab::[commands=\"create leader-follower; crash n9\",opts=errors]\n", dir);
    assertTrue(listings(html).get(0).contains("no node 'n9'"));
  }

  @Test
  void missingIncludeFailsTheBuild() {
    BookBuilder.BookException failure =
        assertThrows(
            BookBuilder.BookException.class,
            () -> builder.convert("include::no-such-chapter.adoc[]\n", dir));
    assertTrue(failure.getMessage().contains("no-such-chapter.adoc"), failure.getMessage());
  }

  @Test
  void unknownLessonFailsTheBuild() {
    BookBuilder.BookException failure =
        assertThrows(
            BookBuilder.BookException.class, () -> builder.convert("include::lesson:99[]\n", dir));
    assertTrue(failure.getMessage().contains("no lesson '99'"), failure.getMessage());
  }

  @Test
  void missingAttributeFailsTheBuild() {
    assertThrows(
        BookBuilder.BookException.class,
        () -> builder.convert("The {no-such-attribute} is missing.\n", dir));
  }

  @Test
  void lessonChapterShowsWhatTheLessonRunnerRan() throws Exception {
    String html = builder.convertCollecting("include::lesson:01[]\n", dir).html();

    LessonReport report = LessonRunner.run(Lessons.load("01"));
    List<String> expected = new ArrayList<>();
    for (LessonReport.CellReport cell : report.cells()) {
      if (cell instanceof LessonReport.Ran ran) {
        List<String> lines = new ArrayList<>();
        for (LessonReport.LineRun line : ran.lines()) {
          lines.add("> " + line.line());
          line.executed().forEach(executed -> lines.add(executed.text().stripTrailing()));
        }
        expected.add(String.join("\n", lines));
      }
    }
    assertFalse(expected.isEmpty(), "lesson 01 should have run cells");
    assertEquals(expected, listings(html));
    assertTrue(html.contains(report.lesson().title()), "the chapter is titled after the lesson");
  }

  @Test
  void allIncludesEveryShippedLessonInCourseOrder() {
    // Whether each lesson's expectations hold is the lessons module's test; this one is about
    // order.
    String html = builder.convertCollecting("include::lesson:all[]\n", dir).html();

    List<String> chapters = new ArrayList<>();
    Matcher matcher = Pattern.compile("<h2 id=\"(lesson-[^\"]+)\">").matcher(html);
    while (matcher.find()) {
      chapters.add(matcher.group(1));
    }
    List<String> expected =
        Lessons.all().stream().map(lesson -> "lesson-" + lesson.number()).toList();
    assertEquals(expected, chapters);
  }

  @Test
  void lessonProseSectionsNestUnderTheLessonTitle() throws Exception {
    String html = builder.convertCollecting("include::lesson:01[]\n", dir).html();

    assertTrue(
        Pattern.compile("<h2 id=\"lesson-01\">[^<]*Why replicate").matcher(html).find(),
        "lesson title is the chapter");
    assertTrue(
        Pattern.compile("<h3 [^>]*>[^<]*One machine, one copy</h3>").matcher(html).find(),
        "prose '==' becomes a subsection");
  }

  @Test
  void everyKindOfCellBecomesItsOwnKindOfBlock() throws Exception {
    Files.writeString(
        dir.resolve("91-cells.yaml"),
        String.join(
            "\n",
            "id: 91-cells",
            "title: Every kind of cell",
            "seed: 3",
            "objectives:",
            "  - See each cell kind in the book.",
            "cells:",
            "  - prose: |",
            "      == A section",
            "",
            "      Some *prose*.",
            "  - run:",
            "      - create leader-follower nodes=3",
            "      - write x 1; read x from n2",
            "    expect:",
            "      - {command: 2, stale: true}",
            "  - java: |",
            "      System.out.println(\"<&>\");",
            "      ----",
            "  - try: Crash `n1` and read again.",
            "    hint: Use `crash n1`.",
            "  - quiz:",
            "      question: Which node leads?",
            "      choices: [n1, n2]",
            "      answer: a",
            "      explanation: The first node created leads.",
            ""));

    String html = builder.convert("include::lesson:91-cells.yaml[]\n", dir);

    assertTrue(html.contains("<strong>prose</strong>"), "prose is AsciiDoc");
    assertTrue(
        html.contains("<div class=\"ulist replab-checked\">"),
        "the checked expectations follow the listing");
    assertTrue(
        html.contains("a stale read"), "the stale expectation is listed in the runner's words");
    assertTrue(
        html.contains("System.out.println(\"&lt;&amp;&gt;\");\n----"),
        "the Java cell is shown whole, a dash line included: " + html);
    assertTrue(
        html.contains("<div class=\"admonitionblock tip replab-try\">"), "a try cell is a tip");
    assertTrue(html.contains("<code>crash n1</code>"), "the hint is AsciiDoc");
    assertTrue(html.contains("<div class=\"sidebarblock replab-quiz\">"), "a quiz is a sidebar");
    assertTrue(
        html.contains("<details class=\"replab-answer\">"), "its answer is folded away in HTML");
    assertEquals(
        List.of(transcript(3, "create leader-follower nodes=3", "write x 1; read x from n2")),
        listings(html));
  }

  @Test
  void lessonWhoseExpectationFailsFailsTheBuild() throws Exception {
    Files.writeString(
        dir.resolve("90-broken.yaml"),
        String.join(
            "\n",
            "id: 90-broken",
            "title: A lesson that claims too much",
            "seed: 1",
            "objectives:",
            "  - Show that the book refuses a lesson whose output contradicts it.",
            "cells:",
            "  - run:",
            "      - create leader-follower nodes=3",
            "      - write x 1",
            "      - read x from n2",
            "    expect:",
            "      - {command: 3, stale: false}",
            ""));

    BookBuilder.BookException failure =
        assertThrows(
            BookBuilder.BookException.class,
            () -> builder.convert("include::lesson:90-broken.yaml[]\n", dir));
    assertTrue(failure.getMessage().contains("90-broken does not hold"), failure.getMessage());
    assertTrue(failure.getMessage().contains("read x from n2"), failure.getMessage());
  }

  @Test
  void builderExitsNonZeroAndNamesTheProblemWhenAnIncludeIsMissing() throws Exception {
    Files.writeString(
        dir.resolve(BookBuilder.MAIN_DOCUMENT), "= Broken\n\ninclude::chapters/missing.adoc[]\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        BookBuilder.run(
            new String[] {
              "--source",
              dir.toString(),
              "--out",
              dir.resolve("out").toString(),
              "--formats",
              "html"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(1, status);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("missing.adoc"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void builderRendersHtmlWithTheExecutedOutput() throws Exception {
    Files.writeString(
        dir.resolve(BookBuilder.MAIN_DOCUMENT),
        "= Small\n:toc:\n\n== One\n\nreplab::[commands=\"create leader-follower; status\"]\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status =
        BookBuilder.run(
            new String[] {
              "--source",
              dir.toString(),
              "--out",
              dir.resolve("out").toString(),
              "--formats",
              "html"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);

    assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
    String html = Files.readString(dir.resolve("out").resolve("index.html"));
    assertEquals(
        List.of(transcript(Session.DEFAULT_SEED, "create leader-follower", "status")),
        listings(html));
    assertTrue(html.contains("id=\"toc\""), "the page has a table of contents");
  }

  /** What the REPL shows for these lines in a fresh session: prompt line, then each output. */
  private static String transcript(long seed, String... lines) {
    Session session = new Session(seed);
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add("> " + line);
      for (Executed executed : session.execute(line)) {
        out.add(executed.text().stripTrailing());
      }
    }
    return String.join("\n", out);
  }

  private static List<String> listings(String html) {
    List<String> listings = new ArrayList<>();
    Matcher matcher = OUTPUT_LISTING.matcher(html);
    while (matcher.find()) {
      listings.add(unescape(matcher.group(1)));
    }
    return listings;
  }

  private static String unescape(String html) {
    return html.replace("<strong>", "")
        .replace("</strong>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#8217;", "'")
        .replace("&amp;", "&");
  }
}
