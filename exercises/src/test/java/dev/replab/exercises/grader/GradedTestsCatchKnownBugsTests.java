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
 * Proof that the graded tests catch the bugs learners really write, not only a missing method: each
 * known-buggy implementation in {@code src/test/resources/variants/} must fail the tests named for
 * it, and every bug that shows in a live cluster must fail a scenario test too.
 */
class GradedTestsCatchKnownBugsTests {
  private static final Path VARIANTS = Path.of("src/test/resources/variants");

  @TempDir Path classes;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      never-resends             | ex01 | StreamDecisionTests.asksAgainFromTheFirstMissingOffsetAfterAGap StreamDecisionTests.asksAgainWhenAHeartbeatRevealsMissingEntries StreamScenarioTests.followersCatchUpThroughLossyLinks
      appends-duplicates        | ex01 | StreamDecisionTests.ignoresABatchItAlreadyHas StreamDecisionTests.appendsOnlyTheNewPartOfAnOverlappingBatch StreamScenarioTests.followersCatchUpThroughLossyLinks
      ignores-heartbeats        | ex01 | StreamDecisionTests.asksAgainWhenAHeartbeatRevealsMissingEntries StreamScenarioTests.followersCatchUpThroughLossyLinks
      first-as-any              | ex02 | CommitDecisionTests.firstWaitsForTheHighestPriorityConnectedFollowers CommitScenarioTests.firstWaitsForTheSlowStandbyItPrefers
      ignores-connection        | ex02 | CommitDecisionTests.firstWaitsForTheHighestPriorityConnectedFollowers CommitScenarioTests.firstSkipsAStandbyThatDisconnected
      ignores-ack-level         | ex02 | CommitDecisionTests.appliedAcknowledgementsCountOnlyAppliedEntries CommitScenarioTests.appliedAcknowledgementWaitsForTheFollowerToApply
      all-counts-connected-only | ex02 | CommitDecisionTests.allWaitsForEveryFollower CommitScenarioTests.allNeverCommitsWhileAFollowerIsDown
      lag-is-replay-age         | ex03 | LagReadingTests.lagIsZeroWhenNothingIsMissingHoweverIdleTheLeader LagScenarioTests.anIdleLeaderShowsReplayAgeButNoLag
      lag-from-last-applied     | ex03 | LagReadingTests.lagCountsFromTheOldestWriteTheFollowerIsMissing LagScenarioTests.lagCountsFromTheMissingWriteNotFromTheLastOneApplied
      replay-age-before-any-apply | ex03 | LagReadingTests.replayLagIsTheAgeOfTheLastAppliedWrite LagScenarioTests.anIdleLeaderShowsReplayAgeButNoLag
      ignores-token             | ex04 | RouteDecisionTests.sendsTheReadToAFollowerThatHasTheClientsWrite RouteScenarioTests.aReadRightAfterAWriteDoesNotWaitForAFollower RouteScenarioTests.noReadWaitsOrMissesItsWriteUnderLoad
      always-leader             | ex04 | RouteDecisionTests.takesTurnsAmongTheFollowersThatQualify RouteScenarioTests.readsSpreadOverTheFollowersThatHaveTheWrite
      token-off-by-one          | ex04 | RouteDecisionTests.sendsTheReadToAFollowerThatHasTheClientsWrite RouteScenarioTests.readsSpreadOverTheFollowersThatHaveTheWrite
      caught-up-only            | ex04 | RouteDecisionTests.takesTurnsAmongTheFollowersThatQualify RouteScenarioTests.readsSpreadOverTheFollowersThatHaveTheWrite
      forgets-reads             | ex05 | SessionDecisionTests.remembersTheFurthestStateItHasRead SessionScenarioTests.readsNeverGoBackWhenTheyAlternateBetweenFollowers SessionScenarioTests.anAnswerIsNeverSeenBeforeItsQuestion SessionScenarioTests.noReadGoesBackUnderLoad
      last-read-only            | ex05 | SessionDecisionTests.neverLowersTheBar
      counts-own-writes         | ex05 | SessionDecisionTests.itsOwnWritesDoNotRaiseTheBar SessionScenarioTests.aSessionsOwnWriteDoesNotHoldUpItsReads
      waits-one-past            | ex05 | SessionDecisionTests.aNewSessionMayReadFromAnyReplica SessionScenarioTests.readsNeverGoBackWhenTheyAlternateBetweenFollowers SessionScenarioTests.noReadGoesBackUnderLoad
      ignores-lag               | ex06 | BalancerDecisionTests.spreadsReadsOverTheFollowersWithinTheBound BalancerScenarioTests.aSlowFollowerGetsFewReadsAndFewerReadsAreStale BalancerScenarioTests.readsGoToTheLeaderWhileEveryFollowerIsTooFarBehind
      strict-bound              | ex06 | BalancerDecisionTests.spreadsReadsOverTheFollowersWithinTheBound BalancerDecisionTests.aBoundOfZeroAdmitsOnlyCaughtUpFollowers
      never-falls-back          | ex06 | BalancerDecisionTests.sendsReadsToTheLeaderWhenEveryFollowerIsTooFarBehind BalancerScenarioTests.readsGoToTheLeaderWhileEveryFollowerIsTooFarBehind
      sticks-to-first           | ex06 | BalancerDecisionTests.spreadsReadsOverTheFollowersWithinTheBound BalancerScenarioTests.aFollowerRejoinsThePoolOnceItCatchesUp
      forgets-heartbeats        | ex07 | DetectorDecisionTests.aHeartbeatRestartsTheTimeoutAndEndsSuspicion DetectorScenarioTests.noFailoverWhileTheLeaderAnswersWithinTheTimeout
      detect-read-as-ms         | ex07 | DetectorDecisionTests.usesTheTimeoutItWasGiven DetectorScenarioTests.aCrashedLeaderIsReplacedWithinOneSecond
      ignores-start             | ex07 | DetectorDecisionTests.suspectsOnlyAfterMoreThanTheTimeoutOfSilence DetectorScenarioTests.theNewLeaderIsLeftInPeace
      latest-report-wins        | ex07 | DetectorDecisionTests.aHeartbeatReportedLateDoesNotTurnBackTheClock
      suspects-after-two-pings  | ex07 | DetectorDecisionTests.usesTheTimeoutItWasGiven DetectorScenarioTests.noFailoverWhileTheLeaderAnswersWithinTheTimeout
      grants-every-vote         | ex08 | VoteDecisionTests.withinAnEpochTheLongerLogWins VoteScenarioTests.theFollowerWithTheLongerLogWins VoteScenarioTests.noAcknowledgedWriteIsLostUnderRandomFaults
      compares-offsets-only     | ex08 | VoteDecisionTests.aLaterLastEpochWinsWhateverTheOffsets VoteScenarioTests.aLongerLogFromAnOlderEpochLoses VoteScenarioTests.noAcknowledgedWriteIsLostUnderRandomFaults
      refuses-equal-logs        | ex08 | VoteDecisionTests.aLogAsUpToDateAsTheVotersGetsTheVote VoteScenarioTests.twoEquallyUpToDateFollowersCanElectEitherOne
      admits-every-epoch        | ex09 | FenceDecisionTests.refusesAnOlderEpoch FenceScenarioTests.aLeaderThatWakesUpAfterItWasReplacedIsFencedOff FenceScenarioTests.aLeaderCutOffByAPartitionIsFencedOff
      refuses-its-own-epoch     | ex09 | FenceDecisionTests.admitsTheNewestEpochAgainAndAgain FenceScenarioTests.theCurrentLeaderKeepsWritingThroughFailovers
      lowers-the-bar            | ex09 | FenceDecisionTests.aRefusalLeavesTheBarWhereItWas FenceScenarioTests.aLeaderThatWakesUpAfterItWasReplacedIsFencedOff
      never-raises-the-bar      | ex09 | FenceDecisionTests.admitsTheNewestEpochAgainAndAgain FenceScenarioTests.aLeaderCutOffByAPartitionIsFencedOff
      merge-sums                | ex14 | VectorDecisionTests.aMergeKeepsTheLargerCounterOfEveryDatacenterInOrder VectorScenarioTests.underFaultsEveryNodeKeepsWhatTheEnginesOwnVectorsKeep
      missing-is-equal          | ex14 | VectorDecisionTests.aVectorThatSawFewerWritesComesBefore VectorDecisionTests.vectorsThatEachSawAWriteTheOtherDidNotAreConcurrent VectorScenarioTests.concurrentWritesStayAsSiblingsUntilAWriteThatSawThemReplacesThem
      swaps-before-after        | ex14 | VectorDecisionTests.aVectorThatSawFewerWritesComesBefore VectorScenarioTests.aWriteThatSawTheLastOneReplacesItInEveryDatacenter
      merge-adds-totals         | ex15 | CounterDecisionTests.aMergeKeepsTheLargerTotalOfEachDatacenter CounterDecisionTests.mergingAgainOrTheOtherWayRoundChangesNothing CounterScenarioTests.incrementsMadeAtOnceInEveryDatacenterAllCount CounterScenarioTests.underFaultsEveryAcknowledgedUpdateCountsOnce
      value-ignores-decrements  | ex15 | CounterDecisionTests.eachDatacenterRaisesOnlyItsOwnTotal CounterScenarioTests.decrementsFromSeveralDatacentersAllCount
      increment-sets-total      | ex15 | CounterDecisionTests.eachDatacenterRaisesOnlyItsOwnTotal CounterScenarioTests.incrementsMadeAtOnceInEveryDatacenterAllCount
      plain-union               | ex16 | CartDecisionTests.aRemovedItemDoesNotComeBackFromAnOlderState CartScenarioTests.aRemovedItemStaysRemovedWhenTheCartKeepsChanging
      remove-wins               | ex16 | CartDecisionTests.anAddWinsOverAConcurrentRemove CartScenarioTests.anAddMadeWhileAnotherDatacenterRemovesTheItemSurvives
      reuses-tags               | ex16 | CartDecisionTests.anAddWinsOverAConcurrentRemove CartScenarioTests.anAddMadeWhileAnotherDatacenterRemovesTheItemSurvives
      timestamp-only            | ex17 | OrderDecisionTests.onATieADeleteBeatsAWriteThenTheGreaterValue OrderDecisionTests.equalTimestampsAndValuesStillHaveOneWinner OrderScenarioTests.twoWritesWithOneTimestampEndTheSameInEveryDatacenter
      write-beats-delete        | ex17 | OrderDecisionTests.onATieADeleteBeatsAWriteThenTheGreaterValue OrderScenarioTests.aDeleteStampedAtTheSameInstantAsAWriteWins
      earlier-wins              | ex17 | OrderDecisionTests.theLaterTimestampWins OrderScenarioTests.underFaultsEveryNodeKeepsWhatTheEnginesOrderKeeps
      """)
  void eachKnownBugFailsTheTestsMeantToCatchIt(String variant, String exercise, String mustFail)
      throws IOException {
    LearnerCompiler.Compilation compilation =
        new LearnerCompiler(GradeOptions.ownClasspath())
            .compile(
                VARIANTS.resolve(variant).resolve("dev/replab/exercises").resolve(exercise),
                classes,
                List.of(),
                true);
    assertTrue(
        compilation.ok(),
        () -> "variant " + variant + " does not compile:\n" + compilation.report());

    Map<String, InProcessRun.Result> results =
        InProcessRun.gradedAgainst("dev.replab.exercises." + exercise, classes);
    assertFalse(results.isEmpty(), "no graded tests ran");
    for (String test : Arrays.asList(mustFail.split(" "))) {
      InProcessRun.Result result = results.get(test);
      assertTrue(
          result != null, () -> "no graded test " + test + "; tests are " + results.keySet());
      assertFalse(result.passed(), () -> test + " passed against the known bug '" + variant + "'");
      assertFalse(
          GradedTestsBiteTests.causedByStub(result.failure(), "Exercise"),
          () -> test + " ran the stub instead of the variant '" + variant + "'");
    }
  }

  /**
   * Scripts that miss the point of a scenario exercise, or break its rules: each must fail the
   * tests named for it, and, where it gets part of the task right, pass the others.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      never-promotes      | ex10 | LostWriteScriptTests.anAcknowledgedWriteIsLost LostWriteScriptTests.aReadAfterTheLossDoesNotSeeTheWrite |
      reads-only-before   | ex10 | LostWriteScriptTests.aReadAfterTheLossDoesNotSeeTheWrite | LostWriteScriptTests.anAcknowledgedWriteIsLost
      runs-java           | ex10 | LostWriteScriptTests.anAcknowledgedWriteIsLost LostWriteScriptTests.aReadAfterTheLossDoesNotSeeTheWrite |
      too-long            | ex10 | LostWriteScriptTests.anAcknowledgedWriteIsLost LostWriteScriptTests.aReadAfterTheLossDoesNotSeeTheWrite |
      fenced-twice        | ex11 | SplitBrainScriptTests.twoLeadersAcceptWritesWhenFencingIsOff SplitBrainScriptTests.fencingStopsTheOldLeader |
      changes-more        | ex11 | SplitBrainScriptTests.fencingStopsTheOldLeader | SplitBrainScriptTests.twoLeadersAcceptWritesWhenFencingIsOff
      monotonic-is-no-fix | ex12 | OwnWritesScriptTests.aConsistencySettingFixesIt | OwnWritesScriptTests.aClientMissesItsOwnWrite
      fixes-by-waiting    | ex12 | OwnWritesScriptTests.aConsistencySettingFixesIt | OwnWritesScriptTests.aClientMissesItsOwnWrite
      quorums-too-small   | ex13 | QuorumScriptTests.theQuorumsOverlap QuorumScriptTests.checkLinearizabilityFindsAReadThatWentBackInTime QuorumScriptTests.everyOperationSucceeded |
      one-at-a-time       | ex13 | QuorumScriptTests.checkLinearizabilityFindsAReadThatWentBackInTime | QuorumScriptTests.theQuorumsOverlap QuorumScriptTests.everyOperationSucceeded
      """)
  void eachBrokenScriptFailsTheTestsMeantToCatchIt(
      String variant, String exercise, String mustFail, String mustPass) {
    Map<String, InProcessRun.Result> results =
        InProcessRun.gradedAgainstScripts(
            "dev.replab.exercises." + exercise,
            VARIANTS.resolve(variant).resolve("dev/replab/exercises").resolve(exercise));
    assertFalse(results.isEmpty(), "no graded tests ran");
    for (String test : mustFail.split(" ")) {
      InProcessRun.Result result = results.get(test);
      assertTrue(
          result != null, () -> "no graded test " + test + "; tests are " + results.keySet());
      assertFalse(result.passed(), () -> test + " passed against the script '" + variant + "'");
      assertFalse(
          GradedTestsBiteTests.causedByStub(result.failure(), "Exercise"),
          () -> test + " read the stub instead of the script '" + variant + "'");
    }
    if (mustPass != null) {
      for (String test : mustPass.split(" ")) {
        InProcessRun.Result result = results.get(test);
        assertTrue(
            result != null && result.passed(),
            () -> test + " should pass against '" + variant + "': " + result.failure());
      }
    }
  }
}
