package dev.replab.repl.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Checks the performance budgets of DESIGN §9 in one run and prints a table of medians: the
 * launcher's whole-process time beside jshell's, the engine's event rate beside a bare
 * priority-queue loop, and the wall time of a long stream of client operations.
 *
 * <p>It is run by hand ({@code ./replab bench}), never by the tests: wall-clock timings on a shared
 * machine are evidence, not a verdict a build should hinge on.
 */
public final class Bench {
  private static final String USAGE =
      "usage: replab bench [--runs N] [--rounds N] [--ops N] [--only process|events|ops] [--replab PATH]\n"
          + "  --runs N     process runs of replab and of jshell, interleaved (default 10)\n"
          + "  --rounds N   measured rounds of the engine benchmarks (default 5)\n"
          + "  --ops N      client operations per ops round (default 200000; the budget is for 1000000,\n"
          + "               so measure it with --only ops --ops 1000000 --rounds 1)\n"
          + "  --only WHAT  run one part: process, events or ops\n"
          + "  --replab P   the launcher to time (default: -Dreplab.launcher, else ./replab)\n"
          + "Exits with status 1 when a budget is missed.";

  /** The parts of the benchmark that {@code --only} can pick. */
  enum Part {
    PROCESS,
    EVENTS,
    OPS
  }

  record Options(int runs, int rounds, int ops, Part only, Path replab, boolean help) {
    boolean includes(Part part) {
      return only == null || only == part;
    }
  }

  private Bench() {}

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(USAGE);
      return;
    }
    System.out.println(header());
    Table table = new Table();
    // Progress goes to stderr so that stdout holds only the report.
    if (options.includes(Part.PROCESS)) {
      System.err.println("timing replab -c and jshell, " + options.runs() + " runs each...");
      new ProcessTimer(options.replab(), options.runs()).report(table);
    }
    if (options.includes(Part.EVENTS)) {
      System.err.println("measuring engine events/s against a bare priority-queue loop...");
      new EventRate(options.rounds()).report(table);
    }
    if (options.includes(Part.OPS)) {
      System.err.println("timing " + options.ops() + " client operations per round...");
      new OpsThroughput(options.ops(), options.rounds()).report(table);
    }
    System.out.print(table.render());
    System.exit(table.allPassed() ? 0 : 1);
  }

  static Options parse(List<String> args) {
    int runs = 10;
    int rounds = 5;
    int ops = 200_000;
    Part only = null;
    Path replab = defaultLauncher();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (flag.equals("--help") || flag.equals("-h")) {
        return new Options(runs, rounds, ops, only, replab, true);
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("Option " + flag + " needs a value.");
      }
      String value = args.get(++i);
      switch (flag) {
        case "--runs" -> runs = positive(flag, value);
        case "--rounds" -> rounds = positive(flag, value);
        case "--ops" -> ops = positive(flag, value);
        case "--only" -> only = part(value);
        case "--replab" -> replab = Path.of(value);
        default -> throw new IllegalArgumentException("Unknown option " + flag + ".");
      }
    }
    return new Options(runs, rounds, ops, only, replab, false);
  }

  /**
   * The launcher says where it is with {@code -Dreplab.launcher}; run by hand, the bench looks in
   * the working directory.
   */
  private static Path defaultLauncher() {
    String launcher = System.getProperty("replab.launcher");
    return launcher != null ? Path.of(launcher) : Path.of("replab").toAbsolutePath();
  }

  private static int positive(String flag, String value) {
    try {
      int number = Integer.parseInt(value.replace("_", ""));
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Falls through to the one message below.
    }
    throw new IllegalArgumentException(
        "Option " + flag + " needs a positive whole number, not '" + value + "'.");
  }

  private static Part part(String value) {
    for (Part part : Part.values()) {
      if (part.name().equalsIgnoreCase(value)) {
        return part;
      }
    }
    throw new IllegalArgumentException(
        "Option --only takes process, events or ops, not '" + value + "'.");
  }

  /** The machine and JVM the numbers come from, since they mean little without them. */
  private static String header() {
    List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments();
    int cpus = Runtime.getRuntime().availableProcessors();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String text =
        String.format(
            Locale.ROOT,
            "replab bench: Java %s, %d cpus, load average %.1f, max heap %d MiB, JVM flags %s",
            Runtime.version(),
            cpus,
            load,
            Runtime.getRuntime().maxMemory() >> 20,
            flags.isEmpty() ? "(none)" : String.join(" ", flags));
    if (load > cpus) {
      text +=
          "\nwarning: the machine is busier than it has cpus, so timings will be slow and noisy";
    }
    boolean jitLimited =
        flags.stream()
            .anyMatch(flag -> flag.startsWith("-XX:TieredStopAtLevel") || flag.equals("-Xint"));
    if (jitLimited) {
      // Flags that make a REPL start fast make a long computation slow.
      text +=
          "\nwarning: the JIT is limited by the flags above, so the engine numbers understate the engine";
    }
    return text;
  }
}
