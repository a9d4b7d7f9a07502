package dev.replab.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.replab.engine.Executed;
import dev.replab.lessons.LessonReport.LineRun;
import dev.replab.lessons.LessonReport.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@link Placeholder}s of a prose cell with what the run cell before it produced, so that
 * a number in the prose is the number in the output above it. A placeholder that does not resolve
 * becomes a failed verdict at the placeholder's file, line and column.
 */
final class ProseValues {
  /** A placeholder in prose: two braces, anything but braces, two braces. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

  /** What is inside the braces: an optional line number, a path, an optional rounding. */
  static final Pattern INSIDE =
      Pattern.compile(
          "(?:(\\d+)\\.)?([a-z_][a-z0-9_]*(?:\\[[\\w.-]+])?(?:\\.[a-z_][a-z0-9_]*(?:\\[[\\w.-]+])?)*)"
              + "(?::(%)?(\\d)?)?");

  private static final Pattern STEP = Pattern.compile("([a-z_][a-z0-9_]*)(?:\\[([\\w.-]+)])?");

  private static final ObjectMapper MAPPER =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private ProseValues() {}

  /** Prose with every placeholder filled, and a failed verdict for each that could not be. */
  static LessonReport.Told resolve(Cell.Prose prose, LessonReport.Ran previous) {
    if (prose.placeholders().isEmpty()) {
      return new LessonReport.Told(prose, prose.text(), List.of());
    }
    List<Verdict> failures = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Matcher matcher = PLACEHOLDER.matcher(prose.text());
    int index = 0;
    while (matcher.find()) {
      Placeholder placeholder = prose.placeholders().get(index++);
      String value = value(placeholder, previous, failures);
      matcher.appendReplacement(
          text, Matcher.quoteReplacement(value == null ? placeholder.source() : value));
    }
    matcher.appendTail(text);
    return new LessonReport.Told(prose, text.toString(), failures);
  }

  private static String value(
      Placeholder placeholder, LessonReport.Ran previous, List<Verdict> failures) {
    if (previous == null) {
      failures.add(failure(placeholder, 0, "", "there is no run cell before this prose"));
      return null;
    }
    int number = placeholder.line() == 0 ? previous.lines().size() : placeholder.line();
    if (number > previous.lines().size()) {
      failures.add(
          failure(
              placeholder,
              number,
              "",
              "the run cell before it has only " + previous.lines().size() + " lines"));
      return null;
    }
    LineRun line = previous.lines().get(number - 1);
    if (line.executed().isEmpty()) {
      failures.add(failure(placeholder, number, line.line(), "that line runs no command"));
      return null;
    }
    Executed executed = line.executed().get(line.executed().size() - 1);
    if (!executed.ok()) {
      failures.add(
          failure(
              placeholder,
              number,
              executed.source(),
              "the command was rejected, so it has no fields"));
      return null;
    }
    JsonNode node = MAPPER.valueToTree(executed.result());
    String reached = "";
    for (String step : placeholder.path().split("\\.")) {
      String problem = null;
      Matcher parts = STEP.matcher(step);
      parts.matches();
      String name = parts.group(1);
      String pick = parts.group(2);
      if (name.equals("size") && pick == null && node.isArray()) {
        node = MAPPER.getNodeFactory().numberNode(node.size());
      } else if (!node.isObject() || !node.has(name) || name.equals("text")) {
        problem =
            (reached.isEmpty() ? "its result" : "'" + reached + "'")
                + " has no field '"
                + name
                + "'"
                + fieldsOf(node);
      } else {
        node = node.get(name);
        if (pick != null) {
          JsonNode row = row(node, pick);
          if (row == null) {
            problem = "'" + join(reached, name) + "' has no row '" + pick + "'" + idsOf(node);
          }
          node = row;
        }
      }
      if (problem != null) {
        failures.add(failure(placeholder, number, executed.source(), problem));
        return null;
      }
      reached = join(reached, step);
    }
    if (placeholder.percent() && node != null && node.isNumber()) {
      node = MAPPER.getNodeFactory().numberNode(node.decimalValue().movePointRight(2));
    }
    String shown = show(node, placeholder.decimals());
    if (shown == null) {
      failures.add(
          failure(
              placeholder,
              number,
              executed.source(),
              "'"
                  + reached
                  + "' is "
                  + (node == null || node.isNull() ? "empty" : "not a single value")));
    }
    return shown;
  }

  private static String join(String reached, String step) {
    return reached.isEmpty() ? step : reached + "." + step;
  }

  /**
   * The element of a list whose {@code id}, {@code node} or {@code replicas} is {@code pick}; when
   * none is and {@code pick} is a number, the element at that place, counted from 1.
   */
  private static JsonNode row(JsonNode list, String pick) {
    if (!list.isArray()) {
      return null;
    }
    for (JsonNode row : list) {
      for (String key : List.of("id", "node", "replicas", "mode", "model", "strategy")) {
        if (row.has(key) && row.get(key).asText().equals(pick)) {
          return row;
        }
      }
    }
    if (pick.matches("\\d{1,6}")) {
      int place = Integer.parseInt(pick);
      return place >= 1 && place <= list.size() ? list.get(place - 1) : null;
    }
    return null;
  }

  private static String fieldsOf(JsonNode node) {
    if (node == null || !node.isObject()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!field.getKey().equals("text")) {
        names.add(field.getKey());
      }
    }
    return names.isEmpty() ? "" : "; its fields are " + String.join(", ", names);
  }

  private static String idsOf(JsonNode list) {
    List<String> ids = new ArrayList<>();
    if (list.isArray()) {
      for (JsonNode row : list) {
        JsonNode id =
            row.has("id") ? row.get("id") : row.has("node") ? row.get("node") : row.get("replicas");
        if (id != null) {
          ids.add(id.asText());
        }
      }
    }
    return ids.isEmpty() ? "" : "; its rows are " + String.join(", ", ids);
  }

  /** A value as prose shows it: text as is, numbers without needless decimals, lists joined. */
  private static String show(JsonNode node, int decimals) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      BigDecimal number = node.decimalValue();
      if (decimals >= 0) {
        return number.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
      }
      BigDecimal rounded = number.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
      return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : node) {
        String one = show(item, decimals);
        if (one == null) {
          return null;
        }
        items.add(one);
      }
      return items.isEmpty() ? null : String.join(", ", items);
    }
    if (node.isValueNode()) {
      return node.asText();
    }
    return null;
  }

  private static Verdict failure(Placeholder placeholder, int line, String source, String why) {
    String sentence = placeholder.source() + " does not resolve: " + why;
    return new Verdict(line, source, false, sentence, placeholder.at(), null, why);
  }

  /** The words a placeholder may not contain, for the parser's message. */
  static String syntax() {
    return "{{line.field}} such as {{3.behind_entries}}, {{offset}} for the last line,"
        + " {{nodes[n2].applied}}, {{acked_by.size}}, {{latency_ms:0}} or {{stale_share:%1}}";
  }
}
