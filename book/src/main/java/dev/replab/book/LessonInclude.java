package dev.replab.book;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.lessons.Cell;
import dev.replab.lessons.Lesson;
import dev.replab.lessons.LessonReport;
import dev.replab.lessons.LessonReport.CellReport;
import dev.replab.lessons.LessonReport.Verdict;
import dev.replab.lessons.LessonRunner;
import dev.replab.lessons.Lessons;
import dev.replab.lessons.java.JavaConsole;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.IncludeProcessor;
import org.asciidoctor.extension.PreprocessorReader;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * {@code include::lesson:01[]} runs a shipped lesson ({@code include::lesson:all[]}: every shipped
 * lesson in course order; {@code include::lesson:my-lesson.yaml[]}: a lesson file next to the
 * including document) from its seed and includes it as a chapter (see {@link LessonWriter}), each
 * run cell followed by the drawings made from its real run (see {@link CellFigures}). It is an
 * include rather than a block macro so that the lesson's prose is parsed exactly like hand-written
 * chapters: its sections reach the table of contents.
 *
 * <p>The cells run one by one, exactly as {@link LessonRunner#run} runs them, so that each cell's
 * drawings can be made from the session as that cell left it.
 *
 * <p>An unknown lesson, or an expectation that does not hold, is logged as an error, and the book
 * build fails on it: the book never shows a lesson whose output no longer says what its prose says.
 */
public final class LessonInclude extends IncludeProcessor {
  static final String PREFIX = "lesson:";

  /** The target that includes every shipped lesson, in the order of the lessons' index. */
  static final String ALL = "all";

  @Override
  public boolean handles(String target) {
    return target.startsWith(PREFIX);
  }

  @Override
  public void process(
      Document document, PreprocessorReader reader, String target, Map<String, Object> attributes) {
    String id = target.substring(PREFIX.length());
    List<String> ids = id.equals(ALL) ? Lessons.ids() : List.of(id);
    List<String> chapters = new ArrayList<>();
    for (String one : ids) {
      chapters.addAll(chapter(one, document, reader, target));
      chapters.add("");
    }
    String file = id.equals(ALL) ? "lessons/index.txt" : "lessons/" + id;
    reader.pushInclude(String.join("\n", chapters) + "\n", file, file, 1, attributes);
  }

  /**
   * One lesson, run and written as a chapter; nothing (and an error logged) when it cannot load.
   */
  private List<String> chapter(
      String id, Document document, PreprocessorReader reader, String target) {
    Lesson lesson;
    try {
      lesson = load(id, reader);
    } catch (IOException | RuntimeException e) {
      error(reader, "include::" + target + "[]: " + e.getMessage());
      return List.of();
    }
    boolean html = Figure.html(document);
    Session session = new Session(lesson.seed());
    List<CellReport> cells = new ArrayList<>();
    Map<Integer, List<Figure>> figures = new HashMap<>();
    CellFigures drawings = new CellFigures(html);
    LessonReport.Ran previous = null;
    try (JavaConsole java = new JavaConsole()) {
      for (Cell cell : lesson.cells()) {
        previous = runCell(cell, session, java, previous, cells, figures, drawings);
      }
    }
    LessonReport report = new LessonReport(lesson, cells);
    for (Verdict failure : report.failures()) {
      error(reader, "lesson " + lesson.id() + " does not hold: " + failure);
    }
    return LessonWriter.write(
        report,
        index ->
            figures.getOrDefault(index, List.of()).stream()
                .flatMap(figure -> figure.asciidoc(html).stream())
                .toList());
  }

  /**
   * A shipped lesson by id or number, or an instructor's own lesson file, named relative to the
   * including document: {@code include::lesson:extra/07-my-lesson.yaml[]}.
   */
  private static Lesson load(String id, PreprocessorReader reader) throws IOException {
    if (id.endsWith(".yaml") || id.endsWith(".yml")) {
      Path dir = reader.getDir() == null ? Path.of(".") : Path.of(reader.getDir());
      return Lessons.read(dir.resolve(id));
    }
    return Lessons.load(id);
  }

  private void error(PreprocessorReader reader, String message) {
    log(
        new LogRecord(
            Severity.ERROR,
            message
                + " (included at "
                + (reader.getFile() == null || reader.getFile().isEmpty()
                    ? "<input>"
                    : reader.getFile())
                + ":"
                + reader.getLineNumber()
                + ")"));
  }

  /** Runs one cell of a chapter and keeps its report and its figures; returns the last run cell. */
  private static LessonReport.Ran runCell(
      Cell cell,
      Session session,
      JavaConsole java,
      LessonReport.Ran previous,
      List<CellReport> cells,
      Map<Integer, List<Figure>> figures,
      CellFigures drawings) {
    long startUs = session.nowUs();
    CellReport ran = LessonRunner.runCell(cell, session, java, previous);
    LessonReport.Ran last = previous;
    if (ran instanceof LessonReport.Ran run) {
      last = run;
      List<Executed> executed =
          run.lines().stream().flatMap(line -> line.executed().stream()).toList();
      figures.put(cells.size(), drawings.of(executed, session, startUs));
    }
    cells.add(ran);
    return last;
  }
}
