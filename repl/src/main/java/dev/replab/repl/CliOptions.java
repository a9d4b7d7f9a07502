package dev.replab.repl;

import dev.replab.engine.Session;
import dev.replab.engine.command.Suggest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the command line asked for: which mode to run in, and the settings every mode shares.
 *
 * @param mode what to do
 * @param commands the lines given with {@code -c}, in order (empty unless the mode is COMMANDS)
 * @param script the file given to {@code run}, or null
 * @param json print one JSON object per command instead of text
 * @param seed the seed every new session starts from
 * @param passOn the arguments after {@code bench}, for the benchmark's own parser
 */
record CliOptions(
    Mode mode, List<String> commands, Path script, boolean json, long seed, List<String> passOn) {

  /** The ways replab can run. */
  enum Mode {
    /** No commands on the command line: a shell on a terminal, otherwise read standard input. */
    INPUT,
    /** {@code -c "cmd; cmd"}. */
    COMMANDS,
    /** {@code run <file>}. */
    RUN,
    /** {@code bench ...}: the performance budgets. */
    BENCH,
    /** {@code --help}. */
    HELP
  }

  private static final List<String> OPTIONS = List.of("--json", "--seed", "--help", "-c", "-h");
  private static final List<String> SUBCOMMANDS = List.of("run", "bench", "help");

  static final String USAGE =
      String.join(
          "\n",
          "replab: a replication lab in your terminal.",
          "",
          "usage:",
          "  replab [options]                 the interactive shell (or read commands from a pipe)",
          "  replab [options] -c \"cmd; cmd\"   run commands and exit",
          "  replab [options] run <file>      run a script: one command per line, '#' starts a comment",
          "  replab lesson <number> [--answers] play a lesson and print it with its real outputs",
          "  replab grade [exercise] [options] grade the exercises (results.json and JUnit XML); --help for options",
          "  replab book [--formats html,pdf] render the course book to book/target/book",
          "  replab bench [--help]            measure the performance budgets (startup, engine speed)",
          "  replab help                      this text",
          "",
          "options:",
          "  --json        print exactly one JSON object per command instead of text",
          "  --seed <n>    start from seed n (default "
              + Session.DEFAULT_SEED
              + "); the same seed replays the same run",
          "  -c <commands> commands separated by ';' (may be given more than once)",
          "  -h, --help    show this text",
          "",
          "In the shell, 'help' lists the simulator's commands and ':help' the shell's own",
          "(:json on|off, :save, :open, :lessons, :lesson, :next, :prev, :run, :reset, :java, :quit).",
          "Tab completes, Ctrl-C abandons a line or stops a running command,",
          "Ctrl-D quits. History and the journal of the last session live in $REPLAB_HOME",
          "(default ~/.replab); replay the last session with: replab run ~/.replab/last-session.replab",
          "(the one before it is kept as previous-session.replab).",
          "",
          "Exit status: 0 when every command ran, 1 when one was rejected, 2 for a bad command line.");

  /** Reads the arguments; a mistake becomes a {@link UsageError} that says what was wrong. */
  static CliOptions parse(List<String> args) throws UsageError {
    Parser parser = new Parser(args);
    parser.parse();
    return parser.result();
  }

  /** Walks the arguments once, left to right, so options may come before or after {@code run}. */
  private static final class Parser {
    private final List<String> args;
    private final List<String> commands = new ArrayList<>();
    private final List<String> positionals = new ArrayList<>();
    private final List<String> passOn = new ArrayList<>();
    private boolean json;
    private boolean help;
    private long seed = Session.DEFAULT_SEED;
    private int index;

    Parser(List<String> args) {
      this.args = args;
    }

    void parse() throws UsageError {
      boolean optionsEnded = false;
      while (index < args.size()) {
        String arg = args.get(index++);
        if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
          positionals.add(arg);
          if (positionals.size() == 1 && arg.equals("bench")) {
            // The benchmark has options of its own; they are its to read.
            passOn.addAll(args.subList(index, args.size()));
            return;
          }
        } else if (arg.equals("--")) {
          optionsEnded = true;
        } else {
          option(arg);
        }
      }
    }

    private void option(String arg) throws UsageError {
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      String inlineValue = equals < 0 ? null : arg.substring(equals + 1);
      switch (name) {
        case "--json" -> json = flag(name, inlineValue);
        case "-h", "--help" -> help = flag(name, inlineValue);
        case "--seed" -> seed = seed(value(name, inlineValue, "a whole number, e.g. --seed 42"));
        case "-c" ->
            commands.add(
                value(name, inlineValue, "commands, e.g. -c \"create leader-follower; status\""));
        default -> throw unknownOption(name);
      }
    }

    private static boolean flag(String name, String inlineValue) throws UsageError {
      if (inlineValue != null) {
        throw new UsageError("option " + name + " takes no value");
      }
      return true;
    }

    private String value(String name, String inlineValue, String expected) throws UsageError {
      if (inlineValue != null) {
        return inlineValue;
      }
      if (index >= args.size()) {
        throw new UsageError("option " + name + " needs " + expected);
      }
      return args.get(index++);
    }

    private static long seed(String text) throws UsageError {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new UsageError("--seed needs a whole number, not '" + text + "'");
      }
    }

    private static UsageError unknownOption(String name) {
      String suggestion = Suggest.closest(name, OPTIONS);
      return new UsageError(
          "unknown option '"
              + name
              + "'"
              + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
    }

    CliOptions result() throws UsageError {
      if (help) {
        return new CliOptions(Mode.HELP, List.of(), null, json, seed, List.of());
      }
      if (positionals.isEmpty()) {
        Mode mode = commands.isEmpty() ? Mode.INPUT : Mode.COMMANDS;
        return new CliOptions(mode, List.copyOf(commands), null, json, seed, List.of());
      }
      String subcommand = positionals.get(0);
      switch (subcommand) {
        case "help" -> {
          expectNoMore(1);
          return new CliOptions(Mode.HELP, List.of(), null, json, seed, List.of());
        }
        case "run" -> {
          return run();
        }
        case "bench" -> {
          return new CliOptions(Mode.BENCH, List.of(), null, json, seed, List.copyOf(passOn));
        }
        default -> throw unknownSubcommand(subcommand);
      }
    }

    private CliOptions run() throws UsageError {
      if (!commands.isEmpty()) {
        throw new UsageError("give either -c or run <file>, not both");
      }
      if (positionals.size() < 2) {
        throw new UsageError("run needs a file of commands, e.g. replab run demo.replab");
      }
      expectNoMore(2);
      return new CliOptions(
          Mode.RUN, List.of(), Path.of(positionals.get(1)), json, seed, List.of());
    }

    private void expectNoMore(int used) throws UsageError {
      if (positionals.size() > used) {
        throw new UsageError("unexpected argument '" + positionals.get(used) + "'");
      }
    }

    private UsageError unknownSubcommand(String word) {
      String suggestion = Suggest.closest(word, SUBCOMMANDS);
      String hint = suggestion == null ? "" : "did you mean '" + suggestion + "'? ";
      if (!commands.isEmpty()) {
        return new UsageError(
            "unexpected argument '" + word + "'; put all commands inside the -c string");
      }
      return new UsageError(
          "unknown subcommand '"
              + word
              + "'; "
              + hint
              + "the subcommands are "
              + String.join(", ", SUBCOMMANDS)
              + " (to run simulator commands, use -c \""
              + word
              + " ...\")");
    }
  }

  /** A command line that cannot run, explained in one sentence. */
  static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String sentence) {
      super(sentence, null, false, false);
    }
  }
}
