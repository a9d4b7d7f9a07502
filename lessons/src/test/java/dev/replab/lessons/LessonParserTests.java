package dev.replab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema errors name the file, line and column, and say what was expected. */
class LessonParserTests {
  private static final String HEAD =
      """
      id: 09-test
      title: A test lesson
      seed: 7
      objectives:
        - Check the parser.
      cells:
      """;

  private static List<String> problems(String yaml) {
    LessonFormatException e =
        assertThrows(LessonFormatException.class, () -> Lessons.parse("09-test.yaml", yaml));
    return e.problems().stream().map(LessonFormatException.Problem::toString).toList();
  }

  private static String onlyProblem(String yaml) {
    List<String> problems = problems(yaml);
    assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
    return problems.get(0);
  }

  @Test
  void readsAWellFormedLessonIntoRecords() {
    Lesson lesson =
        Lessons.parse(
            "09-test.yaml",
            HEAD
                + """
          - prose: |
              Some *AsciiDoc*.
          - run:
              - write x 1
              - read x from n2
            expect:
              - {command: 1, outcome: ok, latency_ms_at_most: 5}
              - {stale: true, value: ~, acked_by_includes: n2}
          - java: session.nowUs()
          - try: Crash n1.
            hint: Use crash.
          - quiz:
              question: Why?
              choices: [Because, Why not]
              answer: B
              explanation: So.
        """);
    assertEquals("09-test", lesson.id());
    assertEquals(7, lesson.seed());
    assertEquals(List.of("Check the parser."), lesson.objectives());
    Cell.Run run = (Cell.Run) lesson.cells().get(1);
    assertEquals(List.of("write x 1", "read x from n2"), run.commands());
    assertEquals(
        List.of(
            new Check.OutcomeIs("ok"),
            new Check.LatencyAtMost(5),
            new Check.Stale(true),
            new Check.Value(null),
            new Check.AckedByIncludes(List.of("n2"))),
        run.expect().stream().map(Expectation::check).toList());
    assertEquals(List.of(1, 1, 2, 2, 2), run.expect().stream().map(Expectation::command).toList());
    assertEquals(new Position("09-test.yaml", 14, 10), run.expect().get(2).at());
    assertEquals("Use crash.", ((Cell.Try) lesson.cells().get(3)).hint());
    assertEquals(1, ((Cell.Quiz) lesson.cells().get(4)).answer());
  }

  @Test
  void misspeltKeyInARunCellSuggestsTheClosestKey() {
    String problem =
        onlyProblem(
            HEAD
                + """
          - run:
              - write x 1
            expct: [{stale: true}]
        """);
    assertEquals(
        "09-test.yaml:9:5: unknown key 'expct' in a run cell; did you mean 'expect'?", problem);
  }

  @Test
  void misspeltCheckSuggestsTheClosestCheck() {
    String problem =
        onlyProblem(
            HEAD
                + """
          - run: [read x from n2]
            expect:
              - {command: 1, stael: true}
        """);
    assertEquals(
        "09-test.yaml:9:22: unknown key 'stael' in an expectation; did you mean 'stale'?", problem);
  }

  @Test
  void misspeltRequiredKeyIsReportedOnceWithItsSuggestion() {
    String problem = onlyProblem(HEAD.replace("title:", "tilte:") + "  - prose: Hi.\n");
    assertEquals(
        "09-test.yaml:2:1: unknown key 'tilte' in the lesson; did you mean 'title'?", problem);
  }

  @Test
  void unknownKeyFarFromAnyValidOneListsTheValidKeys() {
    String problem = onlyProblem(HEAD + "  - try: Do it.\n    colour: red\n");
    assertEquals(
        "09-test.yaml:8:5: unknown key 'colour' in a try cell; expected one of try, hint", problem);
  }

  @Test
  void missingRequiredFieldSaysWhatItShouldHold() {
    String problem = onlyProblem(HEAD.replace("seed: 7\n", "") + "  - prose: Hi.\n");
    assertEquals(
        "09-test.yaml:1:1: the lesson is missing 'seed' (an integer that fixes the simulation's chance)",
        problem);
  }

