package dev.replab.book;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.CommandRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * What a learner sees in the REPL: each line as typed after a {@code >} prompt, then the engine's
 * own text for every command on it. The book prints nothing else, so it can only show output the
 * engine really produces.
 */
final class Transcript {
  /** What starts a typed line, as in the REPL. */
  static final String PROMPT = "> ";

  /** One line of a transcript: typed by the learner, or printed by the engine. */
  private record Line(String text, boolean typed) {}

  private final List<Line> lines = new ArrayList<>();
  private final List<String> rejections = new ArrayList<>();

  /** Runs every non-blank line that is not a comment, in order, in a new session. */
  static Transcript run(long seed, List<String> input) {
    Session session = new Session(seed);
    Transcript transcript = new Transcript();
    for (String line : input) {
      String typed = line.strip();
      if (!typed.isEmpty() && !typed.startsWith("#")) {
        transcript.add(typed, session.execute(typed));
      }
    }
    return transcript;
  }

  /**
   * Splits {@code a; b; c} into one line per command, so a one-line macro reads like a session. A
   * line the engine cannot split stays whole: running it shows the engine's own error.
   */
  static List<String> oneCommandPerLine(String commands) {
    List<String> lines = new ArrayList<>();
    for (String line : commands.split("\n")) {
      try {
        lines.addAll(CommandRegistry.splitCommands(line));
      } catch (CommandError e) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Adds a typed line and what each of its commands printed. */
  void add(String typed, List<Executed> executed) {
    lines.add(new Line(PROMPT + typed.strip(), true));
    for (Executed one : executed) {
      String text = one.text().stripTrailing();
      if (!text.isEmpty()) {
        for (String printed : text.split("\n", -1)) {
          lines.add(new Line(printed, false));
        }
      }
      if (!one.ok()) {
        rejections.add(one.source() + ": " + one.text());
      }
    }
  }

  /** The plain text, one string per line. */
  List<String> lines() {
    return lines.stream().map(Line::text).toList();
  }

  /**
   * The lines ready for a block without substitutions: HTML special characters escaped, typed lines
   * in {@code <strong>}, which both the HTML converter (verbatim) and the PDF converter (its
   * formatted text) understand.
   */
  List<String> markup() {
    return lines.stream()
        .map(
            line ->
                line.typed() ? "<strong>" + escape(line.text()) + "</strong>" : escape(line.text()))
        .toList();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The rejected commands with the engine's sentence for each; empty when all ran. */
  List<String> rejections() {
    return List.copyOf(rejections);
  }
}
