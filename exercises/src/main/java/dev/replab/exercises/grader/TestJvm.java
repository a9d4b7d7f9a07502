package dev.replab.exercises.grader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs an exercise's graded tests in child JVMs and watches them from outside.
 *
 * <p>One JVM normally runs all of an exercise's tests. When a test runs past the time limit the JVM
 * is killed and that test fails; when the JVM dies during a test (the learner's code called {@code
 * System.exit} or exhausted the heap) that test fails. Either way a fresh JVM then runs the tests
 * that have not run yet, so one bad test costs only its own points.
 */
final class TestJvm {
  /** How long a test JVM may take to start and list its tests, beyond the per-test limit. */
  private static final long STARTUP_GRACE_MS = 30_000;

  private static final int LINE_LIMIT_CHARS = 1 << 20;
  private static final int STDERR_TAIL_CHARS = 2_000;

  /**
   * How test JVMs are started.
   *
   * @param javaBin the java launcher
   * @param classpath the class path after the learner's classes: the grader, the graded tests, the
   *     engine, JUnit
   * @param maxHeap the test JVM's -Xmx, like {@code 256m}
   * @param testTimeoutMs the time limit of one test
   * @param workDir where plan files and standard error go
   */
  record Settings(
      Path javaBin, List<Path> classpath, String maxHeap, long testTimeoutMs, Path workDir) {}

  /** The tests of one exercise, or why none could be listed. */
  record Run(List<TestOutcome> outcomes, String problem, int launches) {}

  private record Listed(String className, String methodName, int points) {}

  private final Settings settings;

  TestJvm(Settings settings) {
    this.settings = settings;
  }

  /**
   * Lists and (unless {@code listOnly}) runs the graded tests in one package.
   *
   * @param exercise the exercise id the outcomes carry
   * @param packageName the package whose {@code *Tests} classes are graded
   * @param learnerClasses class directories that go first on the test JVM's class path
   */
  Run run(String exercise, String packageName, List<Path> learnerClasses, boolean listOnly)
      throws IOException, InterruptedException {
    Map<String, Listed> listed = new LinkedHashMap<>();
    Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
    List<String> plan = new ArrayList<>(List.of("package " + packageName));
    if (listOnly) {
      plan.add("list-only");
    }
    int launches = 0;
    String lastProblem = "the test JVM stopped before it";
    while (true) {
      launches++;
      Attempt attempt = launch(exercise, launches, plan, learnerClasses, listed, outcomes);
      if (attempt.done) {
        break;
      }
      if (!attempt.listed) {
        return new Run(
            List.of(),
            "the test JVM "
                + attempt.describe()
                + " before it listed the tests"
                + attempt.stderrNote(),
            launches);
      }
      if (attempt.current != null) {
        Listed test = listed.get(attempt.current);
        TestOutcome.Status status =
            attempt.timedOut ? TestOutcome.Status.TIMED_OUT : TestOutcome.Status.CRASHED;
        String reason =
            attempt.timedOut
                ? "did not finish within "
                    + seconds(settings.testTimeoutMs())
                    + "; the test JVM was stopped (an endless loop? a wait that never ends?)"
                : "the test JVM " + attempt.describe() + " during this test";
        outcomes.put(
            attempt.current,
            outcome(exercise, test, status, reason, attempt.stderrTail, attempt.currentMs()));
      } else if (!attempt.progressed) {
        // Nothing ran and no test is to blame: retrying would only fail the same way.
        lastProblem = "the test JVM " + attempt.describe() + " before it" + attempt.stderrNote();
        break;
      }
      List<String> remaining =
          listed.keySet().stream().filter(id -> !outcomes.containsKey(id)).toList();
      if (remaining.isEmpty()) {
        break;
      }
      plan =
          remaining.stream().map(id -> "id " + id).collect(Collectors.toCollection(ArrayList::new));
    }
    List<TestOutcome> result = new ArrayList<>();
    for (Map.Entry<String, Listed> entry : listed.entrySet()) {
      TestOutcome done = outcomes.get(entry.getKey());
      result.add(
          done != null
              ? done
              : listOnly
                  ? outcome(
                      exercise, entry.getValue(), TestOutcome.Status.SKIPPED, "not run", "", 0)
                  : outcome(
                      exercise,
                      entry.getValue(),
                      TestOutcome.Status.CRASHED,
                      "did not run: " + lastProblem,
                      "",
                      0));
    }
    return new Run(result, null, launches);
  }

  private static TestOutcome outcome(
      String exercise,
      Listed test,
      TestOutcome.Status status,
      String reason,
      String details,
      long ms) {
    return new TestOutcome(
        exercise, test.className(), test.methodName(), test.points(), status, reason, details, ms);
  }

  /** How one test JVM ended. */
  private static final class Attempt {
    boolean done;
    boolean listed;
    boolean progressed;
    boolean timedOut;
    String current;
    long currentStartNanos;
    int exitCode;
    String stderrTail = "";
    String maxHeap = "";

    /** The last lines on standard output that were not protocol lines. */
    final List<String> strayOutput = new ArrayList<>();

    String describe() {
      if (timedOut) {
        return "stopped answering and was killed";
      }
      if (stderrTail.contains("OutOfMemoryError")
          || strayOutput.stream().anyMatch(l -> l.contains("OutOfMemoryError"))) {
        return "ran out of memory (its heap is limited to " + maxHeap + ")";
      }
      if (exitCode > 128) {
        return "was killed by signal " + (exitCode - 128);
      }
      return "exited with code " + exitCode + " (does the code call System.exit?)";
    }

