package dev.replab.solutions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replab.exercises.ex01.FollowerStream;
import dev.replab.exercises.ex02.QuorumCommitRule;
import dev.replab.exercises.ex03.ReplicationLagMonitor;
import dev.replab.exercises.ex04.ReadYourWritesRouter;
import dev.replab.exercises.ex05.MonotonicSession;
import dev.replab.exercises.ex06.LagAwareRouter;
import dev.replab.exercises.ex07.HeartbeatDetector;
import dev.replab.exercises.ex08.UpToDateLogRule;
import dev.replab.exercises.ex09.FencingTokenGuard;
import dev.replab.exercises.ex14.VersionVectors;
import dev.replab.exercises.ex15.PnCounter;
import dev.replab.exercises.ex16.CartSet;
import dev.replab.exercises.ex17.LastWriteWins;
import dev.replab.exercises.grader.GradeOptions;
import dev.replab.exercises.grader.GradeResult;
import dev.replab.exercises.grader.Grader;
import dev.replab.exercises.grader.TestOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The other half of the proof that the graded tests are right: the graded tests that this module
 * runs from the exercises' test jar see the reference solutions and nothing else, and the grader,
 * run the way a learner runs it, gives the solutions full marks within the time budget.
 */
class SolutionsAreGradedTests {
  private static final Path OWN_CLASSES = Path.of("target/classes").toAbsolutePath();

  /** DESIGN.md's budget for grading every exercise. */
  private static final long GRADING_BUDGET_MS = 20_000;

  @Test
  void theGradedTestsLoadTheSolutionsAndNoStub() throws IOException, URISyntaxException {
    for (Class<?> solution :
        List.of(
            FollowerStream.class,
            QuorumCommitRule.class,
            ReplicationLagMonitor.class,
            ReadYourWritesRouter.class,
            MonotonicSession.class,
            LagAwareRouter.class,
            HeartbeatDetector.class,
            UpToDateLogRule.class,
            FencingTokenGuard.class,
            VersionVectors.class,
            PnCounter.class,
            CartSet.class,
            LastWriteWins.class)) {
      Path loadedFrom =
          Path.of(solution.getProtectionDomain().getCodeSource().getLocation().toURI());
      assertEquals(
          OWN_CLASSES, loadedFrom, solution.getName() + " should come from this module's classes");
      String resource = solution.getName().replace('.', '/') + ".class";
      List<URL> copies = Collections.list(getClass().getClassLoader().getResources(resource));
      assertEquals(
          1,
          copies.size(),
          () -> "more than one " + resource + " on the class path, a stub among them? " + copies);
    }
  }

  @Test
  void theGraderGivesTheSolutionsFullMarksWithinTheBudget() throws Exception {
    Path out = Path.of("target/grading");
    GradeOptions options =
        GradeOptions.defaults(Path.of("../exercises"))
            .withSourceRoot(Path.of("src/main/java"))
            .withOutDir(out);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    GradeResult result =
        new Grader(options, new PrintStream(printed, true, StandardCharsets.UTF_8))
            .gradeAndReport();

    String table = printed.toString(StandardCharsets.UTF_8);
    for (TestOutcome test : result.tests()) {
      assertEquals(
          TestOutcome.Status.PASSED,
          test.status(),
          () -> test.fullName() + ": " + test.reason() + "\n" + table);
    }
    assertEquals(
        List.of(
            "ex01", "ex02", "ex03", "ex04", "ex05", "ex06", "ex07", "ex08", "ex09", "ex10", "ex11",
            "ex12", "ex13", "ex14", "ex15", "ex16", "ex17"),
        result.exercises().stream().map(e -> e.exercise().id()).toList());
    assertTrue(result.maxScore() > 0);
    assertEquals(result.maxScore(), result.score(), table);
    assertTrue(
        result.elapsedMs() < GRADING_BUDGET_MS,
        "grading took " + result.elapsedMs() + " ms, over the budget of 20 s");
    JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertEquals(result.maxScore(), json.get("score").asInt());
    assertEquals(result.maxScore(), json.get("max_score").asInt());
    System.out.println(
        "graded the reference solutions in " + result.elapsedMs() + " ms:\n" + table);
  }
}