  @Test
  void missingQuizFieldPointsAtTheQuiz() {
    String problem =
        onlyProblem(
            HEAD
                + """
          - quiz:
              question: Why?
              choices: [a, b]
              explanation: So.
        """);
    assertEquals(
        "09-test.yaml:8:7: the quiz is missing 'answer' (the letter of the right choice, like b)",
        problem);
  }

  @Test
  void wrongScalarTypeNamesWhatWasFound() {
    String problem = onlyProblem(HEAD.replace("seed: 7", "seed: seven") + "  - prose: Hi.\n");
    assertEquals(
        "09-test.yaml:3:7: 'seed' should be an integer, but it is the text 'seven'", problem);
  }

  @Test
  void textWhereAListBelongsIsAWrongType() {
    String problem = onlyProblem(HEAD + "  - run: write x 1\n");
    assertEquals(
        "09-test.yaml:7:10: 'run' should be a list of text items, each starting with '- ', but it is the text 'write x 1'",
        problem);
  }

  @Test
  void checkValuesAreTyped() {
    List<String> problems =
        problems(
            HEAD
                + """
          - run: [write x 1]
            expect:
              - {stale: maybe, latency_ms_at_most: 5ms, outcome: okay}
        """);
    assertEquals(
        List.of(
            "09-test.yaml:9:17: 'stale' should be true or false, but it is the text 'maybe'",
            "09-test.yaml:9:44: 'latency_ms_at_most' should be a number of milliseconds, like 80 or 2.5, but it is the text '5ms'",
            "09-test.yaml:9:58: 'outcome' should be ok, fail or unknown, but it is 'okay'"),
        problems);
  }

  @Test
  void commandNumberMustNameALineOfTheCell() {
    String problem =
        onlyProblem(
            HEAD
                + """
          - run: [write x 1, read x]
            expect:
              - {command: 3, stale: true}
        """);
    assertEquals(
        "09-test.yaml:9:19: 'command' is 3, but this run cell has 2 lines; number them from 1, or leave 'command' out to check the last",
        problem);
  }

  @Test
  void expectationWithoutACheckIsAnError() {
    String problem = onlyProblem(HEAD + "  - run: [write x 1]\n    expect: [{command: 1}]\n");
    assertEquals(
        "09-test.yaml:8:14: this expectation checks nothing; add a check such as stale, value, outcome or latency_ms_at_most",
        problem);
  }

  @Test
  void unknownCellKindSuggestsTheClosestKind() {
    String problem = onlyProblem(HEAD + "  - rnu: [write x 1]\n");
    assertEquals("09-test.yaml:7:5: unknown cell kind 'rnu'; did you mean 'run'?", problem);
  }

  @Test
  void aCellHasOneKind() {
    String problem = onlyProblem(HEAD + "  - prose: Hi.\n    run: [write x 1]\n");
    assertEquals(
        "09-test.yaml:8:5: a cell has one kind, but this one has both 'prose' and 'run'; start another cell with '- '",
        problem);
  }

  @Test
  void quizAnswerMustNameAChoice() {
    String problem =
        onlyProblem(
            HEAD
                + """
          - quiz:
              question: Why?
              choices: [one, two, three]
              answer: d
              explanation: So.
        """);
    assertEquals(
        "09-test.yaml:10:15: 'answer' should be a letter from a to c naming one of the 3 choices, but it is 'd'",
        problem);
  }

  @Test
  void duplicateKeysPointAtBothPlaces() {
    String problem =
        onlyProblem(HEAD.replace("seed: 7\n", "seed: 7\nseed: 8\n") + "  - prose: Hi.\n");
    assertEquals(
        "09-test.yaml:4:1: key 'seed' appears twice in this map; the first is at line 3, column 1",
        problem);
  }

  @Test
  void idMustMatchTheFileName() {
    String problem = onlyProblem(HEAD.replace("id: 09-test", "id: 09-other") + "  - prose: Hi.\n");
    assertEquals(
        "09-test.yaml:1:5: id '09-other' does not match the file name; it should be '09-test'",
        problem);
  }

  @Test
  void yamlSyntaxErrorsHaveAPosition() {
    String problem = onlyProblem(HEAD + "  - run: [write x 1\n  - prose: Hi.\n");
    assertTrue(problem.matches("09-test\\.yaml:\\d+:\\d+: this is not valid YAML: .+"), problem);
  }

