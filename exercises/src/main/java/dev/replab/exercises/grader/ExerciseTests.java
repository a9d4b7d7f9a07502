package dev.replab.exercises.grader;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.replab.exercises.grader.plugin.LearnerSession;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one exercise's graded tests inside the grader's own JVM, with JUnit's launcher, and scores
 * each one. The tests drive a simulated cluster here; the learner's classes are stand-ins whose
 * calls go to the learner's JVM ({@link LearnerSession}), which also tells, test by test, whether
 * the learner's code stopped or ran out of time. Only what JUnit reports here, for tests loaded
 * from bytes the grader read itself, decides a score.
 */
final class ExerciseTests {
  private final TrustedClasses classes;
  private final Set<String> standIns;
  private final Set<String> hiddenTests;
  private final long testTimeoutMs;

  /**
   * @param classes every trusted class: graded tests, helpers, stand-ins, hidden tests
   * @param standIns the binary names of the stand-ins among them
   * @param hiddenTests the binary names of the instructor's hidden test classes among them
   * @param testTimeoutMs the time a test may use the learner's code for
   */
  ExerciseTests(
      TrustedClasses classes, Set<String> standIns, Set<String> hiddenTests, long testTimeoutMs) {
    this.classes = classes;
    this.standIns = Set.copyOf(standIns);
    this.hiddenTests = Set.copyOf(hiddenTests);
    this.testTimeoutMs = testTimeoutMs;
  }

