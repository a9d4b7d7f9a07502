package dev.replab.exercises.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The grader end to end, with real test JVMs: the stubs score nothing, hostile code fails only its
 * own tests, code that does not compile is reported with file and line.
 */
class GraderTests {
  private static final Path VARIANTS = Path.of("src/test/resources/variants");

  @TempDir Path out;

  private GradeOptions options(
      Path sourceRoot, long timeoutMs, String maxHeap, String... exercises) {
    return GradeOptions.defaults(Path.of("."))
        .withExercises(exercises)
        .withSourceRoot(sourceRoot)
        .withOutDir(out)
        .withLimits(timeoutMs, maxHeap);
  }

  private static Map<String, TestOutcome> byName(GradeResult result) {
    return result.tests().stream()
        .collect(Collectors.toMap(TestOutcome::testName, Function.identity()));
  }

  @Test
  void theStubsScoreNothingAndEveryReasonNamesTheMissingExercise() throws Exception {
    assumeTrue(Stubs.allShipped(), Stubs::changedMessage);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    GradeResult result =
        new Grader(
                options(Path.of("src/main/java"), 10_000, "256m"),
                new PrintStream(printed, true, StandardCharsets.UTF_8))
            .gradeAndReport();

    assertEquals(
        Stubs.exerciseIds(), result.exercises().stream().map(e -> e.exercise().id()).toList());
    assertEquals(0, result.score());
    assertTrue(result.maxScore() > 0);
    for (TestOutcome test : result.tests()) {
      assertEquals(TestOutcome.Status.FAILED, test.status(), test.fullName());
      String exercise = "Exercise " + Integer.parseInt(test.exercise().substring(2)) + ":";
      assertTrue(test.reason().contains(exercise), () -> test.fullName() + ": " + test.reason());
    }
    String table = printed.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("Exercise 1: Apply the replication stream in order"), table);
    assertTrue(table.lines().anyMatch(l -> l.matches("total +0/" + result.maxScore())), table);

