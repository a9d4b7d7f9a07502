package dev.replab.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;

/**
 * The interactive shell: the only place JLine is used. It reads lines with a prompt, completion,
 * highlighting and history, and hands each line to {@link Repl} as a plain string.
 */
final class Shell {
  private static final String WELCOME =
      "replab: start with 'create leader-follower'; 'help' lists commands, ':help' the shell's own. Ctrl-D quits.";

  private final Terminal terminal;
  private final TextPrinter text;
  private final Repl repl;
  private final Journal journal;
  private final LineReader reader;
  private final WatchAnimation animation;

  private Shell(Terminal terminal, ReplabHome home, CliOptions options) {
    this.terminal = terminal;
    PrintWriter screen = terminal.writer();
    this.text = new TextPrinter(screen, screen, true, Shell::columns);
    this.journal = startJournal(home, options.seed());
    this.repl =
        new Repl(
            options.seed(),
            text,
            () -> new JsonPrinter(screen),
            journal,
            options.json(),
            () ->
                dev.replab.repl.notebook.Progress.load(
                    home.directory().resolve("progress.properties")));
    this.animation = new WatchAnimation(terminal);
    this.repl.useFrameSink(animation);
    this.reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("replab")
            .parser(new ShellParser())
            .completer(new ShellCompleter(repl))
            .highlighter(new ShellHighlighter(repl))
            .variable(LineReader.HISTORY_FILE, home.history())
            .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
            // '!' is ordinary text in the command language, not a history reference.
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .build();
  }

  /**
   * Runs the shell until {@code :quit} or Ctrl-D. Rejected commands do not change the exit status.
   */
  static int run(CliOptions options, ReplabHome home, PrintWriter err) {
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().system(true).name("replab").build();
    } catch (IOException e) {
      err.println(
          "replab: could not open the terminal: "
              + e.getMessage()
              + "; pipe commands in or use -c instead.");
      return Main.EXIT_USAGE;
    }
    try {
      new Shell(terminal, home, options).loop();
      return Main.EXIT_OK;
    } finally {
      close(terminal);
    }
  }

  private void loop() {
    // Ctrl-C while a command runs must not end the JVM (and the session with it).
    terminal.handle(
        Terminal.Signal.INT,
        signal -> {
          if (!animation.stopWatching()) {
            repl.interrupt();
          }
        });
    terminal.writer().println(WELCOME);
    while (true) {
      String lesson = repl.lessonPosition();
      String prompt =
          repl.inJavaBlock()
              ? "java> "
              : "replab["
                  + repl.session().promptLabel()
                  + (lesson.isEmpty() ? "" : " | lesson " + lesson)
                  + "]> ";
      String line;
      try {
        line = reader.readLine(prompt);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      int promptColumns = columns(prompt);
      boolean fitsOnOneRow = promptColumns + columns(line) < terminal.getWidth();
      text.typedLineAt(fitsOnOneRow ? promptColumns : TextPrinter.UNKNOWN_INDENT);
      animation.reset();
      if (!repl.handle(line)) {
        break;
      }
    }
    closeJournal();
  }

  /** Screen columns the text takes; JLine knows which characters are double width. */
  private static int columns(String text) {
    return new AttributedString(text).columnLength();
  }

  private Journal startJournal(ReplabHome home, long seed) {
    try {
      Files.createDirectories(home.directory());
      return Journal.start(home.journal(), home.previousJournal(), seed);
    } catch (IOException e) {
      text.warn(
          "could not start the journal in "
              + home.directory()
              + " ("
              + e.getMessage()
              + "); this session will not be replayable from it");
      return Journal.none();
    }
  }

  private void closeJournal() {
    try {
      journal.close();
    } catch (IOException e) {
      text.warn("could not close the journal " + journal.file() + " (" + e.getMessage() + ")");
    }
  }

  private static void close(Terminal terminal) {
    // Flush first: closing restores the terminal's modes and may drop unwritten output.
    terminal.flush();
    try {
      terminal.close();
    } catch (IOException e) {
      // The process is ending and the terminal is being given back; there is no one left to tell.
    }
  }
}
