package dev.replab.exercises.grader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proof that the graded tests catch the bugs learners really write, not only a missing method:
 * each known-buggy implementation in {@code src/test/resources/variants/} must fail the tests
 * named for it, and every bug that shows in a live cluster must fail a scenario test too.
 */
class GradedTestsCatchKnownBugsTests {
  private static final Path VARIANTS = Path.of("src/test/resources/variants");

  @TempDir
  Path classes;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      never-resends             | ex01 | StreamDecisionTests.asksAgainFromTheFirstMissingOffsetAfterAGap StreamDecisionTests.asksAgainWhenAHeartbeatRevealsMissingEntries StreamScenarioTests.followersCatchUpThroughLossyLinks
      appends-duplicates        | ex01 | StreamDecisionTests.ignoresABatchItAlreadyHas StreamDecisionTests.appendsOnlyTheNewPartOfAnOverlappingBatch StreamScenarioTests.followersCatchUpThroughLossyLinks
      ignores-heartbeats        | ex01 | StreamDecisionTests.asksAgainWhenAHeartbeatRevealsMissingEntries StreamScenarioTests.followersCatchUpThroughLossyLinks
      first-as-any              | ex02 | CommitDecisionTests.firstWaitsForTheHighestPriorityConnectedFollowers CommitScenarioTests.firstWaitsForTheSlowStandbyItPrefers
      ignores-connection        | ex02 | CommitDecisionTests.firstWaitsForTheHighestPriorityConnectedFollowers CommitScenarioTests.firstSkipsAStandbyThatDisconnected
      ignores-ack-level         | ex02 | CommitDecisionTests.appliedAcknowledgementsCountOnlyAppliedEntries CommitScenarioTests.appliedAcknowledgementWaitsForTheFollowerToApply
      all-counts-connected-only | ex02 | CommitDecisionTests.allWaitsForEveryFollower CommitScenarioTests.allNeverCommitsWhileAFollowerIsDown
      """)
  void eachKnownBugFailsTheTestsMeantToCatchIt(String variant, String exercise, String mustFail) throws IOException {
    LearnerCompiler.Compilation compilation = new LearnerCompiler(GradeOptions.ownClasspath())
        .compile(VARIANTS.resolve(variant).resolve("dev/replab/exercises").resolve(exercise), classes, List.of(), true);
    assertTrue(compilation.ok(), () -> "variant " + variant + " does not compile:\n" + compilation.report());

    Map<String, InProcessRun.Result> results = InProcessRun.gradedAgainst("dev.replab.exercises." + exercise, classes);
    assertFalse(results.isEmpty(), "no graded tests ran");
    for (String test : Arrays.asList(mustFail.split(" "))) {
      InProcessRun.Result result = results.get(test);
      assertTrue(result != null, () -> "no graded test " + test + "; tests are " + results.keySet());
      assertFalse(result.passed(), () -> test + " passed against the known bug '" + variant + "'");
      assertFalse(GradedTestsBiteTests.causedByStub(result.failure(), "Exercise"),
          () -> test + " ran the stub instead of the variant '" + variant + "'");
    }
  }
}