    JsonNode json = new ObjectMapper().readTree(out.resolve(Grader.RESULTS_JSON).toFile());
    assertEquals(0, json.get("score").asInt());
    assertEquals(result.maxScore(), json.get("max_score").asInt());
    assertEquals(result.tests().size(), json.get("tests").size());
    int maxScores = 0;
    for (JsonNode test : json.get("tests")) {
      assertEquals("failed", test.get("status").asText());
      assertEquals(0, test.get("score").asInt());
      assertEquals("visible", test.get("visibility").asText());
      assertTrue(
          test.get("output").asText().contains("UnsupportedOperationException"),
          test.get("output").asText());
      maxScores += test.get("max_score").asInt();
    }
    assertEquals(result.maxScore(), maxScores, "the tests' max_score add up to the total");

    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(out.resolve(Grader.JUNIT_XML).toFile());
    assertEquals(
        String.valueOf(result.tests().size()), xml.getDocumentElement().getAttribute("failures"));
    assertEquals(result.tests().size(), xml.getElementsByTagName("testcase").getLength());
  }

  @Test
  void aSubmissionThatTriesToForgeTheOldProtocolScoresNothing() throws Exception {
    GradeResult result =
        new Grader(
                options(VARIANTS.resolve("forges-protocol"), 5_000, "64m", "ex01"),
                new PrintStream(new ByteArrayOutputStream()))
            .grade();
    assertEquals(0, result.score(), () -> result.tests().toString());
    assertTrue(result.maxScore() > 0);
    for (TestOutcome test : result.tests()) {
      assertNotEquals(TestOutcome.Status.PASSED, test.status(), test::fullName);
    }
  }

  @Test
  void testsThatHangExitOrExhaustMemoryFailAloneAndTheRestStillRun() throws Exception {
    GradeResult result =
        new Grader(
                options(VARIANTS.resolve("hostile"), 2_000, "64m", "ex01"),
                new PrintStream(new ByteArrayOutputStream()))
            .grade();
    Map<String, TestOutcome> tests = byName(result);

    TestOutcome hung = tests.get("ignoresABatchItAlreadyHas");
    assertEquals(TestOutcome.Status.TIMED_OUT, hung.status(), hung.reason());
    assertTrue(hung.reason().startsWith("did not finish within 2 s"), hung.reason());
    TestOutcome exited = tests.get("asksAgainFromTheFirstMissingOffsetAfterAGap");
    assertEquals(TestOutcome.Status.CRASHED, exited.status(), exited.reason());
    assertTrue(exited.reason().contains("exited with code 3"), exited.reason());
    TestOutcome hoarded = tests.get("appendsOnlyTheNewPartOfAnOverlappingBatch");
    assertEquals(TestOutcome.Status.CRASHED, hoarded.status(), hoarded.reason());
    assertTrue(hoarded.reason().contains("ran out of memory"), hoarded.reason());
    for (TestOutcome test : result.tests()) {
      if (test != hung && test != exited && test != hoarded) {
        assertEquals(
            TestOutcome.Status.PASSED, test.status(), () -> test.fullName() + ": " + test.reason());
      }
    }
    assertEquals(9, result.tests().size(), "every graded test of ex01 has an outcome");
    assertEquals(
        result.maxScore() - hung.points() - exited.points() - hoarded.points(), result.score());
    assertTrue(result.elapsedMs() < 30_000, "graded in " + result.elapsedMs() + " ms");
  }

  @Test
  void codeThatDoesNotCompileIsReportedWithFileLineAndWhatItCosts() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    GradeResult result =
        new Grader(
                options(VARIANTS.resolve("broken"), 10_000, "256m"),
                new PrintStream(printed, true, StandardCharsets.UTF_8))
            .gradeAndReport();

    GradeResult.ExerciseResult ex01 = result.exercises().get(0);
    assertTrue(
        ex01.maxScore() > 0,
        "the tests are listed with their points even though the code does not compile");
    for (TestOutcome test : ex01.tests()) {
      assertEquals(TestOutcome.Status.NOT_COMPILED, test.status());
      assertTrue(
          test.reason().startsWith("does not compile: ex01/FollowerStream.java:10:"),
          test.reason());
      assertTrue(test.reason().contains("Apend"), test.reason());
    }
    String table = printed.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("    return new StreamDecision.Apend(logEnd + 1);\n"), table);
    assertTrue(
        table.contains("                             ^\n"), "a caret under the error:\n" + table);

    GradeResult.ExerciseResult ex02 = result.exercises().get(1);
    for (TestOutcome test : ex02.tests()) {
      assertEquals(TestOutcome.Status.REFUSED, test.status());
      assertTrue(
          test.reason().contains("uses the engine's own dev.replab.engine.api.StandardCommitRule"),
          test.reason());
    }
    GradeResult.ExerciseResult ex08 = result.exercises().get(2);
    assertEquals("ex08", ex08.exercise().id());
    for (TestOutcome test : ex08.tests()) {
      assertEquals(TestOutcome.Status.REFUSED, test.status());
      assertTrue(
          test.reason().contains("uses the engine's own dev.replab.engine.api.UpToDateVoteRule"),
          test.reason());
    }
    assertEquals(0, result.score());
  }

  @Test
  void hiddenTestsFromSourceAreGradedAlongsideTheShippedOnes() throws Exception {
    GradeOptions shipped = options(VARIANTS.resolve("appends-duplicates"), 10_000, "256m", "ex01");
    GradeOptions withHidden =
        shipped.withHiddenTests(List.of(Path.of("src/test/resources/hidden"))).withJobs(1);

    GradeResult result =
        new Grader(withHidden, new PrintStream(new ByteArrayOutputStream())).grade();
    Map<String, TestOutcome> tests = byName(result);

    assertEquals(11, result.tests().size(), "9 shipped tests and 2 hidden ones");
    assertEquals(
        "dev.replab.exercises.ex01.HiddenStreamTests",
        tests.get("appendsAfterALongLog").className());
    assertEquals(TestOutcome.Status.PASSED, tests.get("appendsAfterALongLog").status());
    assertEquals(
        TestOutcome.Status.FAILED,
        tests.get("ignoresAnOldBatch").status(),
        "the variant appends duplicates");
    assertEquals(1, tests.get("ignoresAnOldBatch").points());
  }

  @Test
  void theExitStatusSaysWhetherEverythingPassedOrGradingCouldNotRun() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream ignored = new PrintStream(new ByteArrayOutputStream());

    assertEquals(2, Grader.run(new String[] {"ex99", "--out", out.toString()}, ignored, errStream));
    assertEquals(
        "grade: no exercise 'ex99'; the exercises are "
            + String.join(" ", Stubs.exerciseIds())
            + "\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals(2, Grader.run(new String[] {"--src", out.toString()}, ignored, errStream));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("found no exercises in "),
        err.toString(StandardCharsets.UTF_8));
    ByteArrayOutputStream help = new ByteArrayOutputStream();
    assertEquals(
        0,
        Grader.run(
            new String[] {"--help"},
            new PrintStream(help, true, StandardCharsets.UTF_8),
            errStream));
    assertTrue(
        help.toString(StandardCharsets.UTF_8).startsWith("usage: grade [exercise...] [options]"));
  }
}
