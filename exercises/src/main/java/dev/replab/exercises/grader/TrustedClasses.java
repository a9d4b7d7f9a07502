package dev.replab.exercises.grader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The bytes of every class the graded tests run as, read into memory before any learner's code
 * runs: the graded tests and their helpers, the stand-ins for the learner's classes and an
 * instructor's hidden tests. The tests are defined from these bytes, never from files a learner's
 * code could have changed in the meantime.
 */
final class TrustedClasses {
  static final String EXERCISES = "dev/replab/exercises/";
  private static final String GRADER = "dev/replab/exercises/grader/";
  private static final String CLASSROOM = "dev/replab/exercises/classroom/";

  /** A class path entry holding this is the grader's own, whose exercise classes are stubs. */
  private static final String GRADER_MAIN = GRADER + "Grader.class";

  private final Map<String, byte[]> classes;

  private TrustedClasses(Map<String, byte[]> classes) {
    this.classes = Map.copyOf(classes);
  }

  /**
   * The graded tests and their helpers on the class path: the classes under {@code
   * dev/replab/exercises/} but for the grader's own, from every entry but the grader's (which in a
   * build also holds the stubs).
   */
  static TrustedClasses graded(List<Path> classpath) throws IOException {
    Map<String, byte[]> found = new HashMap<>();
    for (Path entry : classpath) {
      Map<String, byte[]> inEntry = exerciseClasses(entry);
      if (!inEntry.containsKey(GRADER_MAIN)) {
        inEntry.forEach((name, bytes) -> found.putIfAbsent(name, bytes));
      }
    }
    found.keySet().removeIf(name -> name.startsWith(GRADER) || name.startsWith(CLASSROOM));
    return new TrustedClasses(binaryNames(found));
  }

  /** These classes and {@code more}, which replace any of the same name. */
  TrustedClasses plus(Map<String, byte[]> more) {
    Map<String, byte[]> all = new HashMap<>(classes);
    all.putAll(more);
    return new TrustedClasses(all);
  }

  /** Every class's binary name. */
  Set<String> names() {
    return classes.keySet();
  }

  boolean contains(String binaryName) {
    return classes.containsKey(binaryName);
  }

  byte[] bytes(String binaryName) {
    return classes.get(binaryName);
  }

  /** The graded test classes directly in {@code packageName}: those named {@code *Tests}. */
  List<String> testClasses(String packageName) {
    TreeSet<String> names = new TreeSet<>();
    for (String name : classes.keySet()) {
      int dot = name.lastIndexOf('.');
      if (name.substring(0, dot).equals(packageName)
          && name.endsWith("Tests")
          && name.indexOf('$') < 0) {
        names.add(name);
      }
    }
    return new ArrayList<>(names);
  }

  /** Every class in a folder or jar, by binary name, with the {@code dev/replab/} prefix kept. */
  static Map<String, byte[]> allClasses(Path entry) throws IOException {
    return binaryNames(read(entry, ""));
  }

  private static Map<String, byte[]> exerciseClasses(Path entry) throws IOException {
    return read(entry, EXERCISES);
  }

  /** Class files under {@code prefix} in a folder or jar, by their path in it. */
  private static Map<String, byte[]> read(Path entry, String prefix) throws IOException {
    Map<String, byte[]> found = new HashMap<>();
    if (Files.isDirectory(entry)) {
      Path root = entry.resolve(prefix.isEmpty() ? "." : prefix).normalize();
      if (!Files.isDirectory(root)) {
        return found;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          String relative = entry.relativize(file).toString().replace('\\', '/');
          found.put(relative, Files.readAllBytes(file));
        }
      }
    } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
      try (JarFile jar = new JarFile(entry.toFile())) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          JarEntry file = entries.nextElement();
          if (file.getName().startsWith(prefix) && file.getName().endsWith(".class")) {
            try (InputStream in = jar.getInputStream(file)) {
              found.put(file.getName(), in.readAllBytes());
            }
          }
        }
      }
    }
    return found;
  }

  private static Map<String, byte[]> binaryNames(Map<String, byte[]> byPath) {
    Map<String, byte[]> byName = new HashMap<>();
    byPath.forEach(
        (path, bytes) -> {
          String name = path.endsWith(".class") ? path.substring(0, path.length() - 6) : path;
          byName.put(name.replace('/', '.'), bytes);
        });
    return byName;
  }

  /**
   * Loads (without initialising) every class of the grader, the engine and JUnit from the class
   * path into {@code loader}, so that none of them is read from a file later, after a learner's
   * code has run. Classes that cannot be loaded here (optional parts of a library) are skipped:
   * they would fail the same way later.
   */
  static void preload(List<Path> classpath, ClassLoader loader) throws IOException {
    for (Path entry : classpath) {
      for (String name : read(entry, "").keySet()) {
        if (isPreloaded(name)) {
          String binary = name.substring(0, name.length() - ".class".length()).replace('/', '.');
          try {
            Class.forName(binary, false, loader);
          } catch (ClassNotFoundException | LinkageError e) {
            // Not loadable from here; nothing runs it either.
          }
        }
      }
    }
  }

  private static boolean isPreloaded(String path) {
    return !path.startsWith("META-INF/")
        && !path.endsWith("module-info.class")
        && !path.endsWith("package-info.class")
        && (path.startsWith("dev/replab/engine/")
            || path.startsWith(GRADER)
            || path.startsWith("org/junit/")
            || path.startsWith("org/opentest4j/")
            || path.startsWith("org/apiguardian/")
            || path.startsWith("com/fasterxml/jackson/core/"));
  }
}