  /**
   * Lists the exercise's tests and, unless {@code listOnly}, runs them.
   *
   * @param session the learner's JVM of this exercise, or null when it has no learner's classes (a
   *     scenario exercise, or code that did not compile)
   * @param exerciseSources the learner's folder of this exercise
   * @return every test with its outcome, by class and then method name; a test that was only listed
   *     is {@link TestOutcome.Status#SKIPPED}
   */
  List<TestOutcome> run(
      Exercise exercise, LearnerSession session, Path exerciseSources, boolean listOnly) {
    TestLoader loader =
        new TestLoader(
            classes, standIns, ExerciseTests.class.getClassLoader(), session, exerciseSources);
    List<DiscoverySelector> selectors = new ArrayList<>();
    for (String name : classes.testClasses(exercise.packageName())) {
      try {
        selectors.add(selectClass(loader.loadClass(name)));
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("the graded test " + name + " does not load: " + e, e);
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Launcher launcher = LauncherFactory.create();
      TestPlan plan = launcher.discover(request(selectors));
      Map<String, Listed> listed = list(exercise, plan);
      Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
      if (!listOnly && !listed.isEmpty()) {
        launcher.execute(plan, new Scorer(exercise, session, plan, listed, outcomes));
      }
      List<TestOutcome> result = new ArrayList<>();
      for (Map.Entry<String, Listed> entry : listed.entrySet()) {
        TestOutcome done = outcomes.get(entry.getKey());
        result.add(
            done != null
                ? done
                : entry
                    .getValue()
                    .outcome(
                        exercise,
                        TestOutcome.Status.SKIPPED,
                        listOnly ? "not run" : "did not run",
                        "",
                        0));
      }
      result.sort(
          Comparator.comparing(TestOutcome::className).thenComparing(TestOutcome::testName));
      return result;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static LauncherDiscoveryRequest request(List<DiscoverySelector> selectors) {
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        // Run in the order the score table shows: by class, then by method name.
        .configurationParameter(
            "junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName")
        .configurationParameter(
            "junit.jupiter.testmethod.order.default",
            "org.junit.jupiter.api.MethodOrderer$MethodName")
        .build();
  }

  /** A test as listed before anything runs. */
  private record Listed(
      String className, String methodName, int points, Visibility.Level visibility) {
    TestOutcome outcome(
        Exercise exercise, TestOutcome.Status status, String reason, String details, long ms) {
      return new TestOutcome(
          exercise.id(), className, methodName, points, status, reason, details, ms, visibility);
    }
  }

  private Map<String, Listed> list(Exercise exercise, TestPlan plan) {
    Map<String, Listed> listed = new LinkedHashMap<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier test : plan.getDescendants(root)) {
        Optional<MethodSource> source = methodSource(test);
        if (test.isTest() && source.isPresent()) {
          Method method = source.get().getJavaMethod();
          listed.put(
              test.getUniqueId(),
              new Listed(
                  source.get().getClassName(),
                  source.get().getMethodName(),
                  points(method),
                  visibility(method)));
        }
      }
    }
    return listed;
  }

  private static int points(Method method) {
    Points points = method.getAnnotation(Points.class);
    return points == null ? 0 : points.value();
  }

  private Visibility.Level visibility(Method method) {
    Visibility onMethod = method.getAnnotation(Visibility.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    Visibility onClass = method.getDeclaringClass().getAnnotation(Visibility.class);
    if (onClass != null) {
      return onClass.value();
    }
    return hiddenTests.contains(method.getDeclaringClass().getName())
        ? Visibility.Level.AFTER_DUE_DATE
        : Visibility.Level.VISIBLE;
  }

  private static Optional<MethodSource> methodSource(TestIdentifier test) {
    Optional<TestSource> source = test.getSource();
    return source.filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
  }

  /** Turns JUnit's events and the learner's JVM's account of each test into outcomes. */
  private final class Scorer implements TestExecutionListener {
    private final Exercise exercise;
    private final LearnerSession session;
    private final TestPlan plan;
    private final Map<String, Listed> listed;
    private final Map<String, TestOutcome> outcomes;
    private final Map<String, Long> startedNanos = new HashMap<>();

    Scorer(
        Exercise exercise,
        LearnerSession session,
        TestPlan plan,
        Map<String, Listed> listed,
        Map<String, TestOutcome> outcomes) {
      this.exercise = exercise;
      this.session = session;
      this.plan = plan;
      this.listed = listed;
      this.outcomes = outcomes;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
      if (test.isTest()) {
        startedNanos.put(test.getUniqueId(), System.nanoTime());
        if (session != null) {
          session.beginTest(testTimeoutMs);
        }
      }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      Throwable failure = result.getThrowable().orElse(null);
      if (test.isTest()) {
        Long started = startedNanos.get(test.getUniqueId());
        long ms = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        LearnerSession.TestEvents events = session == null ? null : session.endTest();
        String printed = events == null ? "" : events.output();
        if (events != null && events.stop() != null) {
          LearnerSession.Stop stop = events.stop();
          String details =
              stop.details().isBlank() ? "" : "the JVM's last words:\n" + stop.details();
          end(
              test,
              stop.timedOut() ? TestOutcome.Status.TIMED_OUT : TestOutcome.Status.CRASHED,
              ms,
              stop.reason(),
              withOutput(details, printed));
        } else if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
          end(test, TestOutcome.Status.PASSED, ms, "", "");
        } else {
          end(
              test,
              TestOutcome.Status.FAILED,
              ms,
              failure == null ? "failed" : Failures.reason(failure),
              Failures.details(failure, printed));
        }
      } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        // A class that cannot start (a failing static initializer, say) never starts its tests.
        String reason =
            failure == null
                ? "the test class did not run"
                : "the test class did not run: " + Failures.reason(failure);
        for (TestIdentifier descendant : plan.getDescendants(test)) {
          if (descendant.isTest()) {
            end(descendant, TestOutcome.Status.FAILED, 0, reason, Failures.details(failure, ""));
          }
        }
      }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String why) {
      List<TestIdentifier> skipped = new ArrayList<>(plan.getDescendants(test));
      skipped.add(test);
      for (TestIdentifier one : skipped) {
        if (one.isTest()) {
          end(one, TestOutcome.Status.SKIPPED, 0, "skipped: " + why, "");
        }
      }
    }

    private void end(
        TestIdentifier test, TestOutcome.Status status, long ms, String reason, String details) {
      Listed one = listed.get(test.getUniqueId());
      if (one != null && !outcomes.containsKey(test.getUniqueId())) {
        outcomes.put(test.getUniqueId(), one.outcome(exercise, status, reason, details, ms));
      }
    }
  }

  private static String withOutput(String details, String printed) {
    if (printed == null || printed.isEmpty()) {
      return details;
    }
    return (details.isEmpty() ? "" : details + "\n\n") + "--- output ---\n" + printed;
  }
}
