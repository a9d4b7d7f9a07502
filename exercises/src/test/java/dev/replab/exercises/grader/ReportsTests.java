package dev.replab.exercises.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The reports written from a hand-made result: Gradescope's results.json, JUnit XML, the table. */
class ReportsTests {
  private static final Exercise EX01 =
      new Exercise("ex01", "stream-applier", "Exercise 1: Apply the stream", Path.of("ex01"));
  private static final Exercise EX02 =
      new Exercise("ex02", "commit-rule", "Exercise 2: Commit", Path.of("ex02"));

  @TempDir Path out;

  private static GradeResult sample() {
    TestOutcome passed =
        new TestOutcome(
            "ex01",
            "dev.replab.exercises.ex01.StreamDecisionTests",
            "appendsTheNextBatch",
            2,
            TestOutcome.Status.PASSED,
            "",
            "",
            12);
    TestOutcome failed =
        new TestOutcome(
            "ex01",
            "dev.replab.exercises.ex01.StreamScenarioTests",
            "followersCatchUp",
            5,
            TestOutcome.Status.FAILED,
            "n3's log ends at offset 31 but the leader n1's at 40 (seed 7)",
            "n3's log ends at offset 31 but the leader n1's at 40 (seed 7)\n--- output ---\nprinted \u0000 a NUL and <tags> & \"quotes\"",
            250);
    TestOutcome timedOut =
        new TestOutcome(
            "ex02",
            "dev.replab.exercises.ex02.CommitDecisionTests",
            "allWaitsForEveryFollower",
            3,
            TestOutcome.Status.TIMED_OUT,
            "did not finish within 10 s",
            "",
            10_000);
    return new GradeResult(
        List.of(
            new GradeResult.ExerciseResult(EX01, "", List.of(passed, failed)),
            new GradeResult.ExerciseResult(EX02, "", List.of(timedOut))),
        12_345);
  }

  @Test
  void resultsJsonHasGradescopesFieldsWithTheScores() throws Exception {
    GradescopeReport.write(sample(), out.resolve("results.json"));
    JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());

    assertEquals(2, json.get("score").asInt());
    assertEquals(10, json.get("max_score").asInt());
    assertEquals(12.3, json.get("execution_time").asDouble(), 1e-9);
    assertEquals("visible", json.get("visibility").asText());
    JsonNode tests = json.get("tests");
    assertEquals(3, tests.size());
    JsonNode first = tests.get(0);
    assertEquals("ex01 StreamDecisionTests.appendsTheNextBatch", first.get("name").asText());
    assertEquals(2, first.get("score").asInt());
    assertEquals(2, first.get("max_score").asInt());
    assertEquals("passed", first.get("status").asText());
    assertEquals("visible", first.get("visibility").asText());
    JsonNode second = tests.get(1);
    assertEquals(0, second.get("score").asInt());
    assertEquals(5, second.get("max_score").asInt());
    assertEquals("failed", second.get("status").asText());
    assertTrue(
        second.get("output").asText().startsWith("failed: n3's log ends at offset 31"),
        second.get("output").asText());
    assertTrue(
        second.get("output").asText().contains("<tags> & \"quotes\""),
        "output keeps the test's own text");
    assertEquals(
        "failed", tests.get(2).get("status").asText(), "a timeout is a failure to Gradescope");
    assertTrue(tests.get(2).get("output").asText().startsWith("timed out: did not finish"));
  }

  @Test
  void junitXmlIsWellFormedAndCountsFailuresPerExercise() throws Exception {
    JUnitXmlReport.write(sample(), out.resolve("junit.xml"));
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(out.resolve("junit.xml").toFile());

    Element root = xml.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("3", root.getAttribute("tests"));
    assertEquals("2", root.getAttribute("failures"));
    NodeList suites = root.getElementsByTagName("testsuite");
    assertEquals(2, suites.getLength());
    Element ex01 = (Element) suites.item(0);
    assertEquals("dev.replab.exercises.ex01", ex01.getAttribute("name"));
    assertEquals("2", ex01.getAttribute("tests"));
    assertEquals("1", ex01.getAttribute("failures"));
    NodeList cases = ex01.getElementsByTagName("testcase");
    assertEquals("appendsTheNextBatch", ((Element) cases.item(0)).getAttribute("name"));
    assertEquals(
        "dev.replab.exercises.ex01.StreamDecisionTests",
        ((Element) cases.item(0)).getAttribute("classname"));
    assertEquals(0, ((Element) cases.item(0)).getElementsByTagName("failure").getLength());
    Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
    assertEquals(
        "n3's log ends at offset 31 but the leader n1's at 40 (seed 7)",
        failure.getAttribute("message"));
    assertTrue(
        failure.getTextContent().contains("printed  a NUL and <tags>"),
        "a NUL cannot be in XML and is dropped");
    Element timedOut = (Element) ((Element) suites.item(1)).getElementsByTagName("failure").item(0);
    assertEquals("timed out", timedOut.getAttribute("type"));
  }

  @Test
  void scoreTableShowsEachTestWithPointsResultAndReasonThenTheTotals() {
    String table = ScoreTable.render(sample(), false);
    List<String> lines = table.lines().toList();

    assertTrue(lines.get(0).matches("exercise +test +points +result +reason"), lines.get(0));
    assertTrue(lines.get(1).matches("ex01 +appendsTheNextBatch +2/2 +passed"), lines.get(1));
    assertTrue(
        lines
            .get(2)
            .matches(
                "ex01 +followersCatchUp +0/5 +FAILED +n3's log ends at offset 31 .*\\(seed 7\\)"),
        lines.get(2));
    assertTrue(
        lines
            .get(3)
            .matches("ex02 +allWaitsForEveryFollower +0/3 +TIMED OUT +did not finish within 10 s"),
        lines.get(3));
    assertEquals("", lines.get(4));
    assertTrue(lines.get(5).matches("ex01 +Exercise 1: Apply the stream +2/7"), lines.get(5));
    assertTrue(lines.get(7).matches("total +2/10"), lines.get(7));
    assertFalse(table.contains("--- output ---"), "details only with --verbose");
    assertTrue(
        ScoreTable.render(sample(), true).contains("--- output ---"),
        "--verbose prints failures in full");
  }

  @Test
  void xmlCleaningDropsOnlyCharactersXmlCannotHold() {
    assertEquals(
        "a\tb\nc d\u00e9\ud83d\ude00",
        JUnitXmlReport.clean("a\tb\nc\u0000 \u0007d\u00e9\ud83d\ude00\ud800"));
  }
}
