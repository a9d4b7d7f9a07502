package dev.replab.repl;

import dev.replab.repl.bench.Bench;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code replab} command line. Picks a mode from the arguments and whether a person is at a
 * terminal, wires the printers, and turns the outcome into an exit status.
 *
 * <p>Startup time matters (a learner runs {@code replab -c ...} many times), so the text modes
 * never touch JLine or Jackson: those classes load only for the shell or for JSON output.
 */
public final class Main {
  /** Every command ran. */
  static final int EXIT_OK = 0;

  /** At least one command was rejected. */
  static final int EXIT_REJECTED = 1;

  /** The command line itself was wrong, or a script could not be read. */
  static final int EXIT_USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    ReplabHome home = ReplabHome.from(System.getenv(), System.getProperty("user.home"));
    int status = run(args, System.in, System.out, System.err, home, Terminals.interactive());
    System.exit(status);
  }

  /**
   * Runs replab with the given arguments and streams, returning the exit status. Tests call this
   * with strings; only {@code interactive} decides whether a real terminal is opened.
   */
  static int run(
      String[] args,
      InputStream stdin,
      OutputStream stdout,
      OutputStream stderr,
      ReplabHome home,
      boolean interactive) {
    PrintWriter out = writer(stdout);
    PrintWriter err = writer(stderr);
    try {
      return dispatch(args, stdin, out, err, home, interactive);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int dispatch(
      String[] args,
      InputStream stdin,
      PrintWriter out,
      PrintWriter err,
      ReplabHome home,
      boolean interactive) {
    if (args.length > 0 && args[0].equals("lesson")) {
      return lesson(args, out, err);
    }
    CliOptions options;
    try {
      options = CliOptions.parse(List.of(args));
    } catch (CliOptions.UsageError e) {
      String sentence = e.getMessage();
      err.println(
          "replab: " + sentence + (sentence.endsWith("?") ? " " : ". ") + "See 'replab --help'.");
      return EXIT_USAGE;
    }
    switch (options.mode()) {
      case HELP -> {
        out.println(CliOptions.USAGE);
        return EXIT_OK;
      }
      case COMMANDS -> {
        Repl repl = plainRepl(options, out, err);
        for (String line : options.commands()) {
          if (!repl.handle(line)) {
            break;
          }
        }
        return status(repl.failures());
      }
      case RUN -> {
        return runScript(options, out, err);
      }
      case BENCH -> {
        return bench(options, out, err);
      }
      default -> {
        if (interactive) {
          return Shell.run(options, home, err);
        }
        return readPipe(options, stdin, out, err);
      }
    }
  }

  /** {@code replab lesson <id> [--answers]}: plays a lesson without a terminal and prints it. */
  private static int lesson(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length < 2 || args.length > 3 || args.length == 3 && !args[2].equals("--answers")) {
      err.println(
          "replab: usage: replab lesson <number> [--answers], e.g. replab lesson 03; the lessons are "
              + String.join(" ", dev.replab.lessons.Lessons.ids())
              + ".");
      return EXIT_USAGE;
    }
    out.flush();
    java.io.PrintStream stdout =
        new java.io.PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    java.io.PrintStream stderr =
        new java.io.PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    return dev.replab.repl.notebook.LessonPrinter.print(args[1], args.length == 3, stdout, stderr);
  }

  private static int runScript(CliOptions options, PrintWriter out, PrintWriter err) {
    Path file = options.script();
    List<String> lines;
    try {
      lines = SessionFile.read(file);
    } catch (IOException e) {
      err.println("replab: cannot read '" + file + "': " + SessionFile.reason(e) + ".");
      return EXIT_USAGE;
    }
    return status(ScriptRunner.run(file, lines, plainRepl(options, out, err)));
  }

  private static int bench(CliOptions options, PrintWriter out, PrintWriter err) {
    out.flush();
    try {
      // The benchmark sets its own exit status when it finishes; getting here means it returned
      // early (--help).
      Bench.main(options.passOn().toArray(new String[0]));
      return EXIT_OK;
    } catch (Exception e) {
      // Its entry point is a plain main(); whatever it declares, report it as one sentence.
      err.println("replab: the benchmark stopped: " + e + ".");
      return EXIT_USAGE;
    }
  }

  private static int readPipe(
      CliOptions options, InputStream stdin, PrintWriter out, PrintWriter err) {
    BufferedReader input = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    try {
      return status(PipedLoop.run(input, plainRepl(options, out, err)));
    } catch (IOException e) {
      err.println("replab: could not read standard input: " + e.getMessage() + ".");
      return EXIT_USAGE;
    }
  }

  /** A REPL for scripts, pipes and {@code -c}: plain text without colour, and no journal. */
  private static Repl plainRepl(CliOptions options, PrintWriter out, PrintWriter err) {
    TextPrinter text = new TextPrinter(out, err, false);
    return new Repl(
        options.seed(), text, () -> new JsonPrinter(out), Journal.none(), options.json());
  }

  private static int status(int failures) {
    return failures == 0 ? EXIT_OK : EXIT_REJECTED;
  }

  private static PrintWriter writer(OutputStream stream) {
    return new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), false);
  }
}
