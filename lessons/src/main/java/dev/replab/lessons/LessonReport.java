package dev.replab.lessons;

import dev.replab.engine.Executed;
import java.util.List;

/**
 * A lesson as it ran: every cell with what its commands printed and whether each expectation held.
 *
 * @param lesson the lesson that ran
 * @param cells one report per cell, in order
 */
public record LessonReport(Lesson lesson, List<CellReport> cells) {
  public LessonReport {
    cells = List.copyOf(cells);
  }

  /** True when every expectation of every run cell held. */
  public boolean passed() {
    return failures().isEmpty();
  }

  /** The expectations that did not hold, in lesson order. */
  public List<Verdict> failures() {
    return cells.stream()
        .flatMap(cell -> cell.verdicts().stream())
        .filter(verdict -> !verdict.passed())
        .toList();
  }

  /** What one cell did. */
  public sealed interface CellReport permits Shown, Told, Ran, JavaRan {
    Cell cell();

    /** The expectations checked in this cell; empty for cells that run nothing. */
    default List<Verdict> verdicts() {
      return List.of();
    }
  }

  /** A try prompt or a quiz: nothing runs. */
  public record Shown(Cell cell) implements CellReport {}

  /**
   * A prose cell with its placeholders filled from the run cell before it.
   *
   * @param text the prose as the learner reads it
   * @param verdicts a failed verdict for each placeholder that did not resolve
   */
  public record Told(Cell.Prose cell, String text, List<Verdict> verdicts) implements CellReport {
    public Told {
      verdicts = List.copyOf(verdicts);
    }
  }

  /** A run cell: each line with the commands it executed, and the verdicts. */
  public record Ran(Cell.Run cell, List<LineRun> lines, List<Verdict> verdicts)
      implements CellReport {
    public Ran {
      lines = List.copyOf(lines);
      verdicts = List.copyOf(verdicts);
    }

    /** The verdicts on one line, numbered from 1. */
    public List<Verdict> verdictsFor(int line) {
      return verdicts.stream().filter(verdict -> verdict.command() == line).toList();
    }
  }

  /**
   * A Java cell.
   *
   * @param executed false when no Java runner was plugged in
   * @param output what the runner returned, or why the cell did not run
   */
  public record JavaRan(Cell.Java cell, boolean executed, String output) implements CellReport {}

  /** One line of a run cell and the commands it executed (several when it holds {@code ;}). */
  public record LineRun(String line, List<Executed> executed) {
    public LineRun {
      executed = List.copyOf(executed);
    }
  }

  /**
   * Whether one expectation held, or why a rejected command fails its cell.
   *
   * @param command the line it checked, from 1
   * @param source the command's text
   * @param passed whether it held
   * @param sentence one sentence for the learner: what was expected and, where it adds something,
   *     what was seen
   * @param at where the expectation (or, for a rejected command, the cell) is written
   * @param expectation the expectation checked, or null for a command that was rejected
   * @param observed what the command showed, as a phrase: "it took 85.22 ms"
   */
  public record Verdict(
      int command,
      String source,
      boolean passed,
      String sentence,
      Position at,
      Expectation expectation,
      String observed) {
    @Override
    public String toString() {
      String what = command == 0 ? "" : "command " + command + " '" + source + "': ";
      return at + ": " + (passed ? "ok" : "FAILED") + ": " + what + sentence;
    }
  }
}
