package dev.replab.exercises.grader;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs graded tests inside this JVM through the JUnit Platform Launcher, either against the classes
 * on the class path (the stubs) or against another implementation compiled elsewhere.
 */
final class InProcessRun {
  /** Graded test classes are named like this; helpers in the same package are not. */
  static final String GRADED_CLASS_PATTERN = "dev\\.replab\\.exercises\\.ex\\d+\\..*Tests";

  private InProcessRun() {}

  /** How one graded test ended. */
  record Result(
      String className,
      String methodName,
      TestExecutionResult.Status status,
      Throwable failure,
      int points) {
    String name() {
      return className.substring(className.lastIndexOf('.') + 1) + "." + methodName;
    }

    boolean passed() {
      return status == TestExecutionResult.Status.SUCCESSFUL;
    }
  }

  /** Every graded test under {@code packageName}, run against the classes on this class path. */
  static Map<String, Result> graded(String packageName) {
    return run(selectPackage(packageName));
  }

  /**
   * The graded tests of one exercise, run against the learner classes in {@code learnerClasses}.
   * The exercise's test classes are loaded again by a loader that looks there first, so that they
   * link to those classes and not to the stubs.
   */
  static Map<String, Result> gradedAgainst(String packageName, Path learnerClasses) {
    return gradedWith(packageName, learnerClasses, null);
  }

  /**
   * The graded tests of a scenario exercise, run against the learner's scripts in {@code
   * scriptsDir} (the exercise's folder of {@code .replab} files).
   */
  static Map<String, Result> gradedAgainstScripts(String packageName, Path scriptsDir) {
    return gradedWith(packageName, null, scriptsDir);
  }

  private static Map<String, Result> gradedWith(
      String packageName, Path learnerClasses, Path scriptsDir) {
    Path testClasses = location(InProcessRun.class);
    URL[] urls =
        learnerClasses == null
            ? new URL[] {url(testClasses)}
            : new URL[] {url(learnerClasses), url(testClasses)};
    try (URLClassLoader loader = new ExerciseFirstLoader(packageName, urls, scriptsDir)) {
      List<DiscoverySelector> selectors = new ArrayList<>();
      Path packageDir = testClasses.resolve(packageName.replace('.', '/'));
      try (Stream<Path> files = Files.list(packageDir)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith("Tests.class")) {
            selectors.add(
                selectClass(
                    loader.loadClass(
                        packageName + "." + name.substring(0, name.length() - ".class".length()))));
          }
        }
      }
      ClassLoader previous = Thread.currentThread().getContextClassLoader();
      Thread.currentThread().setContextClassLoader(loader);
      try {
        return run(selectors.toArray(DiscoverySelector[]::new));
      } finally {
        Thread.currentThread().setContextClassLoader(previous);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every graded test under {@code packageName}, by fully qualified class and method name, with its
   * points; nothing runs.
   */
  static Map<String, Integer> listed(String packageName) {
    TestPlan plan = LauncherFactory.create().discover(request(selectPackage(packageName)));
    Map<String, Integer> points = new LinkedHashMap<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier test : plan.getDescendants(root)) {
        if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource source) {
          Points annotation = source.getJavaMethod().getAnnotation(Points.class);
          points.put(
              source.getClassName() + "." + source.getMethodName(),
              annotation == null ? 0 : annotation.value());
        }
      }
    }
    return points;
  }

  private static LauncherDiscoveryRequest request(DiscoverySelector... selectors) {
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .filters(includeClassNamePatterns(GRADED_CLASS_PATTERN))
        .build();
  }

  private static Map<String, Result> run(DiscoverySelector... selectors) {
    LauncherDiscoveryRequest request = request(selectors);
    Map<String, Result> results = new LinkedHashMap<>();
    LauncherFactory.create()
        .execute(
            request,
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource source) {
                  Points points = source.getJavaMethod().getAnnotation(Points.class);
                  Result one =
                      new Result(
                          source.getClassName(),
                          source.getMethodName(),
                          result.getStatus(),
                          result.getThrowable().orElse(null),
                          points == null ? 0 : points.value());
                  results.put(one.name(), one);
                }
              }
            });
    return results;
  }

  static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Loads an exercise's classes, and the graded tests' shared helpers (the classes directly in
   * {@code dev.replab.exercises}, such as {@code Scenario}), from its own URLs first; everything
   * else (the engine, JUnit, the grader) from its parent.
   */
  private static final class ExerciseFirstLoader extends URLClassLoader implements LearnerFiles {
    private static final String SHARED_PACKAGE = "dev.replab.exercises.";
    private final String packagePrefix;
    private final Path scriptsDir;

    ExerciseFirstLoader(String packageName, URL[] urls, Path scriptsDir) {
      super(urls, InProcessRun.class.getClassLoader());
      this.packagePrefix = packageName + ".";
      this.scriptsDir = scriptsDir;
    }

    @Override
    public Path exerciseSources() {
      if (scriptsDir == null) {
        throw new IllegalStateException("this run has no learner's scripts");
      }
      return scriptsDir;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        boolean mine = name.startsWith(packagePrefix) || isSharedHelper(name);
        if (!mine) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }

    private static boolean isSharedHelper(String name) {
      return name.startsWith(SHARED_PACKAGE) && name.indexOf('.', SHARED_PACKAGE.length()) < 0;
    }
  }
}
