package dev.replab.exercises.grader;

import dev.replab.engine.api.StreamApplier;
import dev.replab.exercises.grader.plugin.PluginHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Everything a grading run prepares once, before any learner's code runs, and shares between the
 * submissions of a class: the graded tests read into memory with the stand-ins for the learner's
 * classes and the instructor's hidden tests, every class of the grader, the engine and JUnit
 * loaded, and the plug-in JVM's own classes laid out in a folder of their own.
 */
final class GradingKit implements AutoCloseable {
  private static final String PLUGIN_PACKAGE =
      PluginHost.class.getPackageName().replace('.', '/') + "/";

  private final GradeOptions options;
  private final TrustedClasses classes;
  private final Set<String> standIns;
  private final Set<String> hiddenTests;
  private final Set<String> exercisesWithContracts;
  private final Path pluginDir;
  private final Path engine;
  private final List<Path> tempDirs = new ArrayList<>();
  private final ScheduledExecutorService watchdog;
  private final Thread preload;

  private GradingKit(
      GradeOptions options,
      TrustedClasses classes,
      Set<String> standIns,
      Set<String> hiddenTests,
      Set<String> exercisesWithContracts,
      Path pluginDir,
      Path engine,
      Thread preload) {
    this.options = options;
    this.preload = preload;
    this.classes = classes;
    this.standIns = Set.copyOf(standIns);
    this.hiddenTests = Set.copyOf(hiddenTests);
    this.exercisesWithContracts = Set.copyOf(exercisesWithContracts);
    this.pluginDir = pluginDir;
    this.engine = engine;
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "learner-watchdog");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Prepares a run in {@code workDir}, which is emptied first.
   *
   * @throws GradeOptions.UsageError when the hidden tests do not compile or clash with shipped ones
   */
  static GradingKit prepare(GradeOptions options, Path workDir)
      throws IOException, GradeOptions.UsageError {
    Grader.deleteRecursively(workDir);
    Files.createDirectories(workDir);
    TrustedClasses graded = TrustedClasses.graded(options.classpath());
    Map<String, LearnerClass[]> contracts = contracts(graded);
    Map<String, byte[]> standIns =
        compileStandIns(contracts, options, workDir.resolve("stand-ins"));
    Path standInClasses = workDir.resolve("stand-ins").resolve("classes");
    TrustedClasses withStandIns = graded.plus(standIns);
    Map<String, byte[]> hidden =
        hiddenTests(options, withStandIns, standInClasses, workDir.resolve("hidden"));
    TrustedClasses all = withStandIns.plus(hidden);
    // Loading every class takes a while; it runs beside the compiler, and no learner's code
    // starts before it is done (awaitPreload).
    Thread preload =
        new Thread(
            () -> {
              try {
                TrustedClasses.preload(options.classpath(), GradingKit.class.getClassLoader());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "grader-preload");
    preload.setDaemon(true);
    preload.start();
    Path pluginDir =
        options.runAs() == null
            ? workDir.resolve("plug-in")
            : Files.createTempDirectory("replab-plug-in-");
    Path engine = layOutPlugIn(pluginDir);
    Set<String> exercises = new HashSet<>();
    contracts.keySet().forEach(p -> exercises.add(p.substring(p.lastIndexOf('.') + 1)));
    GradingKit kit =
        new GradingKit(
            options,
            all,
            standIns.keySet(),
            hidden.keySet(),
            exercises,
            pluginDir,
            engine,
            preload);
    if (options.runAs() != null) {
      kit.tempDirs.add(pluginDir);
      openToAll(pluginDir);
    }
    return kit;
  }

  /**
   * Waits until every class of the grader, the engine and JUnit is loaded: from then on nothing the
   * grader runs is read from a file a learner's code could have changed.
   */
  void awaitPreload() throws InterruptedException {
    preload.join();
  }

  /** The graded tests, run in this JVM against stand-ins. */
  ExerciseTests tests() {
    return new ExerciseTests(classes, standIns, hiddenTests, options.testTimeoutMs());
  }

  boolean hasContract(Exercise exercise) {
    return exercisesWithContracts.contains(exercise.id());
  }

  /** The engine as the learner's code compiles against it and its JVM runs it. */
  Path engine() {
    return engine;
  }

  /** The plug-in JVM's class path before the learner's classes: its host, and the engine. */
  List<Path> pluginClasspath() {
    return List.of(pluginDir.resolve("host"), engine);
  }

  ScheduledExecutorService watchdog() {
    return watchdog;
  }

  /**
   * A folder for one submission's compiled classes. When the learner's JVM runs as another user it
   * lives in the system's temporary folder, readable by that user and writable by nobody but the
   * grader; otherwise under {@code fallback}.
   */
  Path learnerDir(Path fallback) throws IOException {
    if (options.runAs() == null) {
      Files.createDirectories(fallback);
      return fallback;
    }
    Path dir = Files.createTempDirectory("replab-learner-");
    openToAll(dir);
    synchronized (tempDirs) {
      tempDirs.add(dir);
    }
    return dir;
  }

  /** Lets the learner's user read and enter a folder the grader made. */
  static void openToAll(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.toList()) {
        Files.setPosixFilePermissions(
            path,
            PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: there is no other user to open it to.
    }
  }

  @Override
  public void close() throws IOException {
    watchdog.shutdownNow();
    synchronized (tempDirs) {
      for (Path dir : tempDirs) {
        Grader.deleteRecursively(dir);
      }
      tempDirs.clear();
    }
  }

  /** The {@link LearnerClass} contracts of every exercise package, read from its package-info. */
  private static Map<String, LearnerClass[]> contracts(TrustedClasses graded) {
    Map<String, LearnerClass[]> contracts = new HashMap<>();
    TestLoader reader =
        new TestLoader(graded, Set.of(), GradingKit.class.getClassLoader(), null, null);
    for (String name : graded.names()) {
      if (name.endsWith(".package-info")) {
        try {
          LearnerClass[] declared = reader.loadClass(name).getAnnotationsByType(LearnerClass.class);
          if (declared.length > 0) {
            contracts.put(name.substring(0, name.lastIndexOf('.')), declared);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("cannot read " + name + ": " + e, e);
        }
      }
    }
    return contracts;
  }

  private static Map<String, byte[]> compileStandIns(
      Map<String, LearnerClass[]> contracts, GradeOptions options, Path dir) throws IOException {
    Path sources = dir.resolve("src");
    Path output = dir.resolve("classes");
    Files.createDirectories(output);
    if (contracts.isEmpty()) {
      return Map.of();
    }
    for (Map.Entry<String, LearnerClass[]> entry : contracts.entrySet()) {
      Path packageDir = sources.resolve(entry.getKey().replace('.', '/'));
      Files.createDirectories(packageDir);
      for (LearnerClass contract : entry.getValue()) {
        Files.writeString(
            packageDir.resolve(contract.name() + ".java"),
            StandInSource.of(entry.getKey(), contract),
            StandardCharsets.UTF_8);
      }
    }
    LearnerCompiler.Compilation compilation =
        new LearnerCompiler(options.classpath()).compile(sources, output, List.of(), false);
    if (!compilation.ok()) {
      throw new IllegalStateException("the stand-ins do not compile:\n" + compilation.report());
    }
    return TrustedClasses.allClasses(output);
  }

  private static Map<String, byte[]> hiddenTests(
      GradeOptions options, TrustedClasses shipped, Path standIns, Path dir)
      throws IOException, GradeOptions.UsageError {
    Map<String, byte[]> hidden = new HashMap<>();
    int index = 0;
    for (Path source : options.hiddenTests()) {
      Map<String, byte[]> found;
      if (Files.isDirectory(source) && containsSources(source)) {
        Path output = dir.resolve(String.valueOf(index++));
        List<Path> classpath = new ArrayList<>();
        classpath.add(standIns);
        classpath.addAll(options.classpath());
        LearnerCompiler.Compilation compilation =
            new LearnerCompiler(classpath).compile(source, output, List.of(), false);
        if (!compilation.ok()) {
          throw new GradeOptions.UsageError(
              "the hidden tests in " + source + " do not compile:\n" + compilation.report());
        }
        found = TrustedClasses.allClasses(output);
      } else {
        found = TrustedClasses.allClasses(source);
      }
      for (Map.Entry<String, byte[]> entry : found.entrySet()) {
        String name = entry.getKey();
        if (!name.matches("dev\\.replab\\.exercises\\.ex\\d+\\..*")) {
          throw new GradeOptions.UsageError(
              "the hidden test class "
                  + name
                  + " in "
                  + source
                  + " is not in an exercise's package (dev.replab.exercises.exNN)");
        }
        if (shipped.contains(name)) {
          throw new GradeOptions.UsageError(
              "the hidden test class "
                  + name
                  + " in "
                  + source
                  + " has the name of a shipped class; give it a name of its own");
        }
        hidden.put(name, entry.getValue());
      }
    }
    return hidden;
  }

  private static boolean containsSources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(p -> p.toString().endsWith(".java"));
    }
  }

  /**
   * Copies the plug-in JVM's host classes and the engine into {@code dir}, so that the plug-in JVM
   * sees nothing of the grader, its tests or JUnit; returns where the engine went.
   */
  private static Path layOutPlugIn(Path dir) throws IOException {
    Path hostDir = dir.resolve("host");
    Files.createDirectories(hostDir);
    Path host = location(PluginHost.class);
    if (Files.isDirectory(host)) {
      copyTree(host.resolve(PLUGIN_PACKAGE), hostDir.resolve(PLUGIN_PACKAGE));
    } else {
      try (JarFile jar = new JarFile(host.toFile())) {
        for (JarEntry entry : jar.stream().toList()) {
          if (entry.getName().startsWith(PLUGIN_PACKAGE) && entry.getName().endsWith(".class")) {
            Path target = hostDir.resolve(entry.getName());
            Files.createDirectories(target.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
              Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
    }
    Path engine = location(StreamApplier.class);
    Path target = dir.resolve("engine");
    if (Files.isDirectory(engine)) {
      copyTree(engine, target);
    } else {
      target = dir.resolve("engine.jar");
      Files.copy(engine, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
