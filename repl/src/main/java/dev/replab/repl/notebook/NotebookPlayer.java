package dev.replab.repl.notebook;

import dev.replab.engine.Session;
import dev.replab.lessons.Cell;
import dev.replab.lessons.JavaCells;
import dev.replab.lessons.Lesson;
import dev.replab.lessons.LessonFormatException;
import dev.replab.lessons.LessonReport;
import dev.replab.lessons.LessonRunner;
import dev.replab.lessons.LessonText;
import dev.replab.lessons.Lessons;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plays a lesson like a notebook, one cell at a time, in the REPL's own session: {@code :lesson}
 * opens one at its seed, {@code :next} and {@code :prev} move and show a cell, {@code :run} runs
 * the current cell and says whether its expectations held, {@code :reset} starts over. Commands
 * typed between cells act on the same cluster, so a learner can experiment and come back.
 */
public final class NotebookPlayer {
  /**
   * What a player command produced: the text to show, and a fresh session the REPL must adopt (null
   * when the current one stays).
   */
  public record Step(String text, Session session) {
    static Step show(String text) {
      return new Step(text, null);
    }
  }

  private final Progress progress;
  private final JavaCells javaCells;
  private Lesson lesson;
  private int index;

  /** The run cells the learner ran with :run since the lesson opened, by cell index. */
  private final Map<Integer, LessonReport.Ran> ran = new HashMap<>();

  /** The lesson as it runs from its seed, for prose after a run cell the learner skipped. */
  private LessonReport reference;

  public NotebookPlayer(Progress progress, JavaCells javaCells) {
    this.progress = progress;
    this.javaCells = javaCells;
  }

  /** True while a lesson is open. */
  public boolean playing() {
    return lesson != null;
  }

  /** A prompt tag like "03 4/12", or "" when no lesson is open. */
  public String position() {
    return lesson == null ? "" : lesson.number() + " " + (index + 1) + "/" + lesson.cells().size();
  }

  /** {@code :lessons}: every lesson with how far the learner got. */
  public Step list() {
    StringBuilder text = new StringBuilder("lessons (open one with :lesson <number>):\n");
    List<Lesson> all = Lessons.all();
    // Whole titles, however long: the column is as wide as the longest.
    int titleWidth = all.stream().mapToInt(each -> each.title().length()).max().orElse(0);
    for (Lesson each : all) {
      int cells = each.cells().size();
      int reached = Math.min(progress.reached(each.id()), cells);
      long runCells = each.cells().stream().filter(c -> c instanceof Cell.Run).count();
      String bar =
          "#".repeat(reached * 10 / Math.max(1, cells))
              + ".".repeat(10 - reached * 10 / Math.max(1, cells));
      text.append(
          String.format(
              Locale.ROOT,
              "  %s  %-" + titleWidth + "s [%s] %2d/%d cells, %d/%d runs held%n",
              each.number(),
              each.title(),
              bar,
              reached,
              cells,
              Math.min(progress.passed(each.id()), runCells),
              runCells));
    }
    return Step.show(text.toString().stripTrailing());
  }

  /** {@code :lesson <id>}: opens a lesson at its seed, in a fresh session, on its first cell. */
  public Step open(String id) {
    Lesson found;
    try {
      found = Lessons.load(id);
    } catch (LessonFormatException | IllegalArgumentException e) {
      // The loader's message already names the lesson and lists those there are.
      return Step.show(e.getMessage() + "; :lessons shows them with your progress");
    }
    lesson = found;
    index = 0;
    ran.clear();
    reference = null;
    progress.reach(lesson.id(), 1);
    return new Step(LessonText.header(lesson) + "\n" + show(), new Session(lesson.seed()));
  }

  /** {@code :next}: moves to the next cell and shows it. */
  public Step next() {
    if (lesson == null) {
      return noLesson();
    }
    if (index + 1 >= lesson.cells().size()) {
      return Step.show(
          "that was the last cell of lesson "
              + lesson.number()
              + "; :lessons shows what comes next");
    }
    index++;
    progress.reach(lesson.id(), index + 1);
    return Step.show(show());
  }

