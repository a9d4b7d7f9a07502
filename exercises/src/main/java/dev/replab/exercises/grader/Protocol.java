package dev.replab.exercises.grader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The lines a test JVM writes to the grader on its standard output. Each line starts with a nonce
 * that only the grader and its test JVM know, so that whatever the learner's code prints cannot be
 * mistaken for a result, then a kind and Base64 fields (free of spaces and newlines).
 */
final class Protocol {
  /** One test found, before anything runs: id, points, class name, method name. */
  static final String TEST = "TEST";

  /** Every test has been listed. */
  static final String LISTED = "LISTED";

  /** A test starts: id. */
  static final String START = "START";

  /** A test ended: id, status, milliseconds, one-line reason, details. */
  static final String END = "END";

  /** The test JVM ran everything it was asked to. */
  static final String DONE = "DONE";

  private Protocol() {}

  /** A decoded line. */
  record Message(String kind, List<String> fields) {
    String field(int index) {
      return fields.get(index);
    }
  }

  static String encode(String nonce, String kind, String... fields) {
    StringBuilder line = new StringBuilder(nonce).append(' ').append(kind);
    for (String field : fields) {
      line.append(' ')
          .append(Base64.getEncoder().encodeToString(field.getBytes(StandardCharsets.UTF_8)));
    }
    return line.toString();
  }

  /** The message in a line, or null when the line is not one of ours. */
  static Message decode(String nonce, String line) {
    String[] parts = line.split(" ", -1);
    if (parts.length < 2 || !parts[0].equals(nonce)) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    try {
      for (int i = 2; i < parts.length; i++) {
        fields.add(new String(Base64.getDecoder().decode(parts[i]), StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return new Message(parts[1], fields);
  }
}
