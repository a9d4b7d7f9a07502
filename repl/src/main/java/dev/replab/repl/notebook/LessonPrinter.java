package dev.replab.repl.notebook;

import dev.replab.lessons.Lesson;
import dev.replab.lessons.LessonFormatException;
import dev.replab.lessons.LessonReport;
import dev.replab.lessons.LessonRunner;
import dev.replab.lessons.LessonText;
import dev.replab.lessons.Lessons;
import dev.replab.lessons.java.JavaConsole;
import java.io.PrintStream;

/**
 * {@code replab lesson <id>}: plays a whole lesson without a terminal and prints it with its
 * outputs, for reading and for CI. Java cells run through JShell, started only if the lesson has
 * one.
 */
public final class LessonPrinter {
  private LessonPrinter() {}

  /**
   * Prints the lesson and returns the exit status: 0 when every expectation held, 1 when one did
   * not, 2 when there is no such lesson.
   */
  public static int print(String id, boolean showAnswers, PrintStream out, PrintStream err) {
    Lesson lesson;
    try {
      lesson = Lessons.load(id);
    } catch (LessonFormatException | IllegalArgumentException e) {
      // The loader's message already names the lesson and lists those there are.
      err.println("replab: " + e.getMessage());
      return 2;
    }
    try (JavaConsole java = new JavaConsole()) {
      LessonReport report = LessonRunner.run(lesson, java);
      out.print(LessonText.render(report, showAnswers));
      out.flush();
      if (!report.passed()) {
        err.println(
            "replab: "
                + report.failures().size()
                + " expectation(s) of lesson "
                + lesson.number()
                + " did not hold (seed "
                + lesson.seed()
                + ")");
        report.failures().forEach(failure -> err.println("  " + failure));
        return 1;
      }
      return 0;
    }
  }
}
