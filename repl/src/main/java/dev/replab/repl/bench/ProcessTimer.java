package dev.replab.repl.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Times whole processes from start to exit: {@code replab -c} running a tiny script beside {@code
 * jshell} starting and exiting. The two alternate, so that a busy machine slows both.
 */
final class ProcessTimer {
  static final String SCRIPT = "create leader-follower nodes=3; write x 1; read x from n2";

  private final Path replab;
  private final int runs;

  ProcessTimer(Path replab, int runs) {
    this.replab = replab;
    this.runs = runs;
  }

  void report(Table table) throws InterruptedException {
    if (!Files.isExecutable(replab)) {
      table.add("replab -c (whole process)", "< 0.300 s", "no launcher at " + replab, false);
      table.note("build the repl module and its ./replab launcher first, or pass --replab <path>");
      return;
    }
    try {
      measure(table);
    } catch (IOException | ProcessFailed e) {
      // A launcher that cannot run has missed its budget; the engine measurements still follow.
      table.add("replab -c (whole process)", "< 0.300 s", "did not run", false);
      table.note(e.getMessage());
    }
  }

  private void measure(Table table) throws IOException, InterruptedException, ProcessFailed {
    List<String> replabCommand = List.of(replab.toString(), "-c", SCRIPT);
    List<String> jshellCommand = List.of(jshell(), "-q");
    String jshellInput = "/exit\n";
    timeOnce(replabCommand, "");
    timeOnce(jshellCommand, jshellInput);
    double[] replabSeconds = new double[runs];
    double[] jshellSeconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      // Alternate which goes first so that neither always runs right after the other.
      if (i % 2 == 0) {
        replabSeconds[i] = timeOnce(replabCommand, "");
        jshellSeconds[i] = timeOnce(jshellCommand, jshellInput);
      } else {
        jshellSeconds[i] = timeOnce(jshellCommand, jshellInput);
        replabSeconds[i] = timeOnce(replabCommand, "");
      }
    }
    Stats ownStats = Stats.of(replabSeconds);
    Stats jshellStats = Stats.of(jshellSeconds);
    double ratio = jshellStats.median() / ownStats.median();
    table.add(
        "replab -c (whole process)", "< 0.300 s", seconds(ownStats), ownStats.median() < 0.300);
    table.info("jshell start and /exit", seconds(jshellStats));
    table.add(
        "jshell / replab", ">= 5.0x", String.format(Locale.ROOT, "%.1fx", ratio), ratio >= 5.0);
    table.note(runs + " interleaved runs each after one discarded warm-up; script: " + SCRIPT);
  }

  /** Runs one process to completion and returns its wall time in seconds. */
  private static double timeOnce(List<String> command, String input)
      throws IOException, InterruptedException, ProcessFailed {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    long startNs = System.nanoTime();
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    int exit = process.waitFor();
    long elapsedNs = System.nanoTime() - startNs;
    if (exit != 0) {
      throw new ProcessFailed(String.join(" ", command) + " exited with status " + exit + ".");
    }
    return elapsedNs / 1e9;
  }

  /** The jshell of the JDK running the bench, so that both sides start the same Java. */
  private static String jshell() {
    Path sameJdk = Path.of(System.getProperty("java.home"), "bin", "jshell");
    return Files.isExecutable(sameJdk) ? sameJdk.toString() : "jshell";
  }

  private static String seconds(Stats stats) {
    return String.format(
        Locale.ROOT, "%.3f s (min %.3f, max %.3f)", stats.median(), stats.min(), stats.max());
  }

  /** A timed process ended with an error, so its time says nothing about the budget. */
  private static final class ProcessFailed extends Exception {
    private static final long serialVersionUID = 1L;

    ProcessFailed(String message) {
      super(message);
    }
  }
}