    String stderrNote() {
      return stderrTail.isBlank() ? "" : ": " + Failures.firstLine(stderrTail);
    }

    long currentMs() {
      return (System.nanoTime() - currentStartNanos) / 1_000_000;
    }
  }

  private Attempt launch(
      String exercise,
      int number,
      List<String> plan,
      List<Path> learnerClasses,
      Map<String, Listed> listed,
      Map<String, TestOutcome> outcomes)
      throws IOException, InterruptedException {
    String nonce = UUID.randomUUID().toString();
    Path planFile = settings.workDir().resolve(exercise + "-plan-" + number + ".txt");
    Path stderrFile = settings.workDir().resolve(exercise + "-stderr-" + number + ".txt");
    Files.write(planFile, plan, StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(command(nonce, planFile, learnerClasses))
            .redirectError(stderrFile.toFile())
            .start();
    process.getOutputStream().close();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(() -> readLines(process.getInputStream(), lines), "test-jvm-reader-" + exercise);
    reader.setDaemon(true);
    reader.start();

    Attempt attempt = new Attempt();
    attempt.maxHeap = settings.maxHeap();
    long deadline =
        System.nanoTime()
            + TimeUnit.MILLISECONDS.toNanos(settings.testTimeoutMs() + STARTUP_GRACE_MS);
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        attempt.timedOut = true;
        kill(process);
        break;
      }
      if (line == END_OF_STREAM) {
        process.waitFor();
        attempt.exitCode = process.exitValue();
        break;
      }
      Protocol.Message message = Protocol.decode(nonce, line);
      if (message == null) {
        // The JVM itself reports some deaths (an exhausted heap) on standard output.
        attempt.strayOutput.add(line.length() > 500 ? line.substring(0, 500) : line);
        if (attempt.strayOutput.size() > 20) {
          attempt.strayOutput.remove(0);
        }
        continue;
      }
      deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.testTimeoutMs());
      try {
        handle(message, exercise, attempt, listed, outcomes);
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        // Not a line our runner wrote; results only come from lines that parse.
      }
    }
    reader.join(5_000);
    attempt.stderrTail = tail(stderrFile);
    return attempt;
  }

  private static void handle(
      Protocol.Message message,
      String exercise,
      Attempt attempt,
      Map<String, Listed> listed,
      Map<String, TestOutcome> outcomes) {
    switch (message.kind()) {
      case Protocol.TEST ->
          listed.putIfAbsent(
              message.field(0),
              new Listed(message.field(2), message.field(3), Integer.parseInt(message.field(1))));
      case Protocol.LISTED -> attempt.listed = true;
      case Protocol.START -> {
        attempt.current = message.field(0);
        attempt.currentStartNanos = System.nanoTime();
      }
      case Protocol.END -> {
        Listed test = listed.get(message.field(0));
        if (test != null) {
          outcomes.put(
              message.field(0),
              outcome(
                  exercise,
                  test,
                  TestOutcome.Status.valueOf(message.field(1)),
                  message.field(3),
                  message.field(4),
                  Long.parseLong(message.field(2))));
        }
        attempt.current = null;
        attempt.progressed = true;
      }
      case Protocol.DONE -> attempt.done = true;
      default -> {}
    }
  }

  private List<String> command(String nonce, Path planFile, List<Path> learnerClasses) {
    List<Path> classpath = new ArrayList<>(learnerClasses);
    classpath.addAll(settings.classpath());
    List<String> command = new ArrayList<>();
    command.add(settings.javaBin().toString());
    command.add("-Xmx" + settings.maxHeap());
    // Exit at once on an exhausted heap rather than limp on: the grader notices and moves on.
    command.add("-XX:+ExitOnOutOfMemoryError");
    // A short-lived JVM with a small heap: the serial collector and the client compiler start
    // fastest.
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.awt.headless=true");
    command.add("-Dfile.encoding=UTF-8");
    command.add("-cp");
    command.add(
        classpath.stream()
            .map(p -> p.toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator)));
    command.add(GradedTestRunner.class.getName());
    command.add(nonce);
    command.add(planFile.toAbsolutePath().toString());
    return command;
  }

  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Marks the end of a test JVM's output in the queue; compared by identity. */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String END_OF_STREAM = new String("end of stream");

  /**
   * Reads lines, cutting any line longer than the limit, so that a program printing without end
   * cannot exhaust the grader's memory.
   */
  private static void readLines(InputStream input, BlockingQueue<String> lines) {
    try (Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      char[] buffer = new char[8192];
      int read;
      while ((read = reader.read(buffer)) >= 0) {
        for (int i = 0; i < read; i++) {
          char c = buffer[i];
          if (c == '\n') {
            lines.add(line.toString());
            line.setLength(0);
          } else if (line.length() < LINE_LIMIT_CHARS) {
            line.append(c);
          }
        }
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
    } catch (IOException e) {
      // The JVM was killed while we read: what arrived so far is all there is.
    } finally {
      lines.add(END_OF_STREAM);
    }
  }

  /** The end of a file that may be large: whatever the learner's code wrote to standard error. */
  private static String tail(Path file) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - STDERR_TAIL_CHARS);
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      return start == 0 ? text : "..." + text;
    }
  }

  static String seconds(long ms) {
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
