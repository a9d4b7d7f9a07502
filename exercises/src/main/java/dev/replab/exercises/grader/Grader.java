package dev.replab.exercises.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code ./replab grade}: compiles the learner's exercise code, runs the graded tests against it in
 * watched child JVMs, prints a score table and writes Gradescope's {@code results.json} and JUnit
 * XML.
 *
 * <p>The pipeline: find the exercises → compile each → run each one's tests ({@link TestJvm}) →
 * {@link GradeResult} → score table, {@link GradescopeReport}, {@link JUnitXmlReport}.
 */
public final class Grader {
  static final String RESULTS_JSON = "results.json";
  static final String JUNIT_XML = "junit.xml";
  static final String SCRATCH_DIR = "grader-scratch";

  private final GradeOptions options;
  private final PrintStream out;

  public Grader(GradeOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line and returns the exit status: 0 all passed, 1 some failed, 2 could not
   * grade.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      GradeOptions options = GradeOptions.parse(args);
      if (options == null) {
        out.println(GradeOptions.USAGE);
        return 0;
      }
      GradeResult result = new Grader(options, out).gradeAndReport();
      return result.allPassed() ? 0 : 1;
    } catch (GradeOptions.UsageError e) {
      err.println("grade: " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException e) {
      err.println("grade: could not grade: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("grade: interrupted");
      return 2;
    }
  }

  /** Grades, prints the table and writes the reports. */
  public GradeResult gradeAndReport()
      throws GradeOptions.UsageError, IOException, InterruptedException {
    GradeResult result = grade();
    out.print(ScoreTable.render(result, options.verbose()));
    GradescopeReport.write(result, options.outDir().resolve(RESULTS_JSON));
    JUnitXmlReport.write(result, options.outDir().resolve(JUNIT_XML));
    out.printf(
        Locale.ROOT,
        "graded in %.1f s; wrote %s and %s%n",
        result.elapsedMs() / 1000.0,
        options.outDir().resolve(RESULTS_JSON),
        options.outDir().resolve(JUNIT_XML));
    return result;
  }

  /** Compiles and tests; writes nothing but compiled classes and the test JVMs' scratch files. */
  public GradeResult grade() throws GradeOptions.UsageError, IOException, InterruptedException {
    long startNanos = System.nanoTime();
    List<Exercise> exercises = select(Exercise.find(options.sourceRoot(), options.exercisesDir()));
    // Compiled classes, plan files and the test JVMs' standard error, rebuilt on every run.
    Path scratch = options.outDir().resolve(SCRATCH_DIR);
    deleteRecursively(scratch);
    Path classesDir = scratch.resolve("classes");
    Path workDir = scratch.resolve("work");
    Files.createDirectories(workDir);

    LearnerCompiler compiler = new LearnerCompiler(options.classpath());
    List<LearnerCompiler.Compilation> compilations = new ArrayList<>();
    List<Path> learnerClasses = new ArrayList<>();
    for (Exercise exercise : exercises) {
      Path output = classesDir.resolve(exercise.id());
      LearnerCompiler.Compilation compilation =
          compiler.compile(exercise.sourceDir(), output, learnerClasses, true);
      compilations.add(compilation);
      if (compilation.ok()) {
        learnerClasses.add(output);
      }
    }
    List<Path> testClasspath =
        new ArrayList<>(hiddenTests(compiler, learnerClasses, classesDir.resolve("hidden-tests")));
    testClasspath.addAll(options.classpath());
    TestJvm jvm =
        new TestJvm(
            new TestJvm.Settings(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                testClasspath,
                options.maxHeap(),
                options.testTimeoutMs(),
                workDir));

    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(options.jobs(), exercises.size())));
    try {
      List<Future<GradeResult.ExerciseResult>> futures = new ArrayList<>();
      for (int i = 0; i < exercises.size(); i++) {
        Exercise exercise = exercises.get(i);
        LearnerCompiler.Compilation compilation = compilations.get(i);
        futures.add(pool.submit(() -> test(jvm, exercise, compilation, learnerClasses)));
      }
      List<GradeResult.ExerciseResult> results = new ArrayList<>();
      for (Future<GradeResult.ExerciseResult> future : futures) {
        results.add(future.get());
      }
      return new GradeResult(results, (System.nanoTime() - startNanos) / 1_000_000);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private GradeResult.ExerciseResult test(
      TestJvm jvm,
      Exercise exercise,
      LearnerCompiler.Compilation compilation,
      List<Path> learnerClasses)
      throws IOException, InterruptedException {
    // Code that does not compile is not run, but its tests are still listed, so the table shows
    // what the exercise is worth.
    TestJvm.Run run =
        jvm.run(exercise.id(), exercise.packageName(), learnerClasses, !compilation.ok());
    List<TestOutcome> tests = new ArrayList<>();
    // Class by class, test by test, alphabetically: the same order on every run.
    List<TestOutcome> ordered =
        run.outcomes().stream()
            .sorted(
                Comparator.comparing(TestOutcome::className).thenComparing(TestOutcome::testName))
            .toList();
    for (TestOutcome test : ordered) {
      tests.add(
          compilation.ok()
              ? test
              : test.withStatus(
                  TestOutcome.Status.NOT_COMPILED, compilation.firstError(), compilation.report()));
    }
    if (run.problem() != null) {
      tests.add(
          new TestOutcome(
              exercise.id(),
              exercise.packageName() + ".GradedTests",
              "(all tests)",
              0,
              TestOutcome.Status.CRASHED,
              compilation.ok() ? run.problem() : compilation.firstError(),
              run.problem(),
              0));
    } else if (tests.isEmpty()) {
      tests.add(
          new TestOutcome(
              exercise.id(),
              exercise.packageName() + ".GradedTests",
              "(no tests)",
              0,
              TestOutcome.Status.FAILED,
              "found no graded tests in "
                  + exercise.packageName()
                  + "; is the exercises test jar on the class path?",
              "",
              0));
    }
    return new GradeResult.ExerciseResult(
        exercise, compilation.ok() ? "" : compilation.report(), tests);
  }

  private List<Exercise> select(List<Exercise> all) throws GradeOptions.UsageError {
    if (all.isEmpty()) {
      throw new GradeOptions.UsageError(
          "found no exercises in "
              + options.sourceRoot().resolve("dev/replab/exercises")
              + "; run from the repository's root or give --src");
    }
    if (options.exercises().isEmpty()) {
      return all;
    }
    List<Exercise> chosen = new ArrayList<>();
    for (String word : options.exercises()) {
      Exercise match =
          all.stream()
              .filter(e -> e.isNamedBy(word))
              .findFirst()
              .orElseThrow(
                  () ->
                      new GradeOptions.UsageError(
                          "no exercise '"
                              + word
                              + "'; the exercises are "
                              + String.join(" ", all.stream().map(Exercise::id).toList())));
      if (!chosen.contains(match)) {
        chosen.add(match);
      }
    }
    chosen.sort(Comparator.comparing(Exercise::id));
    return chosen;
  }

  /**
   * Hidden tests as class path entries; source folders are compiled against the learner's classes
   * first.
   */
  private List<Path> hiddenTests(
      LearnerCompiler compiler, List<Path> learnerClasses, Path outputDir)
      throws IOException, GradeOptions.UsageError {
    List<Path> entries = new ArrayList<>();
    int index = 0;
    for (Path hidden : options.hiddenTests()) {
      if (Files.isDirectory(hidden) && containsSources(hidden)) {
        Path output = outputDir.resolve(String.valueOf(index++));
        LearnerCompiler.Compilation compilation =
            compiler.compile(hidden, output, learnerClasses, false);
        if (!compilation.ok()) {
          throw new GradeOptions.UsageError(
              "the tests in " + hidden + " do not compile:\n" + compilation.report());
        }
        entries.add(output.toAbsolutePath());
      } else {
        entries.add(hidden.toAbsolutePath());
      }
    }
    return entries;
  }

  private static boolean containsSources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(p -> p.toString().endsWith(".java"));
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
