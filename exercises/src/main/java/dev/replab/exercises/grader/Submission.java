package dev.replab.exercises.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lays a learner's submission over a clean copy of the exercises' stubs, so that whatever the
 * learner handed in (the whole repository, a folder of files, a single class) is graded the same
 * way: each file goes where the stub of its name is, anything the learner did not write stays the
 * stub and scores nothing, and files that belong to no exercise are left out with a note.
 *
 * <p>A file is placed by the first rule that fits: its path ends in {@code
 * dev/replab/exercises/exNN/...}; its name is the name of one exercise's stub; it is a Java file
 * that declares {@code package dev.replab.exercises.exNN}.
 */
final class Submission {
  private static final String EXERCISES = "dev/replab/exercises/";
  private static final Pattern IN_EXERCISE =
      Pattern.compile("(?:^|/)dev/replab/exercises/(ex\\d+/.+)$");
  private static final Pattern PACKAGE =
      Pattern.compile("(?m)^\\s*package\\s+dev\\.replab\\.exercises\\.(ex\\d+)\\s*;");
  private static final long FILE_LIMIT_BYTES = 1 << 20;
  private static final int FILE_COUNT_LIMIT = 5_000;

  private Submission() {}

  /**
   * Copies the stubs under {@code stubsRoot} to {@code targetRoot}, then the submission's files
   * over them.
   *
   * @return one sentence per file taken or left out
   */
  static List<String> place(Path submission, Path stubsRoot, Path targetRoot) throws IOException {
    Map<String, String> stubOwners = copyStubs(stubsRoot, targetRoot);
    Map<String, Path> placed = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(submission)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !skipped(submission.relativize(f)))
              .sorted()
              .limit(FILE_COUNT_LIMIT)
              .toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (!name.endsWith(".java") && !name.endsWith(".replab")) {
        continue;
      }
      String relative = submission.relativize(file).toString().replace('\\', '/');
      if (Files.size(file) > FILE_LIMIT_BYTES) {
        notes.add("left out " + relative + ": larger than 1 MiB");
        continue;
      }
      String target = target(file, relative, name, stubOwners);
      if (target == null) {
        notes.add("left out " + relative + ": it belongs to no exercise");
        continue;
      }
      Path previous = placed.get(target);
      // A file at its proper place in the tree wins over one found by its name alone.
      if (previous != null && !IN_EXERCISE.matcher(relative).find()) {
        notes.add("left out " + relative + ": " + previous + " is already " + target);
        continue;
      }
      placed.put(target, submission.relativize(file));
      Path destination = targetRoot.resolve(EXERCISES + target);
      Files.createDirectories(destination.getParent());
      Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> taken = new ArrayList<>();
    placed.forEach((target, from) -> taken.add("took " + from + " as " + target));
    taken.addAll(notes);
    return taken;
  }

  /** The path under {@code dev/replab/exercises/} a submitted file goes to, or null. */
  private static String target(
      Path file, String relative, String name, Map<String, String> stubOwners) throws IOException {
    Matcher inExercise = IN_EXERCISE.matcher(relative);
    if (inExercise.find()) {
      return inExercise.group(1);
    }
    String owner = stubOwners.get(name);
    if (owner != null) {
      return owner + "/" + name;
    }
    if (name.endsWith(".java")) {
      Matcher declared = PACKAGE.matcher(Files.readString(file, StandardCharsets.UTF_8));
      if (declared.find()) {
        return declared.group(1) + "/" + name;
      }
    }
    return null;
  }

  /** Folders of tools and builds, which hold copies rather than the learner's own files. */
  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.equals("target") || name.equals("build")) {
        return true;
      }
    }
    return false;
  }

  /** Copies every exercise package; returns which exercise each stub file name belongs to. */
  private static Map<String, String> copyStubs(Path stubsRoot, Path targetRoot) throws IOException {
    Path packages = stubsRoot.resolve(EXERCISES);
    Map<String, String> owners = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    if (!Files.isDirectory(packages)) {
      return owners;
    }
    try (Stream<Path> walk = Files.walk(packages)) {
      for (Path path : walk.sorted().toList()) {
        String relative = packages.relativize(path).toString().replace('\\', '/');
        if (relative.isEmpty() || !relative.matches("ex\\d+(/.*)?")) {
          continue;
        }
        Path destination = targetRoot.resolve(EXERCISES + relative);
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.createDirectories(destination.getParent());
          Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
          String name = path.getFileName().toString();
          owners.put(name, relative.substring(0, relative.indexOf('/')));
          seen.merge(name, 1, Integer::sum);
        }
      }
    }
    // A name that two exercises share says nothing about where a file goes.
    seen.forEach(
        (name, count) -> {
          if (count > 1) {
            owners.remove(name);
          }
        });
    return owners;
  }
}
