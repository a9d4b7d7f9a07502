package dev.replab.lessons;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.lessons.LessonReport.CellReport;
import dev.replab.lessons.LessonReport.LineRun;
import dev.replab.lessons.LessonReport.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a lesson from its seed in a fresh session, cell by cell, and checks every expectation. The
 * same lesson always produces the same report: the engine is deterministic.
 */
public final class LessonRunner {
  private LessonRunner() {}

  /** Runs a lesson without a Java runner: Java cells are recorded as not executed. */
  public static LessonReport run(Lesson lesson) {
    return run(lesson, JavaCells.NONE);
  }

  /** Runs every cell of a lesson in one new session seeded with the lesson's seed. */
  public static LessonReport run(Lesson lesson, JavaCells javaCells) {
    Session session = new Session(lesson.seed());
    List<CellReport> reports = new ArrayList<>();
    LessonReport.Ran previous = null;
    for (Cell cell : lesson.cells()) {
      CellReport report = runCell(cell, session, javaCells, previous);
      if (report instanceof LessonReport.Ran ran) {
        previous = ran;
      }
      reports.add(report);
    }
    return new LessonReport(lesson, reports);
  }

  /**
   * Runs one cell in an existing session, as the REPL's notebook player does. Prompts and quizzes
   * run nothing; prose with placeholders fails them, having no run cell to read.
   */
  public static CellReport runCell(Cell cell, Session session, JavaCells javaCells) {
    return runCell(cell, session, javaCells, null);
  }

  /**
   * Runs one cell in an existing session; prose fills its placeholders from {@code previous}, the
   * report of the last run cell before it (null when there was none or it has not run).
   */
  public static CellReport runCell(
      Cell cell, Session session, JavaCells javaCells, LessonReport.Ran previous) {
    if (cell instanceof Cell.Prose prose) {
      return ProseValues.resolve(prose, previous);
    }
    if (cell instanceof Cell.Run run) {
      return runCommands(run, session);
    }
    if (cell instanceof Cell.Java java) {
      if (javaCells == JavaCells.NONE) {
        return new LessonReport.JavaRan(
            java, false, "not executed: no Java cell runner is plugged in");
      }
      return new LessonReport.JavaRan(java, true, javaCells.eval(java.snippet(), session));
    }
    return new LessonReport.Shown(cell);
  }

  private static LessonReport.Ran runCommands(Cell.Run run, Session session) {
    List<LineRun> lines = new ArrayList<>();
    for (String line : run.commands()) {
      lines.add(new LineRun(line, session.execute(line)));
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (int number = 1; number <= lines.size(); number++) {
      LineRun line = lines.get(number - 1);
      verdicts.addAll(rejections(run, number, line));
      for (Expectation expectation : run.expect()) {
        if (expectation.command() == number) {
          verdicts.add(verdict(expectation, line));
        }
      }
    }
    return new LessonReport.Ran(run, lines, verdicts);
  }

  /**
   * A rejected command fails the lesson unless an expectation on its line says {@code ok: false}: a
   * typo in a lesson must not pass silently.
   */
  private static List<Verdict> rejections(Cell.Run run, int number, LineRun line) {
    boolean rejectionExpected =
        run.expect().stream()
            .anyMatch(
                e ->
                    e.command() == number
                        && e.check() instanceof Check.Accepted accepted
                        && !accepted.ok());
    List<Verdict> verdicts = new ArrayList<>();
    for (Executed executed : line.executed()) {
      if (!executed.ok() && !rejectionExpected) {
        String why = "the command was rejected: " + executed.error();
        verdicts.add(new Verdict(number, executed.source(), false, why, run.at(), null, why));
      }
    }
    return verdicts;
  }

  private static Verdict verdict(Expectation expectation, LineRun line) {
    if (line.executed().isEmpty()) {
      String why = "this line runs no command, so there is nothing to check";
      return new Verdict(
          expectation.command(), line.line(), false, why, expectation.at(), expectation, why);
    }
    Executed last = line.executed().get(line.executed().size() - 1);
    Check check = expectation.check();
    Check.Observation observation = check.observe(last);
    String sentence =
        observation.passed()
            ? check.confirmed(observation)
            : "expected " + check.expected() + ", but " + observation.actual();
    return new Verdict(
        expectation.command(),
        last.source(),
        observation.passed(),
        sentence,
        expectation.at(),
        expectation,
        observation.actual());
  }
}
