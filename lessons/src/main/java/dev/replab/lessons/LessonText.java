package dev.replab.lessons;

import dev.replab.engine.Executed;
import dev.replab.lessons.LessonReport.CellReport;
import dev.replab.lessons.LessonReport.LineRun;
import dev.replab.lessons.LessonReport.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renders a lesson and its executed cells as plain text for a terminal: prose wrapped to 80
 * columns, commands after {@code > }, their output indented, each expectation as a ✓ or ✗ line.
 */
public final class LessonText {
  /** The column prose is wrapped at. */
  public static final int WIDTH = 80;

  private static final Pattern HEADING = Pattern.compile("^(={1,5})\\s+(.*)$");
  private static final Pattern LIST_ITEM = Pattern.compile("^(\\*{1,3}|-|\\.{1,3})\\s+(.*)$");
  private static final Pattern ADMONITION =
      Pattern.compile("^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):\\s+(.*)$");
  private static final Pattern BOLD =
      Pattern.compile("(?<![\\w*])\\*(\\S(?:[^*]*?\\S)?)\\*(?![\\w*])");
  private static final Pattern ITALIC =
      Pattern.compile("(?<![\\w_])_(\\S(?:[^_]*?\\S)?)_(?![\\w_])");
  private static final Pattern XREF = Pattern.compile("<<[^,>]+,\\s*([^>]+)>>");

  private LessonText() {}

  /** The whole lesson with its outputs, quiz answers included. */
  public static String render(LessonReport report) {
    return render(report, true);
  }

