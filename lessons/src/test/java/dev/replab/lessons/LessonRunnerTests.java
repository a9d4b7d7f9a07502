package dev.replab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.lessons.LessonReport.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner checks expectations against what the engine did, and fails when they do not hold. */
class LessonRunnerTests {
  private static final String HEAD =
      """
      id: 09-test
      title: A test lesson
      seed: 1
      objectives: [Check the runner.]
      cells:
      """;

  private static LessonReport run(String cells) {
    return LessonRunner.run(Lessons.parse("09-test.yaml", HEAD + cells));
  }

  /** The shipped lesson with one expectation replaced, as an author's slip would. */
  private static LessonReport variant(String id, String right, String wrong) {
    String source = Lessons.source(id);
    assertTrue(source.contains(right), () -> "lesson " + id + " no longer contains " + right);
    Lesson lesson = Lessons.load(id);
    return LessonRunner.run(Lessons.parse(lesson.id() + ".yaml", source.replace(right, wrong)));
  }

  @Test
  void aWrongValueExpectationFailsTheLesson() {
    LessonReport report =
        variant(
            "02",
            "{command: 4, value: \"1\", stale: true, behind_entries: 2}",
            "{command: 4, value: \"3\", stale: true, behind_entries: 2}");
    assertFalse(report.passed());
    assertEquals(1, report.failures().size(), report.failures()::toString);
    Verdict failure = report.failures().get(0);
    assertEquals("read x from n2", failure.source());
    assertEquals(4, failure.command());
    assertEquals("expected the value '3', but the read returned '1'", failure.sentence());
    assertEquals("02-leader-follower.yaml", failure.at().file());
    assertTrue(
        failure.toString().startsWith("02-leader-follower.yaml:" + failure.at().line() + ":"),
        failure::toString);
  }

  @Test
  void aWrongLostWriteCountFailsTheLesson() {
    LessonReport report =
        variant("03", "{command: 4, lost_writes: 1}", "{command: 4, lost_writes: 0}");
    assertEquals(
        List.of("expected 0 lost writes, but history shows 1 lost: #2 write x=2"),
        report.failures().stream().map(Verdict::sentence).toList());
  }

  @Test
  void aFailedExpectationIsMarkedInTheText() {
    LessonReport report =
        variant(
            "02",
            "{command: 4, value: \"1\", stale: true, behind_entries: 2}",
            "{command: 4, value: \"1\", stale: false, behind_entries: 2}");
    String text = LessonText.render(report);
    assertTrue(
        text.contains(
            "  ✗ expected a read that is not stale, but the read returned '1' while '3' was\n    already committed\n"),
        text);
  }

  @Test
  void expectationsWithoutACommandCheckTheLastLine() {
    LessonReport report =
        run(
            """
          - run: [create leader-follower nodes=3, write x 1, read x from n2]
            expect: [{stale: true, value: null}]
        """);
    assertTrue(report.passed(), report.failures()::toString);
    assertEquals(
        List.of(3, 3), report.cells().get(0).verdicts().stream().map(Verdict::command).toList());
  }

  @Test
  void onALineWithSeveralCommandsTheLastIsChecked() {
    LessonReport report =
        run(
            """
          - run: [create leader-follower nodes=3, write x 1; read x from n2; read x from n1]
            expect: [{command: 2, value: "1", stale: false}]
        """);
    assertTrue(report.passed(), report.failures()::toString);
    assertEquals(3, ((LessonReport.Ran) report.cells().get(0)).lines().get(1).executed().size());
  }

  @Test
  void aRejectedCommandFailsTheLessonUnlessExpected() {
    LessonReport typo = run("  - run: [create leader-follower nodes=3, wirte x 1]\n");
    assertEquals(1, typo.failures().size());
    assertTrue(
        typo.failures().get(0).sentence().startsWith("the command was rejected: "),
        typo.failures()::toString);

    LessonReport expected =
        run(
            "  - run: [create leader-follower nodes=3, write x 1 via n9]\n    expect: [{ok: false}]\n");
    assertTrue(expected.passed(), expected.failures()::toString);
  }

  @Test
  void aCheckOnTheWrongKindOfResultFails() {
    LessonReport report =
        run("  - run: [create leader-follower nodes=3, write x 1]\n    expect: [{stale: true}]\n");
    assertEquals(
        List.of("expected a stale read, but this applies to a read, and 'write' is not one"),
        report.failures().stream().map(Verdict::sentence).toList());
  }

  @Test
  void cellsShareOneSessionInOrder() {
    LessonReport report =
        run(
            """
          - run: [create leader-follower nodes=3, write x 1]
          - prose: Between the runs.
          - run: [tick 1s, read x from n3]
            expect: [{value: "1", stale: false}]
        """);
    assertTrue(report.passed(), report.failures()::toString);
  }

  @Test
  void javaCellsAreNotExecutedWithoutARunner() {
    LessonReport report =
        run("  - run: [create leader-follower nodes=3]\n  - java: cluster.nodeIds()\n");
    LessonReport.JavaRan java = (LessonReport.JavaRan) report.cells().get(1);
    assertFalse(java.executed());
    assertEquals("not executed: no Java cell runner is plugged in", java.output());
    assertTrue(report.passed());
  }

