package dev.replab.exercises.grader;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * The main class of a test JVM: discovers the graded tests it is asked for, lists them with their
 * points, runs them and reports each one to the grader through {@link Protocol} lines.
 *
 * <p>It runs in a JVM of its own because the learner's code runs here: an endless loop, a call to
 * {@code System.exit} or an exhausted heap ends this JVM, and the grader, which only reads these
 * lines, notices and carries on.
 *
 * <p>Arguments: the nonce, then a plan file whose lines are {@code package <name>}, {@code id
 * <unique id>} or {@code list-only}.
 */
public final class GradedTestRunner {
  /** Graded test classes are named like this; helpers in the same package are not. */
  static final String GRADED_CLASS_PATTERN = "dev\\.replab\\.exercises\\.ex\\d+\\..*Tests";

  private static final int OUTPUT_LIMIT_BYTES = 16 * 1024;

  private GradedTestRunner() {}

  public static void main(String[] args) throws IOException {
    String nonce = args[0];
    List<String> plan = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    // The protocol goes to the real standard output; System.out and System.err now go to a
    // bounded buffer per test, so what the learner's code prints becomes part of its report.
    PrintStream protocol =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    BoundedCapture capture = new BoundedCapture(OUTPUT_LIMIT_BYTES);
    PrintStream captured = new PrintStream(capture, true, StandardCharsets.UTF_8);
    System.setOut(captured);
    System.setErr(captured);

    Launcher launcher = LauncherFactory.create();
    TestPlan testPlan = launcher.discover(request(plan));
    List<TestIdentifier> tests = tests(testPlan);
    for (TestIdentifier test : tests) {
      MethodSource source = methodSource(test).orElseThrow();
      protocol.println(
          Protocol.encode(
              nonce,
              Protocol.TEST,
              test.getUniqueId(),
              String.valueOf(points(source)),
              source.getClassName(),
              source.getMethodName()));
    }
    protocol.println(Protocol.encode(nonce, Protocol.LISTED, String.valueOf(tests.size())));
    if (!plan.contains("list-only")) {
      launcher.execute(testPlan, new Reporter(nonce, protocol, capture, testPlan));
    }
    protocol.println(Protocol.encode(nonce, Protocol.DONE));
    protocol.flush();
    // halt, not exit: threads or shutdown hooks left behind by the learner's code must not keep
    // this JVM alive once every result is out.
    Runtime.getRuntime().halt(0);
  }

  private static LauncherDiscoveryRequest request(List<String> plan) {
    List<DiscoverySelector> selectors = new ArrayList<>();
    for (String line : plan) {
      if (line.startsWith("package ")) {
        selectors.add(selectPackage(line.substring("package ".length())));
      } else if (line.startsWith("id ")) {
        selectors.add(selectUniqueId(line.substring("id ".length())));
      }
    }
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .filters(includeClassNamePatterns(GRADED_CLASS_PATTERN))
        // Run in the order the score table shows: by class, then by method name.
        .configurationParameter(
            "junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName")
        .configurationParameter(
            "junit.jupiter.testmethod.order.default",
            "org.junit.jupiter.api.MethodOrderer$MethodName")
        .build();
  }

  private static List<TestIdentifier> tests(TestPlan plan) {
    List<TestIdentifier> tests = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier descendant : plan.getDescendants(root)) {
        if (descendant.isTest() && methodSource(descendant).isPresent()) {
          tests.add(descendant);
        }
      }
    }
    return tests;
  }

  private static Optional<MethodSource> methodSource(TestIdentifier test) {
    Optional<TestSource> source = test.getSource();
    return source.filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
  }

  private static int points(MethodSource source) {
    try {
      Method method = source.getJavaMethod();
      Points points = method.getAnnotation(Points.class);
      return points == null ? 0 : points.value();
    } catch (RuntimeException | LinkageError e) {
      return 0;
    }
  }

  /** Turns JUnit's events into protocol lines, one START and one END per test. */
  private static final class Reporter implements TestExecutionListener {
    private final String nonce;
    private final PrintStream protocol;
    private final BoundedCapture capture;
    private final TestPlan plan;
    private final Set<String> ended = new HashSet<>();
    private long startedNanos;

    Reporter(String nonce, PrintStream protocol, BoundedCapture capture, TestPlan plan) {
      this.nonce = nonce;
      this.protocol = protocol;
      this.capture = capture;
      this.plan = plan;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
      if (test.isTest()) {
        capture.reset();
        startedNanos = System.nanoTime();
        protocol.println(Protocol.encode(nonce, Protocol.START, test.getUniqueId()));
      }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      if (test.isTest()) {
        long ms = (System.nanoTime() - startedNanos) / 1_000_000;
        Throwable failure = result.getThrowable().orElse(null);
        String status =
            result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "PASSED" : "FAILED";
        end(
            test,
            status,
            ms,
            failure == null ? "" : Failures.reason(failure),
            Failures.details(failure, capture.text()));
      } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        // A class that cannot start (a failing static initializer, say) never starts its tests.
        Throwable failure = result.getThrowable().orElse(null);
        String reason =
            failure == null
                ? "the test class did not run"
                : "the test class did not run: " + Failures.reason(failure);
        for (TestIdentifier descendant : plan.getDescendants(test)) {
          if (descendant.isTest()) {
            end(descendant, "FAILED", 0, reason, Failures.details(failure, capture.text()));
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
          end(one, "SKIPPED", 0, "skipped: " + why, "");
        }
      }
    }

    private void end(TestIdentifier test, String status, long ms, String reason, String details) {
      if (ended.add(test.getUniqueId())) {
        protocol.println(
            Protocol.encode(
                nonce,
                Protocol.END,
                test.getUniqueId(),
                status,
                String.valueOf(ms),
                reason,
                details));
      }
    }
  }

  /** Keeps the first bytes written to it and counts the rest. */
  static final class BoundedCapture extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    BoundedCapture(int limit) {
      this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
      if (kept.size() < limit) {
        kept.write(b);
      } else {
        dropped++;
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      int room = Math.max(0, Math.min(length, limit - kept.size()));
      kept.write(bytes, offset, room);
      dropped += length - room;
    }

    synchronized void reset() {
      kept.reset();
      dropped = 0;
    }

    synchronized String text() {
      String text = kept.toString(StandardCharsets.UTF_8);
      return dropped == 0 ? text : text + "\n[... " + dropped + " more bytes of output dropped]";
    }
  }
}
