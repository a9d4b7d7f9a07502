package dev.replab.book;

import dev.replab.lessons.Cell;
import dev.replab.lessons.Lesson;
import dev.replab.lessons.LessonReport;
import dev.replab.lessons.LessonReport.CellReport;
import dev.replab.lessons.LessonReport.LineRun;
import dev.replab.lessons.LessonReport.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes an executed lesson as AsciiDoc: a chapter titled after the lesson, its objectives, its
 * prose as written, every run cell as a listing of the real transcript with a note of what the
 * build checked and the drawings made from its run, Java cells as code, prompts as tips and quizzes
 * as sidebars.
 */
final class LessonWriter {
  private final List<String> out = new ArrayList<>();

  private LessonWriter() {}

  /** The chapter for one lesson report. Failed expectations are the caller's business. */
  static List<String> write(LessonReport report) {
    return write(report, index -> List.of());
  }

  /**
   * The chapter for one lesson report, with the lines {@code figures} gives for each cell (by its
   * index in the lesson) after that cell's listing.
   */
  static List<String> write(LessonReport report, IntFunction<List<String>> figures) {
    LessonWriter writer = new LessonWriter();
    writer.header(report.lesson());
    // Lesson prose titles its sections with "==", as if the lesson were the whole document; in
    // the book the lesson is a chapter, so its sections go one level down.
    writer.out.add(":leveloffset: +1");
    writer.out.add("");
    for (int index = 0; index < report.cells().size(); index++) {
      writer.cell(report.cells().get(index));
      writer.out.addAll(figures.apply(index));
    }
    writer.out.add(":leveloffset: -1");
    return List.copyOf(writer.out);
  }

  /** The anchor of a lesson's chapter, for cross references: {@code lesson-01}. */
  static String anchor(Lesson lesson) {
    return "lesson-" + lesson.number();
  }

  private void header(Lesson lesson) {
    out.add("[[" + anchor(lesson) + "]]");
    out.add("== " + lesson.title());
    out.add("");
    if (!lesson.objectives().isEmpty()) {
      out.add(".In this lesson you will");
      for (String objective : lesson.objectives()) {
        out.add("* " + objective.strip());
      }
      out.add("");
    }
    out.add(
        "_Lesson "
            + lesson.id()
            + ", seed "
            + lesson.seed()
            + "._ "
            + "Play it in the REPL with `+:lesson "
            + lesson.number()
            + "+`; every listing below was produced by the engine when this book was built.");
    out.add("");
  }

  private void cell(CellReport report) {
    if (report instanceof LessonReport.Ran ran) {
      run(ran);
    } else if (report instanceof LessonReport.JavaRan java) {
      java(java);
    } else if (report instanceof LessonReport.Told told) {
      block(told.text());
    } else if (report.cell() instanceof Cell.Try tryIt) {
      tryIt(tryIt);
    } else if (report.cell() instanceof Cell.Quiz quiz) {
      quiz(quiz);
    }
  }

  private void run(LessonReport.Ran ran) {
    Transcript transcript = new Transcript();
    for (LineRun line : ran.lines()) {
      transcript.add(line.line(), line.executed());
    }
    String delimiter = delimiter(transcript.lines(), '-');
    out.add(Listings.BLOCK_ATTRIBUTES);
    out.add(delimiter);
    out.addAll(transcript.markup());
    out.add(delimiter);
    out.add("");
    checked(ran);
  }

  /**
   * A short list of what the lesson's expectations asserted, one item per checked line, in the
   * runner's own words. Only held expectations reach the book: a failed one stops the build.
   */
  private void checked(LessonReport.Ran ran) {
    List<String> items = new ArrayList<>();
    for (int line = 1; line <= ran.lines().size(); line++) {
      List<String> phrases = new ArrayList<>();
      String source = null;
      for (Verdict verdict : ran.verdictsFor(line)) {
        if (verdict.passed() && verdict.expectation() != null) {
          phrases.add(verdict.sentence());
          source = verdict.source();
        }
      }
      if (!phrases.isEmpty()) {
        items.add("* `+" + literal(source) + "+`: " + text(String.join("; ", phrases)));
      }
    }
    if (items.isEmpty()) {
      return;
    }
    out.add(".What the build checked");
    out.add("[.replab-checked]");
    out.addAll(items);
    out.add("");
  }

  private void java(LessonReport.JavaRan java) {
    List<String> lines = List.of(java.cell().snippet().stripTrailing().split("\n", -1));
    String delimiter = delimiter(lines, '-');
    out.add(
        java.executed()
            ? ".Java cell, run on the lesson's cluster as the book was built"
            : ".Java cell: run it in the REPL, where the lesson's cluster is bound");
    out.add("[source,java,subs=specialchars]");
    out.add(delimiter);
    out.addAll(lines);
    out.add(delimiter);
    out.add("");
    String printed = java.executed() ? java.output().strip() : "";
    if (!printed.isEmpty() && !printed.equals("(no value)")) {
      List<String> shown = List.of(printed.split("\n", -1));
      String fence = delimiter(shown, '.');
      out.add("[listing,subs=specialchars]");
      out.add(fence);
      out.addAll(shown);
      out.add(fence);
      out.add("");
    }
  }

  private void tryIt(Cell.Try tryIt) {
    List<String> body = new ArrayList<>(lines(tryIt.prompt()));
    if (tryIt.hint() != null && !tryIt.hint().isBlank()) {
      body.add("");
      body.add("_Hint:_ " + tryIt.hint().strip());
    }
    out.add("[TIP.replab-try]");
    out.add(".Try it");
    compound('=', body);
  }

  private void quiz(Cell.Quiz quiz) {
    List<String> body = new ArrayList<>(lines(quiz.question()));
    body.add("");
    body.add("[loweralpha]");
    for (String choice : quiz.choices()) {
      body.add(". " + choice.strip());
    }
    body.add("");
    List<String> answer = new ArrayList<>();
    answer.add(
        "*" + Cell.Quiz.letter(quiz.answer()) + ")* " + quiz.choices().get(quiz.answer()).strip());
    if (quiz.explanation() != null && !quiz.explanation().isBlank()) {
      answer.add("");
      answer.addAll(lines(quiz.explanation()));
    }
    body.add("[%collapsible.replab-answer]");
    body.add(".Answer");
    String inner = delimiter(answer, '=');
    body.add(inner);
    body.addAll(answer);
    body.add(inner);
    out.add("[sidebar.replab-quiz]");
    out.add(".Quiz");
    compound('*', body);
  }

  private void compound(char fill, List<String> body) {
    String delimiter = delimiter(body, fill);
    out.add(delimiter);
    out.addAll(body);
    out.add(delimiter);
    out.add("");
  }

  private void block(String asciidoc) {
    out.addAll(lines(asciidoc));
    out.add("");
  }

  private static List<String> lines(String text) {
    return List.of(text.strip().split("\n", -1));
  }

  /** Four fill characters, or one more than the longest line made only of them. */
  static String delimiter(List<String> lines, char fill) {
    int longest = 3;
    for (String line : lines) {
      if (!line.isEmpty() && line.chars().allMatch(c -> c == fill)) {
        longest = Math.max(longest, line.length());
      }
    }
    return String.valueOf(fill).repeat(longest + 1);
  }

  /** Text inside a literal {@code `+...+`} span, which cannot contain its own closing mark. */
  private static String literal(String text) {
    return text.replace("+`", "+ `");
  }

  /** Plain text in a paragraph: only special characters are substituted, nothing is markup. */
  static String text(String text) {
    return "pass:c[" + text.replace("]", "\\]") + "]";
  }
}
