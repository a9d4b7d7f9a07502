package dev.replab.exercises.grader;

import dev.replab.engine.sim.Durations;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a grading run does, as read from the command line.
 *
 * @param exercises words naming the exercises to grade; empty grades all of them
 * @param exercisesDir the exercises folder: task folders, and the defaults for sources and results
 * @param sourceRoot the learner's source root, holding {@code dev/replab/exercises/exNN/}
 * @param outDir where the compiled classes and the reports go
 * @param hiddenTests an instructor's hidden tests: jars, class folders or source folders
 * @param submission a submission to place over the stubs and grade instead of {@code sourceRoot},
 *     or null
 * @param testTimeoutMs the time limit of one test
 * @param maxHeap the test JVM's heap limit, like {@code 256m}
 * @param jobs how many test JVMs run at once
 * @param verbose whether to print every failure in full after the table
 * @param summary a file to which a Markdown score table is appended (a GitHub job summary), or null
 * @param runAs the user the learner's JVMs run as, or null for the grader's own
 * @param apiChecked whether the learner's classes must keep to the {@link ApiPolicy}; only the
 *     grader's own tests turn this off, to show that the verdict is safe even without it
 * @param classpath the grader's own class path, which the compiler uses too
 */
public record GradeOptions(
    List<String> exercises,
    Path exercisesDir,
    Path sourceRoot,
    Path outDir,
    List<Path> hiddenTests,
    Path submission,
    long testTimeoutMs,
    String maxHeap,
    int jobs,
    boolean verbose,
    Path summary,
    String runAs,
    boolean apiChecked,
    List<Path> classpath) {

  public static final long DEFAULT_TEST_TIMEOUT_MS = 10_000;
  public static final String DEFAULT_MAX_HEAP = "256m";

  static final String USAGE =
      String.join(
          "\n",
          "usage: grade [exercise...] [options]",
          "  exercise          ex01, 1, stream-applier or ex01-stream-applier; none grades every exercise",
          "  --src <dir>       the learner's sources (default: <exercises>/src/main/java)",
          "  --exercises <dir> the exercises folder with the task folders (default: ./exercises, or . inside it)",
          "  --out <dir>       where results.json, junit.xml and compiled classes go (default: <exercises>/target/grading)",
          "  --hidden <path>   an instructor's hidden tests: a jar, a folder of classes or of sources (repeatable; --tests too)",
          "  --submission <dir> grade a submission: its files are placed over the stubs by name",
          "  --timeout <d>     time limit of one test, like 10s or 500ms (default: 10s)",
          "  --xmx <size>      heap of the JVM that runs your code, like 256m (default: 256m)",
          "  --jobs <n>        exercises graded at once (default: 2)",
          "  --summary <file>  append the score table in Markdown (for $GITHUB_STEP_SUMMARY)",
          "  --run-as <user>   run the learner's code as this user (the grader must run as root)",
          "  --verbose         print every failure in full after the table",
          "  --help            this text",
          "exit status: 0 when every test passed, 1 when some failed, 2 when grading could not run");

  /** Ran past the limit this often, an exercise's code is not run for its remaining tests. */
  public static final int TIMEOUTS_PER_EXERCISE = 2;

  public GradeOptions {
    exercises = List.copyOf(exercises);
    hiddenTests = List.copyOf(hiddenTests);
    classpath = List.copyOf(classpath);
  }

  public GradeOptions withExercises(String... words) {
    return new GradeOptions(
        List.of(words),
        exercisesDir,
        sourceRoot,
        outDir,
        hiddenTests,
        submission,
        testTimeoutMs,
        maxHeap,
        jobs,
        verbose,
        summary,
        runAs,
        apiChecked,
        classpath);
  }

  public GradeOptions withSourceRoot(Path newSourceRoot) {
    return new GradeOptions(
        exercises,
        exercisesDir,
        newSourceRoot,
        outDir,
        hiddenTests,
        submission,
        testTimeoutMs,
        maxHeap,
        jobs,
        verbose,
        summary,
        runAs,
        apiChecked,
        classpath);
  }

  public GradeOptions withOutDir(Path newOutDir) {
    return new GradeOptions(
        exercises,
        exercisesDir,
        sourceRoot,
        newOutDir,
        hiddenTests,
        submission,
        testTimeoutMs,
        maxHeap,
        jobs,
        verbose,
        summary,
        runAs,
        apiChecked,
        classpath);
  }

  public GradeOptions withHiddenTests(List<Path> newHiddenTests) {
    return new GradeOptions(
        exercises,
        exercisesDir,
        sourceRoot,
        outDir,
        newHiddenTests,
        submission,
        testTimeoutMs,
        maxHeap,
        jobs,
        verbose,
        summary,
        runAs,
        apiChecked,
        classpath);
  }

  public GradeOptions withSubmission(Path newSubmission) {
    return new GradeOptions(
        exercises,
        exercisesDir,
        sourceRoot,
        outDir,
        hiddenTests,
        newSubmission,
        testTimeoutMs,
        maxHeap,
        jobs,
        verbose,
        summary,
        runAs,
        apiChecked,
        classpath);
  }

  public GradeOptions withLimits(long newTestTimeoutMs, String newMaxHeap) {
    return new GradeOptions(
        exercises,
        exercisesDir,
        sourceRoot,
        outDir,
        hiddenTests,
        submission,
        newTestTimeoutMs,
        newMaxHeap,
        jobs,
        verbose,
        summary,
        runAs,
        apiChecked,
        classpath);
  }

  public GradeOptions withJobs(int newJobs) {
    return new GradeOptions(
        exercises,
        exercisesDir,
        sourceRoot,
        outDir,
        hiddenTests,
        submission,
        testTimeoutMs,
        maxHeap,
        newJobs,
        verbose,
        summary,
        runAs,
        apiChecked,
        classpath);
  }

  public GradeOptions withRunAs(String user) {
    return new GradeOptions(
        exercises,
        exercisesDir,
        sourceRoot,
        outDir,
        hiddenTests,
        submission,
        testTimeoutMs,
        maxHeap,
        jobs,
        verbose,
        summary,
        user,
        apiChecked,
        classpath);
  }

  /** The same options without the {@link ApiPolicy} check, for the grader's own tests only. */
  GradeOptions withoutApiCheck() {
    return new GradeOptions(
        exercises,
        exercisesDir,
        sourceRoot,
        outDir,
        hiddenTests,
        submission,
        testTimeoutMs,
        maxHeap,
        jobs,
        verbose,
        summary,
        runAs,
        false,
        classpath);
  }

  /**
   * Set to {@code off} only by the grader's own tests, which start a grader JVM to show that the
   * verdict holds even when a learner's code may use any API.
   */
  static final String API_CHECK_PROPERTY = "replab.grade.apiCheck";

  private static final String API_CHECK_OFF = "off";

  /** A command line the grader cannot act on; its message is one sentence for the user. */
  public static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
      super(message);
    }
  }

  /** Options with every default, for the given exercises folder. */
  public static GradeOptions defaults(Path exercisesDir) {
    return new GradeOptions(
        List.of(),
        exercisesDir,
        exercisesDir.resolve("src/main/java"),
        exercisesDir.resolve("target/grading"),
        List.of(),
        null,
        DEFAULT_TEST_TIMEOUT_MS,
        DEFAULT_MAX_HEAP,
        2,
        false,
        null,
        null,
        !API_CHECK_OFF.equals(System.getProperty(API_CHECK_PROPERTY)),
        ownClasspath());
  }

  /**
   * Reads the command line; returns null when it asks for help.
   *
   * @throws UsageError with a sentence that says what is wrong
   */
  public static GradeOptions parse(String... args) throws UsageError {
    List<String> exercises = new ArrayList<>();
    Path exercisesDir = null;
    Path sourceRoot = null;
    Path outDir = null;
    List<Path> hidden = new ArrayList<>();
    Path submission = null;
    Path summary = null;
    String runAs = null;
    long timeoutMs = DEFAULT_TEST_TIMEOUT_MS;
    String maxHeap = DEFAULT_MAX_HEAP;
    int jobs = 2;
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          return null;
        }
        case "--verbose", "-v" -> verbose = true;
        case "--src" -> sourceRoot = directory(arg, value(args, ++i, arg));
        case "--exercises" -> exercisesDir = directory(arg, value(args, ++i, arg));
        case "--out" -> outDir = Path.of(value(args, ++i, arg));
        case "--tests", "--hidden" -> hidden.add(existing(arg, value(args, ++i, arg)));
        case "--submission" -> submission = directory(arg, value(args, ++i, arg));
        case "--summary" -> summary = Path.of(value(args, ++i, arg));
        case "--run-as" -> runAs = user(value(args, ++i, arg));
        case "--timeout" -> timeoutMs = timeout(value(args, ++i, arg));
        case "--xmx" -> maxHeap = heap(value(args, ++i, arg));
        case "--jobs" -> jobs = jobs(value(args, ++i, arg));
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageError(
                "unknown option '"
                    + arg
                    + "'; the options are --src, --exercises, --out, --hidden, --submission, --timeout, --xmx, --jobs, --summary, --run-as, --verbose and --help");
          }
          exercises.add(arg);
        }
      }
    }
    if (exercisesDir == null) {
      exercisesDir = defaultExercisesDir();
    }
    GradeOptions defaults = defaults(exercisesDir);
    return new GradeOptions(
        exercises,
        exercisesDir,
        sourceRoot != null ? sourceRoot : defaults.sourceRoot(),
        outDir != null ? outDir : defaults.outDir(),
        hidden,
        submission,
        timeoutMs,
        maxHeap,
        jobs,
        verbose,
        summary,
        runAs,
        defaults.apiChecked(),
        defaults.classpath());
  }

  /** Run from the repository's root or from inside the exercises folder. */
  private static Path defaultExercisesDir() {
    if (Files.isDirectory(Path.of("exercises", "src", "main", "java"))) {
      return Path.of("exercises");
    }
    if (Files.isDirectory(Path.of("src", "main", "java", "dev", "replab", "exercises"))) {
      return Path.of(".");
    }
    return Path.of("exercises");
  }

  private static String value(String[] args, int index, String option) throws UsageError {
    if (index >= args.length) {
      throw new UsageError(option + " needs a value; see --help");
    }
    return args[index];
  }

  private static Path directory(String option, String value) throws UsageError {
    Path path = Path.of(value);
    if (!Files.isDirectory(path)) {
      throw new UsageError(option + " " + value + ": no such folder");
    }
    return path;
  }

  private static Path existing(String option, String value) throws UsageError {
    Path path = Path.of(value);
    if (!Files.exists(path)) {
      throw new UsageError(option + " " + value + ": no such file or folder");
    }
    return path;
  }

  private static String user(String value) throws UsageError {
    if (!value.matches("[a-z_][a-z0-9_-]{0,31}")) {
      throw new UsageError("--run-as " + value + " is not a user name, like learner");
    }
    return value;
  }

  private static long timeout(String value) throws UsageError {
    try {
      long us = Durations.parseUs(value);
      if (us < 1_000) {
        throw new UsageError("--timeout " + value + " is too short; give at least 1ms, like 10s");
      }
      return us / 1_000;
    } catch (IllegalArgumentException e) {
      throw new UsageError("--timeout: " + e.getMessage());
    }
  }

  private static String heap(String value) throws UsageError {
    if (!value.matches("\\d{1,6}[kKmMgG]")) {
      throw new UsageError(
          "--xmx " + value + " is not a heap size; write a number and k, m or g, like 256m");
    }
    return value;
  }

  private static int jobs(String value) throws UsageError {
    if (!value.matches("\\d{1,2}") || Integer.parseInt(value) < 1) {
      throw new UsageError(
          "--jobs " + value + " is not a count of JVMs; give a number from 1 to 99");
    }
    return Integer.parseInt(value);
  }

  /**
   * This JVM's class path with the {@code Class-Path} entries of its jars' manifests spelled out,
   * as absolute paths: started with {@code java -jar}, the class path is one jar that names the
   * rest.
   */
  static List<Path> ownClasspath() {
    Set<Path> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        addWithManifest(Path.of(entry).toAbsolutePath().normalize(), entries);
      }
    }
    return List.copyOf(entries);
  }

  private static void addWithManifest(Path entry, Set<Path> entries) {
    if (!entries.add(entry) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
      return;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      Manifest manifest = jar.getManifest();
      String classPath =
          manifest == null
              ? null
              : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath == null) {
        return;
      }
      for (String relative : classPath.trim().split("\\s+")) {
        if (!relative.isEmpty()) {
          Path resolved = Path.of(entry.getParent().toUri().resolve(URI.create(relative)));
          if (Files.exists(resolved)) {
            addWithManifest(resolved.normalize(), entries);
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // An unreadable jar stays on the class path as it is; the JVM will complain if it matters.
    }
  }
}
