package dev.replab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.lessons.LessonReport.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner checks expectations against what the engine did, and fails when they do not hold. */
class LessonRunnerTests {
  private static final String HEAD = """
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
    LessonReport report = variant("02", "{command: 4, value: \"1\", stale: true, behind_entries: 2}",
        "{command: 4, value: \"3\", stale: true, behind_entries: 2}");
    assertFalse(report.passed());
    assertEquals(1, report.failures().size(), report.failures()::toString);
    Verdict failure = report.failures().get(0);
    assertEquals("read x from n2", failure.source());
    assertEquals(4, failure.command());
    assertEquals("expected the value '3', but the read returned '1'", failure.sentence());
    assertEquals("02-leader-follower.yaml", failure.at().file());
    assertTrue(failure.toString().startsWith("02-leader-follower.yaml:" + failure.at().line() + ":"), failure::toString);
  }

  @Test
  void aWrongLostWriteCountFailsTheLesson() {
    LessonReport report = variant("03", "{command: 4, lost_writes: 1}", "{command: 4, lost_writes: 0}");
    assertEquals(List.of("expected 0 lost writes, but history shows 1 lost: #2 write x=2"),
        report.failures().stream().map(Verdict::sentence).toList());
  }

  @Test
  void aFailedExpectationIsMarkedInTheText() {
    LessonReport report = variant("02", "{command: 4, value: \"1\", stale: true, behind_entries: 2}",
        "{command: 4, value: \"1\", stale: false, behind_entries: 2}");
    String text = LessonText.render(report);
    assertTrue(text.contains("  ✗ expected a read that is not stale, but the read returned '1' while '3' was\n    already committed\n"), text);
  }

  @Test
  void expectationsWithoutACommandCheckTheLastLine() {
    LessonReport report = run("""
          - run: [create leader-follower nodes=3, write x 1, read x from n2]
            expect: [{stale: true, value: null}]
        """);
    assertTrue(report.passed(), report.failures()::toString);
    assertEquals(List.of(3, 3), report.cells().get(0).verdicts().stream().map(Verdict::command).toList());
  }

  @Test
  void onALineWithSeveralCommandsTheLastIsChecked() {
    LessonReport report = run("""
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
    assertTrue(typo.failures().get(0).sentence().startsWith("the command was rejected: "), typo.failures()::toString);

    LessonReport expected = run("  - run: [create leader-follower nodes=3, write x 1 via n9]\n    expect: [{ok: false}]\n");
    assertTrue(expected.passed(), expected.failures()::toString);
  }

  @Test
  void aCheckOnTheWrongKindOfResultFails() {
    LessonReport report = run("  - run: [create leader-follower nodes=3, write x 1]\n    expect: [{stale: true}]\n");
    assertEquals(List.of("expected a stale read, but this applies to a read, and 'write' is not one"),
        report.failures().stream().map(Verdict::sentence).toList());
  }

  @Test
  void cellsShareOneSessionInOrder() {
    LessonReport report = run("""
          - run: [create leader-follower nodes=3, write x 1]
          - prose: Between the runs.
          - run: [tick 1s, read x from n3]
            expect: [{value: "1", stale: false}]
        """);
    assertTrue(report.passed(), report.failures()::toString);
  }

  @Test
  void javaCellsAreNotExecutedWithoutARunner() {
    LessonReport report = run("  - run: [create leader-follower nodes=3]\n  - java: cluster.nodeIds()\n");
    LessonReport.JavaRan java = (LessonReport.JavaRan) report.cells().get(1);
    assertFalse(java.executed());
    assertEquals("not executed: no Java cell runner is plugged in", java.output());
    assertTrue(report.passed());
  }

  @Test
  void javaCellsRunAgainstTheLessonSession() {
    Lesson lesson = Lessons.parse("09-test.yaml", HEAD + "  - run: [create leader-follower nodes=3]\n  - java: cluster.nodeIds()\n");
    LessonReport report = LessonRunner.run(lesson, (snippet, session) -> snippet + " = " + session.cluster().nodeIds());
    LessonReport.JavaRan java = (LessonReport.JavaRan) report.cells().get(1);
    assertTrue(java.executed());
    assertEquals("cluster.nodeIds() = [n1, n2, n3]", java.output());
  }
}
