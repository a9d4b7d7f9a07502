package dev.replab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LessonTextTests {
  private static final String LESSON =
      """
      id: 09-test
      title: Rendering
      seed: 1
      objectives: [See a lesson as text.]
      cells:
        - prose: |
            == A section

            A paragraph that is long enough to need wrapping, because it goes on and on about
            replication, leaders, followers, logs, offsets and epochs until it passes eighty columns.

            * A *bold* item that also runs long enough to wrap onto a second line with a hanging
              indent under its bullet.
            * A short item.

            NOTE: An admonition.

            ----
            a listing line that is kept exactly as written, even when it is longer than eighty columns
            ----
        - run: [create leader-follower nodes=3, write x 1]
          expect: [{outcome: ok}, {outcome: fail}]
        - try: Crash n1.
          hint: Use crash.
        - quiz:
            question: Which?
            choices: [This one, That one]
            answer: a
            explanation: Because.
      """;

  private static String render(boolean showAnswers) {
    return LessonText.render(LessonRunner.run(Lessons.parse("09-test.yaml", LESSON)), showAnswers);
  }

  @Test
  void proseIsWrappedToEightyColumnsWithHeadingsAndLists() {
    String text =
        LessonText.asciidoc(
            LESSON
                .substring(LESSON.indexOf("== A section"), LESSON.indexOf("----"))
                .replace("\n      ", "\n"),
            80);
    assertEquals(
        """
        A section
        ---------

        A paragraph that is long enough to need wrapping, because it goes on and on
        about replication, leaders, followers, logs, offsets and epochs until it passes
        eighty columns.

          * A bold item that also runs long enough to wrap onto a second line with a
            hanging indent under its bullet.
          * A short item.

        Note: An admonition.

        """,
        text);
  }

  @Test
  void listingBlocksAreKeptVerbatim() {
    String text = render(true);
    assertTrue(
        text.contains(
            "\n    a listing line that is kept exactly as written, even when it is longer than eighty columns\n"),
        text);
  }

  @Test
  void commandsOutputsAndVerdictsAreMarked() {
    String text = render(true);
    assertTrue(text.contains("\n> write x 1\n  write x=1 via n1: ok, offset 1"), text);
    assertTrue(
        text.contains("\n  ✓ outcome ok\n  ✗ expected outcome fail, but the outcome was ok\n"),
        text);
  }

  @Test
  void headerNamesTheLessonAndItsObjectives() {
    assertTrue(
        render(true)
            .startsWith(
                "Lesson 09: Rendering\n====================\nseed 1\n\nYou will be able to:\n  * See a lesson as text.\n"));
  }

  @Test
  void quizShowsChoicesAndTheAnswerOnlyWhenAsked() {
    assertTrue(
        render(true).contains("Quiz: Which?\n  a) This one\n  b) That one\nAnswer: a. Because.\n"));
    assertFalse(render(false).contains("Answer:"));
    assertTrue(render(false).contains("Try it:\n  Crash n1.\n  Hint: Use crash.\n"));
  }

  @Test
  void wrapKeepsOverlongWordsWhole() {
    assertEquals(
        "ab\n" + "x".repeat(12) + "\ncd\n",
        LessonText.wrap("ab " + "x".repeat(12) + " cd", 10, "", ""));
  }

  @Test
  void aMeasuredCheckShowsWhatItSawWhenItHolds() {
    String text =
        LessonText.render(
            LessonRunner.run(
                Lessons.parse(
                    "09-test.yaml",
                    """
        id: 09-test
        title: Rendering
        seed: 1
        objectives: [See a lesson as text.]
        cells:
          - run: [create leader-follower nodes=3, write x 1, settle, tick 60s, lag, check]
            expect: [{command: 5, replay_age_ms_at_least: 59000}, {command: 6, findings: 0}]
        """)));
    assertTrue(
        text.contains(
            "  ✓ a replay age of at least 59000 ms: n2 last replayed a write made 60003.90 ms\n    ago\n"),
        text);
    assertTrue(text.contains("  ✓ check reported no findings\n"), text);
  }
}
