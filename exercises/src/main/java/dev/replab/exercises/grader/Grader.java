package dev.replab.exercises.grader;

import dev.replab.exercises.grader.plugin.LearnerSession;
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
 * {@code ./replab grade}: compiles the learner's exercise code, runs the graded tests against it,
 * prints a score table and writes Gradescope's {@code results.json} and JUnit XML.
 *
 * <p>The pipeline: prepare the trusted side once ({@link GradingKit}: tests in memory, stand-ins,
 * hidden tests) → find the exercises → compile each and check it keeps to the {@link ApiPolicy} →
 * run each one's tests here, in the grader, with the learner's classes in a JVM of their own
 * ({@link ExerciseTests}, {@link LearnerSession}) → {@link GradeResult} → score table, {@link
 * GradescopeReport}, {@link JUnitXmlReport}. The reports are written only after every JVM that ran
 * a learner's code has ended.
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
    long startNanos = System.nanoTime();
    checkRunAs(options.runAs());
    deleteRecursively(options.outDir().resolve(SCRATCH_DIR));
    try (GradingKit kit =
        GradingKit.prepare(options, options.outDir().resolve(SCRATCH_DIR).resolve("kit"))) {
      GradeResult result = grade(kit, startNanos);
      report(result);
      return result;
    }
  }

  /** Prepares the trusted side, compiles and tests; writes no report. */
  public GradeResult grade() throws GradeOptions.UsageError, IOException, InterruptedException {
    long startNanos = System.nanoTime();
    deleteRecursively(options.outDir().resolve(SCRATCH_DIR));
    try (GradingKit kit =
        GradingKit.prepare(options, options.outDir().resolve(SCRATCH_DIR).resolve("kit"))) {
      return grade(kit, startNanos);
    }
  }

  /** Prints the table and writes results.json, junit.xml and, if asked, the Markdown summary. */
  void report(GradeResult result) throws IOException {
    out.print(ScoreTable.render(result, options.verbose()));
    Files.createDirectories(options.outDir());
    GradescopeReport.write(result, options.outDir().resolve(RESULTS_JSON));
    JUnitXmlReport.write(result, options.outDir().resolve(JUNIT_XML));
    if (options.summary() != null) {
      MarkdownReport.append(result, options.summary());
    }
    out.printf(
        Locale.ROOT,
        "graded in %.1f s; wrote %s and %s%n",
        result.elapsedMs() / 1000.0,
        options.outDir().resolve(RESULTS_JSON),
        options.outDir().resolve(JUNIT_XML));
  }

  /** Compiles and tests with a prepared kit; {@code startNanos} is when grading began. */
  GradeResult grade(GradingKit kit, long startNanos)
      throws GradeOptions.UsageError, IOException, InterruptedException {
    Path scratch = options.outDir().resolve(SCRATCH_DIR);
    Path sourceRoot = options.sourceRoot();
    List<String> notes = new ArrayList<>();
    if (options.submission() != null) {
      sourceRoot = scratch.resolve("submission");
      deleteRecursively(sourceRoot);
      notes.addAll(Submission.place(options.submission(), options.sourceRoot(), sourceRoot));
    }
    List<Exercise> exercises = select(Exercise.find(sourceRoot, options.exercisesDir()));
    Path learnerRoot = kit.learnerDir(scratch.resolve("learner"));
    deleteChildren(learnerRoot);

    LearnerCompiler compiler = new LearnerCompiler(List.of(kit.engine()));
    List<LearnerCompiler.Compilation> compilations = new ArrayList<>();
    List<Path> learnerClasses = new ArrayList<>();
    for (Exercise exercise : exercises) {
      if (exercise.isScript()) {
        compilations.add(new LearnerCompiler.Compilation(true, false, "", ""));
        continue;
      }
      Path output = learnerRoot.resolve("classes").resolve(exercise.id());
      LearnerCompiler.Compilation compilation =
          compiler.compile(exercise.sourceDir(), output, learnerClasses, options.apiChecked());
      compilations.add(compilation);
      if (compilation.ok()) {
        learnerClasses.add(output);
      }
    }
    if (options.runAs() != null) {
      GradingKit.openToAll(learnerRoot);
    }

    kit.awaitPreload();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(options.jobs(), exercises.size())));
    try {
      List<Future<GradeResult.ExerciseResult>> futures = new ArrayList<>();
      for (int i = 0; i < exercises.size(); i++) {
        Exercise exercise = exercises.get(i);
        LearnerCompiler.Compilation compilation = compilations.get(i);
        Path workDir = learnerRoot.resolve("run-" + exercise.id());
        Files.createDirectories(workDir);
        futures.add(pool.submit(() -> test(kit, exercise, compilation, learnerClasses, workDir)));
      }
      List<GradeResult.ExerciseResult> results = new ArrayList<>();
      for (Future<GradeResult.ExerciseResult> future : futures) {
        results.add(future.get());
      }
      return new GradeResult(results, (System.nanoTime() - startNanos) / 1_000_000, notes);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private GradeResult.ExerciseResult test(
      GradingKit kit,
      Exercise exercise,
      LearnerCompiler.Compilation compilation,
      List<Path> learnerClasses,
      Path workDir) {
    ExerciseTests tests = kit.tests();
    List<TestOutcome> outcomes;
    if (exercise.isScript()) {
      outcomes = tests.run(exercise, null, exercise.sourceDir(), false);
    } else if (!kit.hasContract(exercise)) {
      outcomes = tests.run(exercise, null, exercise.sourceDir(), true);
      String why =
          "the grader does not know "
              + exercise.id()
              + "'s classes: its test package has no @LearnerClass (see the instructor chapter)";
      outcomes =
          outcomes.stream().map(t -> t.withStatus(TestOutcome.Status.CRASHED, why, why)).toList();
    } else if (!compilation.ok()) {
      // Code that does not compile is not run, but its tests are still listed, so the table
      // shows what the exercise is worth.
      TestOutcome.Status status =
          compilation.refused() ? TestOutcome.Status.REFUSED : TestOutcome.Status.NOT_COMPILED;
      outcomes =
          tests.run(exercise, null, exercise.sourceDir(), true).stream()
              .map(t -> t.withStatus(status, compilation.firstError(), compilation.report()))
              .toList();
    } else {
      List<Path> classpath = new ArrayList<>(kit.pluginClasspath());
      classpath.addAll(learnerClasses);
      try (LearnerSession session =
          new LearnerSession(
              new LearnerSession.Settings(
                  exercise.id(),
                  Path.of(System.getProperty("java.home"), "bin", "java"),
                  classpath,
                  options.maxHeap(),
                  workDir,
                  options.runAs() == null
                      ? List.of()
                      : List.of("runuser", "-u", options.runAs(), "--"),
                  kit.watchdog(),
                  GradeOptions.TIMEOUTS_PER_EXERCISE))) {
        session.prestart();
        outcomes = tests.run(exercise, session, exercise.sourceDir(), false);
      }
    }
    List<TestOutcome> rows = new ArrayList<>(outcomes);
    if (rows.isEmpty()) {
      rows.add(
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
        exercise, compilation.ok() ? "" : compilation.report(), rows);
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

  /** {@code --run-as} starts the learner's JVM through {@code runuser}, which only root may use. */
  private static void checkRunAs(String user) throws GradeOptions.UsageError, IOException {
    if (user == null) {
      return;
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new GradeOptions.UsageError(
          "--run-as "
              + user
              + " needs the grader to run as root, to start the learner's JVM as "
              + user);
    }
    boolean known = false;
    Path passwd = Path.of("/etc/passwd");
    if (Files.isReadable(passwd)) {
      for (String line : Files.readAllLines(passwd)) {
        known |= line.startsWith(user + ":");
      }
    }
    if (!known) {
      throw new GradeOptions.UsageError(
          "--run-as "
              + user
              + ": no such user; create one first (useradd --no-create-home "
              + user
              + ")");
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static void deleteChildren(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        deleteRecursively(child);
      }
    }
  }
}