  @Test
  void javaCellsRunAgainstTheLessonSession() {
    Lesson lesson =
        Lessons.parse(
            "09-test.yaml",
            HEAD + "  - run: [create leader-follower nodes=3]\n  - java: cluster.nodeIds()\n");
    LessonReport report =
        LessonRunner.run(
            lesson, (snippet, session) -> snippet + " = " + session.cluster().nodeIds());
    LessonReport.JavaRan java = (LessonReport.JavaRan) report.cells().get(1);
    assertTrue(java.executed());
    assertEquals("cluster.nodeIds() = [n1, n2, n3]", java.output());
  }

  private static List<String> failures(LessonReport report) {
    return report.failures().stream().map(Verdict::sentence).toList();
  }

  @Test
  void findingsAndFoundByReadACheckReport() {
    LessonReport report =
        run(
            """
          - run: [create leader-follower nodes=3, write x 1 as alice, read x from n2 as alice, check, check monotonic-reads]
            expect:
              - {command: 4, findings: 2, found_by: [read-your-writes, stale-read]}
              - {command: 5, findings: 0}
        """);
    assertTrue(report.passed(), report.failures()::toString);
  }

  @Test
  void aWrongFindingsCountFailsTheLesson() {
    LessonReport report = variant("08", "{command: 11, findings: 1,", "{command: 11, findings: 0,");
    assertEquals(
        List.of("expected no findings, but check reported 1 finding from lost-writes"),
        failures(report));
  }

  @Test
  void foundByFailsWhenAnotherCheckerFoundSomethingToo() {
    LessonReport report =
        variant("04", "found_by: [stale-read, read-your-writes]", "found_by: read-your-writes");
    assertEquals(
        List.of(
            "expected findings from read-your-writes only, but check reported 4 findings: 2 from read-your-writes, 2 from stale-read"),
        failures(report));
  }

  @Test
  void throughputRatioComparesTheLargestClusterWithTheSmallest() {
    LessonReport report =
        run(
            """
          - run: ["sweep replicas=1,4 ops=1000 clients=16 reads=90"]
            expect: [{throughput_ratio_at_least: 3, throughput_ratio_at_most: 2}]
        """);
    assertEquals(
        List.of(
            "expected throughput growing at most 2x from the smallest cluster to the largest, "
                + "but 999 ops/s with 1 replica, 3266 ops/s with 4, 3.27x"),
        failures(report));
  }

  @Test
  void stalePercentJudgesAWorkloadsReads() {
    LessonReport report =
        run(
            """
          - run: [create leader-follower nodes=4 reads=round-robin, link n1 n4 latency=const(50ms), load ops=500 clients=8 reads=90]
            expect: [{stale_percent_at_least: 5, stale_percent_at_most: 1}]
        """);
    assertEquals(
        List.of("expected at most 1% stale reads, but 6.8% of 454 reads were stale"),
        failures(report));
  }

  @Test
  void lagChecksJudgeTheWorstFollower() {
    LessonReport report =
        run(
            """
          - run: [create leader-follower nodes=3, link n1 n3 latency=const(50ms), write x 1, tick 10ms, lag]
            expect: [{lag_ms_at_least: 5, lag_entries_at_most: 0, lag_ms_at_most: 5}]
        """);
    assertEquals(
        List.of(
            "expected every follower caught up, but n3 is 1 entry behind",
            "expected no follower lagging more than 5 ms, but n3 lags 10.98 ms"),
        failures(report));
  }

  @Test
  void replayAgeGrowsOnAnIdleLeader() {
    LessonReport report =
        run(
            """
          - run: [create leader-follower nodes=3, write x 1, settle, tick 60s, lag]
            expect: [{lag_entries_at_most: 0, replay_age_ms_at_least: 59000, replay_age_ms_at_most: 1000}]
        """);
    assertEquals(
        List.of(
            "expected a replay age of at most 1000 ms, but n2 last replayed a write made 60003.90 ms ago"),
        failures(report));
  }

  @Test
  void followersFollowFailsWhileAFollowerStillFollowsTheOldLeader() {
    LessonReport report =
        run(
            """
          - run: [create leader-follower nodes=3, failover auto, crash n1, tick 1s, status, tick 500ms, status]
            expect:
              - {command: 5, followers_follow: n3}
              - {command: 7, followers_follow: n3}
        """);
    assertEquals(
        List.of("expected every running node following n3, but n2 follows n1"), failures(report));
    assertEquals(5, report.failures().get(0).command());
  }

  @Test
  void theNewChecksApplyOnlyToTheirOwnKindOfResult() {
    LessonReport report =
        run(
            """
          - run: [create leader-follower nodes=3, write x 1]
            expect: [{findings: 0, throughput_ratio_at_least: 1, stale_percent_at_most: 5, replay_age_ms_at_least: 1, followers_follow: n1}]
        """);
    assertEquals(
        List.of(
            "expected no findings, but this applies to check, and 'write' is not one",
            "expected throughput growing at least 1x from the smallest cluster to the largest, but this applies to sweep, and 'write' is not one",
            "expected at most 5% stale reads, but this applies to load, and 'write' is not one",
            "expected a replay age of at least 1 ms, but this applies to lag, and 'write' is not one",
            "expected every running node following n1, but this applies to status, and 'write' is not one"),
        failures(report));
  }
}
