package dev.replab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.lessons.LessonReport.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prose numbers come from the run before them: {@code {{3.behind_entries}}} is filled from the
 * output it describes, and one that cannot be filled fails the lesson at its file, line and column.
 */
class ProseValuesTests {
  private static final String HEAD =
      """
      id: 09-test
      title: A test lesson
      seed: 1
      objectives: [Check prose values.]
      cells:
        - run:
            - create leader-follower nodes=3 apply=50ms
            - write x 1
            - write y 2
            - read x from n2
            - status
      """;

  private static LessonReport run(String prose) {
    return LessonRunner.run(Lessons.parse("09-test.yaml", HEAD + prose));
  }

  private static String told(LessonReport report) {
    return ((LessonReport.Told) report.cells().get(1)).text();
  }

  @Test
  void placeholdersAreFilledFromTheRunCellBefore() {
    LessonReport report =
        run(
            """
              - prose: |
                  n2 was {{4.behind_entries}} entries behind and answered in
                  {{4.latency_ms:1}} ms; {{nodes[n3].role}} n3 had received {{nodes[n3].offset}},
                  the write went to {{2.node}}, {{5.nodes.size}} nodes in all, stale share {{4.stale}}.
            """);
    assertTrue(report.passed(), report.failures()::toString);
    assertEquals(
        "n2 was 2 entries behind and answered in\n2.3 ms; follower n3 had received 2,\n"
            + "the write went to n1, 3 nodes in all, stale share true.\n",
        told(report));
  }

  @Test
  void theTerminalAndTheBookShowTheFilledProse() {
    LessonReport report =
        run(
            """
              - prose: "n2 was {{4.behind_entries}} entries behind."
            """);
    String text = LessonText.render(report);
    assertTrue(text.contains("n2 was 2 entries behind."), text);
    assertFalse(text.contains("{{"), text);
  }

  @Test
  void anUnknownFieldFailsTheLessonAtThePlaceholder() {
    LessonReport report =
        run(
            """
              - prose: |
                  n2 was {{4.behind_entriez}} entries behind.
            """);
    assertFalse(report.passed());
    Verdict failure = report.failures().get(0);
    assertEquals(new Position("09-test.yaml", 13, 14), failure.at());
    assertTrue(
        failure
            .toString()
            .startsWith(
                "09-test.yaml:13:14: FAILED: command 4 'read x from n2': {{4.behind_entriez}} does"
                    + " not resolve: its result has no field 'behind_entriez'; its fields are key,"),
        failure::toString);
    assertEquals("n2 was {{4.behind_entriez}} entries behind.\n", told(report));
  }

  @Test
  void anEmptyValueOrAMissingRowFailsTheLesson() {
    LessonReport report =
        run(
            """
              - prose: "{{4.value}} on n2, and {{nodes[n9].offset}} on n9."
            """);
    assertEquals(
        List.of(
            "{{4.value}} does not resolve: 'value' is empty",
            "{{nodes[n9].offset}} does not resolve: 'nodes' has no row 'n9'; its rows are n1, n2,"
                + " n3"),
        report.failures().stream().map(Verdict::sentence).toList());
  }

  @Test
  void aPlaceholderNamingALineTheCellLacksIsAFormatError() {
    LessonFormatException e =
        assertThrows(
            LessonFormatException.class,
            () ->
                Lessons.parse(
                    "09-test.yaml",
                    HEAD
                        + """
                          - prose: |
                              First line.
                              Then {{7.offset}} and {{3.}}.
                        """));
    assertEquals(
        List.of(
            "09-test.yaml:14:12: '{{7.offset}}' reads line 7 of the run cell before it, which has 5"
                + " lines",
            "09-test.yaml:14:29: '{{3.}}' is not a placeholder; write {{line.field}} such as"
                + " {{3.behind_entries}}, {{offset}} for the last line, {{nodes[n2].applied}},"
                + " {{acked_by.size}}, {{latency_ms:0}} or {{stale_share:%1}}"),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void aPlaceholderBeforeAnyRunCellIsAFormatError() {
    LessonFormatException e =
        assertThrows(
            LessonFormatException.class,
            () ->
                Lessons.parse(
                    "09-test.yaml",
                    """
                    id: 09-test
                    title: A test lesson
                    seed: 1
                    objectives: [Check prose values.]
                    cells:
                      - prose: "It took {{latency_ms}} ms."
                    """));
    assertEquals(
        "09-test.yaml:6:21: '{{latency_ms}}' reads the run cell before this prose, but there is"
            + " none",
        e.problems().get(0).toString());
  }
}
