package dev.replab.lessons;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as maps, lists and scalars that remember where they start. Jackson's tree model
 * forgets positions, and data binding into records reports missing or misspelt fields poorly, so
 * the lesson parser works on this tree instead, built from Jackson's YAML tokens.
 */
final class YamlTree {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlTree() {}

  /** A map, list or scalar and where it starts. */
  sealed interface Node permits MapNode, ListNode, ScalarNode {
    Position at();
  }

  /** One key of a map, where the key is written, and its value. */
  record Entry(String key, Position keyAt, Node value) {}

  /** A YAML mapping, in the file's order. */
  record MapNode(Position at, Map<String, Entry> entries) implements Node {
    MapNode {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    Entry get(String key) {
      return entries.get(key);
    }
  }

  /** A YAML sequence. */
  record ListNode(Position at, List<Node> items) implements Node {
    ListNode {
      items = List.copyOf(items);
    }
  }

  /**
   * A scalar: Jackson's guess at its type and the text exactly as written, so that {@code id: 01}
   * keeps its leading zero and {@code value: on} stays usable as text. The text is null for an
   * empty value or {@code ~}.
   */
  record ScalarNode(Position at, JsonToken token, String text) implements Node {
    boolean isNull() {
      return token == JsonToken.VALUE_NULL;
    }
  }

  /**
   * Reads one YAML document. Syntax errors and duplicate keys are added to {@code problems};
   * returns null when there is no usable document.
   */
  static Node read(String file, String text, List<LessonFormatException.Problem> problems) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        problems.add(
            new LessonFormatException.Problem(
                new Position(file, 1, 1),
                "the file is empty; a lesson needs id, title, seed, objectives and cells"));
        return null;
      }
      return readValue(parser, file, problems);
    } catch (JsonProcessingException e) {
      problems.add(
          new LessonFormatException.Problem(
              position(file, e.getLocation()),
              "this is not valid YAML: " + firstLine(e.getOriginalMessage())));
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + " from a string failed", e);
    }
  }

  private static Node readValue(
      JsonParser parser, String file, List<LessonFormatException.Problem> problems)
      throws IOException {
    Position at = position(file, parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return readMap(parser, file, at, problems);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(readValue(parser, file, problems));
      }
      return new ListNode(at, items);
    }
    return new ScalarNode(at, token, token == JsonToken.VALUE_NULL ? null : parser.getText());
  }

  private static Node readMap(
      JsonParser parser, String file, Position at, List<LessonFormatException.Problem> problems)
      throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Position keyAt = position(file, parser.currentTokenLocation());
      parser.nextToken();
      Node value = readValue(parser, file, problems);
      Entry first = entries.get(key);
      if (first != null) {
        problems.add(
            new LessonFormatException.Problem(
                keyAt,
                "key '"
                    + key
                    + "' appears twice in this map; the first is at line "
                    + first.keyAt().line()
                    + ", column "
                    + first.keyAt().column()));
      } else {
        entries.put(key, new Entry(key, keyAt, value));
      }
    }
    return new MapNode(at, entries);
  }

  private static Position position(String file, JsonLocation location) {
    if (location == null) {
      return new Position(file, 1, 1);
    }
    return new Position(
        file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "the parser gave no reason";
    }
    String line = message.strip();
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline).strip();
  }
}
