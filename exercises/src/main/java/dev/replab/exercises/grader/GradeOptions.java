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
 * @param hiddenTests more graded tests: jars, class folders or source folders
 * @param testTimeoutMs the time limit of one test
 * @param maxHeap the test JVM's heap limit, like {@code 256m}
 * @param jobs how many test JVMs run at once
 * @param verbose whether to print every failure in full after the table
 * @param classpath the grader's own class path, which test JVMs and the compiler use too
 */
public record GradeOptions(
    List<String> exercises,
    Path exercisesDir,
    Path sourceRoot,
    Path outDir,
    List<Path> hiddenTests,
    long testTimeoutMs,
    String maxHeap,
    int jobs,
    boolean verbose,
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
          "  --tests <path>    more graded tests: a jar, a folder of classes or a folder of sources (repeatable)",
          "  --timeout <d>     time limit of one test, like 10s or 500ms (default: 10s)",
          "  --xmx <size>      heap of the test JVM, like 256m (default: 256m)",
          "  --jobs <n>        test JVMs that run at once (default: 2)",
          "  --verbose         print every failure in full after the table",
          "  --help            this text",
          "exit status: 0 when every test passed, 1 when some failed, 2 when grading could not run");

  public GradeOptions {
    exercises = List.copyOf(exercises);
    hiddenTests = List.copyOf(hiddenTests);
    classpath = List.copyOf(classpath);
  }

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
        DEFAULT_TEST_TIMEOUT_MS,
        DEFAULT_MAX_HEAP,
        2,
        false,
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
        case "--tests" -> hidden.add(existing(arg, value(args, ++i, arg)));
        case "--timeout" -> timeoutMs = timeout(value(args, ++i, arg));
        case "--xmx" -> maxHeap = heap(value(args, ++i, arg));
        case "--jobs" -> jobs = jobs(value(args, ++i, arg));
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageError(
                "unknown option '"
                    + arg
                    + "'; the options are --src, --exercises, --out, --tests, --timeout, --xmx, --jobs, --verbose and --help");
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
        timeoutMs,
        maxHeap,
        jobs,
        verbose,
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
