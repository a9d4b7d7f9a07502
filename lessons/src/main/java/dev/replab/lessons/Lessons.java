package dev.replab.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons that ship on the class path, and the way to read a lesson file. Lessons live in
 * {@code lessons/NN-name.yaml}; {@code lessons/index.txt} lists them in course order, one file name
 * a line.
 */
public final class Lessons {
  private static final String DIRECTORY = "/lessons/";
  private static final String INDEX = DIRECTORY + "index.txt";

  private Lessons() {}

  /** The ids of the shipped lessons, in course order, without parsing them. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (String line : resource(INDEX).split("\n")) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        ids.add(name.replaceFirst("\\.ya?ml$", ""));
      }
    }
    return ids;
  }

  /** Every shipped lesson, in course order. */
  public static List<Lesson> all() {
    return ids().stream().map(Lessons::loadExactly).toList();
  }

  /**
   * One shipped lesson by its id ({@code 03-sync-async}), its number ({@code 03} or {@code 3}) or
   * its name ({@code sync-async}).
   *
   * @throws IllegalArgumentException naming the lessons there are, when none matches
   */
  public static Lesson load(String id) {
    return loadExactly(resolve(id));
  }

  /** The full id of a shipped lesson named as {@link #load} accepts. */
  public static String resolve(String id) {
    String wanted = id.strip();
    for (String candidate : ids()) {
      String number =
          candidate.contains("-") ? candidate.substring(0, candidate.indexOf('-')) : candidate;
      boolean sameNumber =
          wanted.matches("\\d+") && withoutLeadingZeros(wanted).equals(withoutLeadingZeros(number));
      if (candidate.equals(wanted) || sameNumber || candidate.endsWith("-" + wanted)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "no lesson '" + wanted + "'; the lessons are " + String.join(", ", ids()));
  }

  private static String withoutLeadingZeros(String digits) {
    String stripped = digits.replaceFirst("^0+", "");
    return stripped.isEmpty() ? "0" : stripped;
  }

  /**
   * Parses lesson text, as an instructor's own file or a test's variant.
   *
   * @param fileName the name messages use; when it ends in {@code .yaml} the lesson's id must match
   *     it
   * @throws LessonFormatException listing every problem with its line and column
   */
  public static Lesson parse(String fileName, String yaml) {
    return LessonParser.parse(fileName, yaml);
  }

  /** Reads and parses a lesson file from disk. */
  public static Lesson read(Path file) throws IOException {
    return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The YAML text of a shipped lesson, for tools that show or copy the source. */
  public static String source(String id) {
    return resource(DIRECTORY + resolve(id) + ".yaml");
  }

  private static Lesson loadExactly(String id) {
    return parse(id + ".yaml", resource(DIRECTORY + id + ".yaml"));
  }

  private static String resource(String path) {
    try (InputStream in = Lessons.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "the class path has no " + path + "; is replab-lessons built and on the class path?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path + " from the class path failed", e);
    }
  }
}