  /** {@code :prev}: moves back one cell and shows it. */
  public Step prev() {
    if (lesson == null) {
      return noLesson();
    }
    if (index == 0) {
      return Step.show("this is the first cell");
    }
    index--;
    return Step.show(show());
  }

  /** {@code :reset}: back to the lesson's seed and its first cell. */
  public Step reset() {
    if (lesson == null) {
      return noLesson();
    }
    index = 0;
    ran.clear();
    return new Step(
        "lesson " + lesson.number() + " starts over from seed " + lesson.seed() + "\n\n" + show(),
        new Session(lesson.seed()));
  }

  /** {@code :run}: runs the current cell in the session and says whether its expectations held. */
  public Step run(Session session) {
    if (lesson == null) {
      return noLesson();
    }
    Cell cell = lesson.cells().get(index);
    if (!(cell instanceof Cell.Run)
        && !(cell instanceof Cell.Java)
        && !(cell instanceof Cell.Quiz)) {
      return Step.show("this cell has nothing to run; :next moves on");
    }
    if (cell instanceof Cell.Quiz) {
      return Step.show(LessonText.cell(new LessonReport.Shown(cell), true).stripTrailing());
    }
    LessonReport.CellReport report = LessonRunner.runCell(cell, session, javaCells);
    String text = LessonText.cell(report, false).stripTrailing();
    if (report instanceof LessonReport.Ran run) {
      ran.put(index, run);
      boolean held = run.verdicts().stream().allMatch(LessonReport.Verdict::passed);
      if (held) {
        progress.pass(lesson.id(), runCellsUpTo(index));
      }
      text +=
          held
              ? "\nall expectations held; :next moves on"
              : "\nsome expectations did not hold: the cluster is not where the lesson expects (try :reset)";
    }
    return Step.show(text);
  }

  private int runCellsUpTo(int last) {
    int count = 0;
    List<Cell> cells = lesson.cells();
    for (int i = 0; i <= last; i++) {
      if (cells.get(i) instanceof Cell.Run) {
        count++;
      }
    }
    return count;
  }

  /** The current cell as a learner first sees it: prose rendered, commands listed but not run. */
  private String show() {
    Cell cell = lesson.cells().get(index);
    String where = "-- cell " + (index + 1) + " of " + lesson.cells().size() + " --\n";
    if (cell instanceof Cell.Run run) {
      StringBuilder text =
          new StringBuilder(
              where + "commands of this cell (:run runs them; you may also type your own):\n");
      run.commands().forEach(command -> text.append("  > ").append(command).append('\n'));
      return text.toString().stripTrailing();
    }
    if (cell instanceof Cell.Java java) {
      return where
          + "Java (:run evaluates it with the live cluster bound):\n"
          + java.snippet().stripTrailing();
    }
    if (cell instanceof Cell.Prose prose) {
      return where + LessonText.cell(told(prose), false).stripTrailing();
    }
    return where
        + LessonText.cell(new LessonReport.Shown(cell), false).stripTrailing()
        + (cell instanceof Cell.Quiz ? "\n(:run shows the answer)" : "");
  }

  /**
   * The prose with its numbers filled from the run cell before it: the learner's own run of that
   * cell when they ran it, otherwise the lesson's run from its seed, which is what the prose
   * describes.
   */
  private LessonReport.CellReport told(Cell.Prose prose) {
    int before = index - 1;
    while (before >= 0 && !(lesson.cells().get(before) instanceof Cell.Run)) {
      before--;
    }
    LessonReport.Ran previous = before < 0 ? null : ran.get(before);
    if (previous == null && before >= 0) {
      if (reference == null) {
        reference = LessonRunner.run(lesson);
      }
      previous = (LessonReport.Ran) reference.cells().get(before);
    }
    return LessonRunner.runCell(prose, null, javaCells, previous);
  }

  private static Step noLesson() {
    return Step.show("no lesson is open; :lessons lists them and :lesson <number> opens one");
  }
}