  @Test
  void emptyFileSaysWhatALessonNeeds() {
    assertEquals(
        "09-test.yaml:1:1: the file is empty; a lesson needs id, title, seed, objectives and cells",
        onlyProblem(""));
  }

  @Test
  void everyProblemInAFileIsReportedAtOnce() {
    List<String> problems =
        problems(
            HEAD.replace("seed: 7", "seed: x")
                + """
          - run: [write x 1]
            expct: []
          - quiz: {question: Which, choices: [a, b], answer: z, explanation: So.}
        """);
    assertEquals(3, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("09-test.yaml:3:7: 'seed'"), problems::toString);
    assertTrue(
        problems.get(1).startsWith("09-test.yaml:8:5: unknown key 'expct'"), problems::toString);
    assertTrue(problems.get(2).startsWith("09-test.yaml:9:54: 'answer'"), problems::toString);
  }

  @Test
  void exceptionMessageListsOneProblemALine() {
    LessonFormatException e =
        assertThrows(
            LessonFormatException.class,
            () ->
                Lessons.parse(
                    "09-test.yaml", HEAD.replace("seed: 7", "seed: x") + "  - rnu: []\n"));
    assertEquals(2, e.getMessage().lines().count());
  }

  @Test
  void readsTheChecksOnChecksWorkloadsLagAndFailover() {
    Lesson lesson =
        Lessons.parse(
            "09-test.yaml",
            HEAD
                + """
          - run: [check, sweep replicas=1,4 reads=90, load ops=100, lag, status]
            expect:
              - {command: 1, findings: 2, found_by: [stale-read, read-your-writes]}
              - {command: 2, throughput_ratio_at_least: 3, throughput_ratio_at_most: 4.5}
              - {command: 3, stale_percent_at_least: 1, stale_percent_at_most: 0.5}
              - {command: 4, lag_entries_at_most: 0, lag_ms_at_least: 200, lag_ms_at_most: 300}
              - {command: 4, replay_age_ms_at_least: 59000, replay_age_ms_at_most: 1100}
              - {command: 5, followers_follow: n3, found_by: split-brain}
        """);
    Cell.Run run = (Cell.Run) lesson.cells().get(0);
    assertEquals(
        List.of(
            new Check.Findings(2),
            new Check.FoundBy(List.of("stale-read", "read-your-writes")),
            new Check.ThroughputRatioAtLeast(3),
            new Check.ThroughputRatioAtMost(4.5),
            new Check.StalePercentAtLeast(1),
            new Check.StalePercentAtMost(0.5),
            new Check.LagEntriesAtMost(0),
            new Check.LagMsAtLeast(200),
            new Check.LagMsAtMost(300),
            new Check.ReplayAgeMsAtLeast(59000),
            new Check.ReplayAgeMsAtMost(1100),
            new Check.FollowersFollow("n3"),
            new Check.FoundBy(List.of("split-brain"))),
        run.expect().stream().map(Expectation::check).toList());
  }

  @Test
  void foundByNamesOnlyCheckersThatExist() {
    String problem =
        onlyProblem(
            HEAD
                + """
          - run: [check]
            expect:
              - {found_by: [stale-read, lost-write]}
        """);
    assertEquals(
        "09-test.yaml:9:33: 'found_by' names no checker 'lost-write'; did you mean 'lost-writes'?",
        problem);
  }

  @Test
  void numbersSayWhatKindOfNumberTheyAre() {
    List<String> problems =
        problems(
            HEAD
                + """
          - run: [load ops=100]
            expect:
              - {stale_percent_at_most: 5%, throughput_ratio_at_least: 3x, findings: -1}
        """);
    assertEquals(
        List.of(
            "09-test.yaml:9:33: 'stale_percent_at_most' should be a percentage, like 5 or 0.5, but it is the text '5%'",
            "09-test.yaml:9:64: 'throughput_ratio_at_least' should be a ratio, like 3 or 1.5, but it is the text '3x'",
            "09-test.yaml:9:78: 'findings' is -1; it counts something, so it cannot be negative"),
        problems);
  }
}
