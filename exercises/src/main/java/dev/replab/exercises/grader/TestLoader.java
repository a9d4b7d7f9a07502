package dev.replab.exercises.grader;

import dev.replab.exercises.grader.plugin.LearnerCalls;
import dev.replab.exercises.grader.plugin.PluginBinding;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;

/**
 * Loads one exercise's graded tests in the grader, for one learner: the tests, their helpers and
 * the stand-ins come from {@link TrustedClasses}, everything else (the engine, JUnit, the grader)
 * from the grader's own class loader. The stand-ins reach the learner's JVM through it, and a
 * scenario exercise's tests find the learner's script through it.
 *
 * <p>The stand-ins get a code source of their own, apart from the tests', so that a failure can
 * tell the learner's code from the test's.
 */
final class TestLoader extends ClassLoader implements PluginBinding, LearnerFiles {
  private static final String EXERCISE_PACKAGES = "dev.replab.exercises.ex";

  private final TrustedClasses classes;
  private final java.util.Set<String> standIns;
  private final LearnerCalls calls;
  private final Path exerciseSources;
  private final ProtectionDomain testsDomain = domain("replab-graded-tests:/");
  private final ProtectionDomain learnerDomain = domain("replab-learner-code:/");

  TestLoader(
      TrustedClasses classes,
      java.util.Set<String> standIns,
      ClassLoader parent,
      LearnerCalls calls,
      Path exerciseSources) {
    super("graded-tests", parent);
    this.classes = classes;
    this.standIns = java.util.Set.copyOf(standIns);
    this.calls = calls;
    this.exerciseSources = exerciseSources;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!classes.contains(name)) {
      if (name.startsWith(EXERCISE_PACKAGES)) {
        // An exercise's class that is neither a graded test nor a stand-in: in a build, the
        // parent would find a learner's stub, and a learner's code never runs in the grader.
        throw new ClassNotFoundException(name + " is not a graded test or a stand-in");
      }
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        byte[] bytes = classes.bytes(name);
        loaded =
            defineClass(
                name,
                bytes,
                0,
                bytes.length,
                standIns.contains(name) ? learnerDomain : testsDomain);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public LearnerCalls learnerCalls() {
    if (calls == null) {
      throw new IllegalStateException("this exercise has no learner's classes to call");
    }
    return calls;
  }

  @Override
  public Path exerciseSources() {
    return exerciseSources;
  }

  private ProtectionDomain domain(String where) {
    try {
      return new ProtectionDomain(
          new CodeSource(new URL(null, where, new NoStreams()), (Certificate[]) null),
          null,
          this,
          null);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The URLs above only name a code source; nothing is ever read from them. */
  private static final class NoStreams extends java.net.URLStreamHandler {
    @Override
    protected java.net.URLConnection openConnection(URL url) throws java.io.IOException {
      throw new java.io.IOException(url + " names a code source and holds nothing");
    }
  }
}