  /** The whole lesson with its outputs; quiz answers only when {@code showAnswers}. */
  public static String render(LessonReport report, boolean showAnswers) {
    StringBuilder out = new StringBuilder(header(report.lesson()).stripTrailing()).append('\n');
    for (CellReport cell : report.cells()) {
      out.append('\n').append(cell(cell, showAnswers).stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The lesson's title, seed and objectives. */
  public static String header(Lesson lesson) {
    String title = "Lesson " + lesson.number() + ": " + lesson.title();
    StringBuilder out =
        new StringBuilder(title)
            .append('\n')
            .append("=".repeat(Math.min(WIDTH, title.length())))
            .append('\n');
    out.append("seed ").append(lesson.seed()).append("\n\nYou will be able to:\n");
    for (String objective : lesson.objectives()) {
      appendWrapped(out, inline(objective), "  * ", "    ");
    }
    return out.toString();
  }

  /** One cell as it ran, ending in a newline. */
  public static String cell(CellReport report, boolean showAnswers) {
    if (report instanceof LessonReport.Ran ran) {
      return run(ran);
    }
    if (report instanceof LessonReport.JavaRan java) {
      return java(java);
    }
    if (report instanceof LessonReport.Told told) {
      return asciidoc(told.text(), WIDTH);
    }
    Cell cell = report.cell();
    if (cell instanceof Cell.Prose prose) {
      return asciidoc(prose.text(), WIDTH);
    }
    if (cell instanceof Cell.Try prompt) {
      return tryIt(prompt);
    }
    if (cell instanceof Cell.Quiz quiz) {
      return quiz(quiz, showAnswers);
    }
    throw new IllegalStateException("no rendering for " + cell.getClass().getSimpleName());
  }

  private static String run(LessonReport.Ran ran) {
    StringBuilder out = new StringBuilder();
    for (int number = 1; number <= ran.lines().size(); number++) {
      LineRun line = ran.lines().get(number - 1);
      out.append("> ").append(line.line()).append('\n');
      for (Executed executed : line.executed()) {
        out.append(indent(executed.text(), "  "));
      }
      for (Verdict verdict : ran.verdictsFor(number)) {
        appendWrapped(out, verdict.sentence(), verdict.passed() ? "  ✓ " : "  ✗ ", "    ");
      }
    }
    return out.toString();
  }

  private static String java(LessonReport.JavaRan java) {
    StringBuilder out = new StringBuilder();
    for (String line : java.cell().snippet().strip().split("\n")) {
      out.append("java> ").append(line).append('\n');
    }
    String output = java.executed() ? java.output() : "(" + java.output() + ")";
    if (!output.isBlank()) {
      out.append(indent(output.stripTrailing(), "  "));
    }
    return out.toString();
  }

  private static String tryIt(Cell.Try prompt) {
    StringBuilder out =
        new StringBuilder("Try it:\n")
            .append(indent(asciidoc(prompt.prompt(), WIDTH - 2).stripTrailing(), "  "));
    if (prompt.hint() != null) {
      appendWrapped(out, "Hint: " + inline(prompt.hint()), "  ", "  ");
    }
    return out.toString();
  }

  private static String quiz(Cell.Quiz quiz, boolean showAnswers) {
    StringBuilder out = new StringBuilder();
    appendWrapped(out, "Quiz: " + inline(quiz.question()), "", "      ");
    for (int i = 0; i < quiz.choices().size(); i++) {
      appendWrapped(out, inline(quiz.choices().get(i)), "  " + Cell.Quiz.letter(i) + ") ", "     ");
    }
    if (showAnswers) {
      appendWrapped(
          out,
          "Answer: " + Cell.Quiz.letter(quiz.answer()) + ". " + inline(quiz.explanation()),
          "",
          "  ");
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- AsciiDoc to plain text

  /**
   * Converts the AsciiDoc that lessons use to wrapped plain text: section titles, paragraphs,
   * bulleted and numbered lists, admonitions and listing blocks. Other markup passes through.
   */
  static String asciidoc(String text, int width) {
    StringBuilder out = new StringBuilder();
    List<String> lines = List.of(text.replace("\r", "").split("\n", -1));
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      String trimmed = line.strip();
      if (trimmed.isEmpty() || isBlockAttribute(trimmed)) {
        i++;
      } else if (trimmed.equals("----") || trimmed.equals("....")) {
        i = listing(lines, i, out);
      } else if (HEADING.matcher(trimmed).matches()) {
        heading(trimmed, out);
        i++;
      } else if (line.startsWith(" ") || line.startsWith("\t")) {
        out.append("    ").append(line.strip()).append('\n');
        i++;
        separateIfParagraphFollows(lines, i, out);
      } else {
        i = paragraph(lines, i, out, width);
      }
    }
    return out.toString();
  }

  private static boolean isBlockAttribute(String trimmed) {
    return (trimmed.startsWith("[") && trimmed.endsWith("]")) || trimmed.startsWith("//");
  }

  private static int listing(List<String> lines, int start, StringBuilder out) {
    String delimiter = lines.get(start).strip();
    int i = start + 1;
    while (i < lines.size() && !lines.get(i).strip().equals(delimiter)) {
      out.append("    ").append(lines.get(i).stripTrailing()).append('\n');
      i++;
    }
    out.append('\n');
    return i + 1;
  }

  private static void heading(String trimmed, StringBuilder out) {
    var matcher = HEADING.matcher(trimmed);
    matcher.matches();
    String title = inline(matcher.group(2));
    out.append(title)
        .append('\n')
        .append((matcher.group(1).length() <= 2 ? "-" : "~").repeat(title.length()))
        .append("\n\n");
  }

  private static void separateIfParagraphFollows(List<String> lines, int next, StringBuilder out) {
    if (next < lines.size() && lines.get(next).isBlank()) {
      out.append('\n');
    }
  }

  /** A paragraph or a list item: joins its lines and wraps them. */
  private static int paragraph(List<String> lines, int start, StringBuilder out, int width) {
    String first = lines.get(start).strip();
    var item = LIST_ITEM.matcher(first);
    var admonition = ADMONITION.matcher(first);
    boolean isItem = item.matches();
    StringBuilder joined = new StringBuilder(isItem ? item.group(2) : first);
    int i = start + 1;
    while (i < lines.size() && continuesParagraph(lines.get(i))) {
      joined.append(' ').append(lines.get(i).strip());
      i++;
    }
    if (isItem) {
      int depth = item.group(1).length() - 1;
      String bullet = item.group(1).startsWith(".") ? "-" : "*";
      String lead = "  ".repeat(depth) + "  " + bullet + " ";
      out.append(wrap(inline(joined.toString()), width, lead, " ".repeat(lead.length())));
      int next = i < lines.size() && lines.get(i).isBlank() ? i + 1 : i;
      boolean listContinues =
          next < lines.size() && LIST_ITEM.matcher(lines.get(next).strip()).matches();
      if (!listContinues) {
        out.append('\n');
      }
      return listContinues ? next : i;
    }
    String body =
        admonition.matches()
            ? label(admonition.group(1))
                + ": "
                + admonition.group(2)
                + joined.substring(first.length())
            : joined.toString();
    out.append(wrap(inline(body), width, "", "")).append('\n');
    return i;
  }

  private static boolean continuesParagraph(String line) {
    String trimmed = line.strip();
    return !trimmed.isEmpty()
        && !LIST_ITEM.matcher(trimmed).matches()
        && !HEADING.matcher(trimmed).matches()
        && !trimmed.equals("----")
        && !trimmed.equals("....");
  }

  private static String label(String admonition) {
    return admonition.charAt(0) + admonition.substring(1).toLowerCase(Locale.ROOT);
  }

  /**
   * Drops inline markup that means nothing in a terminal: bold, italics, cross-reference targets.
   */
  static String inline(String text) {
    String plain = XREF.matcher(text).replaceAll("$1");
    plain = BOLD.matcher(plain).replaceAll("$1");
    return ITALIC.matcher(plain).replaceAll("$1");
  }

  // ---------------------------------------------------------------- wrapping

  /** Wraps words to {@code width} columns; a word longer than a line stands alone. */
  static String wrap(String text, int width, String firstIndent, String restIndent) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(firstIndent);
    boolean lineHasWord = false;
    for (String word : text.strip().split("\\s+")) {
      if (lineHasWord && line.length() + 1 + word.length() > width) {
        out.append(line).append('\n');
        line = new StringBuilder(restIndent);
        lineHasWord = false;
      }
      if (lineHasWord) {
        line.append(' ');
      }
      line.append(word);
      lineHasWord = true;
    }
    return out.append(line).append('\n').toString();
  }

  private static void appendWrapped(
      StringBuilder out, String text, String firstIndent, String restIndent) {
    out.append(wrap(text, WIDTH, firstIndent, restIndent));
  }

  private static String indent(String text, String prefix) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append(line.isEmpty() ? "" : prefix + line).append('\n');
    }
    return out.toString();
  }
}
