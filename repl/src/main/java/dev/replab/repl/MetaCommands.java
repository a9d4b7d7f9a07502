package dev.replab.repl;

import dev.replab.engine.command.Suggest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shell's own commands, which start with {@code :} and act on the shell rather than the
 * cluster. One table drives running them, {@code :help} and completion.
 */
final class MetaCommands {

  /** What a shell command does, given the shell and the text after its name. */
  interface Action {
    MetaOutcome run(Repl repl, Argument argument);
  }

  /**
   * The text after a shell command's name.
   *
   * @param text the argument, stripped (empty when none was given)
   * @param column where it starts in the line (1-based), for pointing at a bad argument
   */
  record Argument(String text, int column) {
    boolean isEmpty() {
      return text.isEmpty();
    }
  }

  /** One shell command: its name with the colon, how to call it, and one line of help. */
  record Spec(String name, String usage, String summary, Action action) {}

  private final Map<String, Spec> specs = new LinkedHashMap<>();

  private MetaCommands(List<Spec> all) {
    for (Spec spec : all) {
      specs.put(spec.name(), spec);
    }
  }

  static MetaCommands standard() {
    return new MetaCommands(
        List.of(
            new Spec(
                ":help",
                ":help",
                "this list; 'help' lists the simulator's commands",
                (repl, argument) -> repl.metaHelp()),
            new Spec(
                ":json",
                ":json on|off",
                "print one JSON object per command, or text again",
                Repl::json),
            new Spec(
                ":save",
                ":save <file>",
                "write this session's accepted commands to a file",
                Repl::save),
            new Spec(
                ":open",
                ":open <file>",
                "replay a saved session or script into a fresh session",
                Repl::open),
            new Spec(
                ":lessons",
                ":lessons",
                "list the lessons and how far you got in each",
                (repl, argument) -> repl.lessons()),
            new Spec(
                ":lesson",
                ":lesson <number>",
                "open a lesson at its seed, on its first cell",
                Repl::lesson),
            new Spec(
                ":next",
                ":next",
                "show the next cell of the lesson",
                (repl, argument) -> repl.nextCell()),
            new Spec(
                ":prev", ":prev", "show the previous cell", (repl, argument) -> repl.prevCell()),
            new Spec(
                ":run",
                ":run",
                "run the current cell and check its expectations",
                (repl, argument) -> repl.runCell()),
            new Spec(
                ":reset",
                ":reset",
                "start the lesson over from its seed",
                (repl, argument) -> repl.resetLesson()),
            new Spec(
                ":java",
                ":java <snippet>",
                "evaluate Java with the live session bound to 'session' and 'cluster' (':java' alone starts a block ended by ':end')",
                Repl::java),
            new Spec(
                ":quit",
                ":quit",
                "leave the shell (Ctrl-D does the same)",
                (repl, argument) -> repl.quit())));
  }

  List<String> names() {
    return List.copyOf(specs.keySet());
  }

  List<Spec> all() {
    return List.copyOf(specs.values());
  }

  /** Runs a line that starts with {@code :}; {@code lead} is how many blanks preceded it. */
  MetaOutcome run(Repl repl, String line, int lead) {
    int space = firstBlank(line);
    String name = line.substring(0, space);
    String rest = line.substring(space);
    String argument = rest.strip();
    int column =
        argument.isEmpty() ? lead + line.length() + 1 : lead + space + rest.indexOf(argument) + 1;
    Spec spec = specs.get(name);
    if (spec == null) {
      return MetaOutcome.failed(name, unknown(name), lead + 1);
    }
    return spec.action().run(repl, new Argument(argument, column));
  }

  private String unknown(String name) {
    String suggestion = Suggest.closest(name, specs.keySet());
    return "unknown shell command '"
        + name
        + "'; "
        + (suggestion != null ? "did you mean '" + suggestion + "'? " : "")
        + "type ':help' for the shell's commands";
  }

  /** The help text: one line per shell command. */
  String help() {
    List<String> lines = new ArrayList<>();
    lines.add("shell commands (the simulator's own are listed by 'help'):");
    for (Spec spec : specs.values()) {
      lines.add(String.format(Locale.ROOT, "  %-14s %s", spec.usage(), spec.summary()));
    }
    lines.add("Tab completes (inside ':java' too), Ctrl-C abandons the line, Ctrl-D quits.");
    lines.add(apiDocs());
    return String.join("\n", lines);
  }

  /**
   * Where the javadoc of the public API ({@code dev.replab.engine.api}, what exercises and {@code
   * :java} snippets plug into) is: the build writes it under {@code engine/target/reports}.
   */
  static String apiDocs() {
    String launcher = System.getProperty("replab.launcher");
    Path root = launcher == null ? Path.of("") : Path.of(launcher).toAbsolutePath().getParent();
    Path index = root.resolve(Path.of("engine", "target", "reports", "apidocs", "index.html"));
    String where = index.toAbsolutePath().normalize().toString();
    return Files.isRegularFile(index)
        ? "The plug-in API (dev.replab.engine.api) is documented in " + where
        : "The plug-in API (dev.replab.engine.api) is documented in "
            + where
            + " once './mvnw package' has built it";
  }

  private static int firstBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (Character.isWhitespace(line.charAt(i))) {
        return i;
      }
    }
    return line.length();
  }
}
