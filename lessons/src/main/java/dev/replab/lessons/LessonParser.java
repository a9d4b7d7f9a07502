package dev.replab.lessons;

import com.fasterxml.jackson.core.JsonToken;
import dev.replab.engine.check.Checkers;
import dev.replab.engine.command.Suggest;
import dev.replab.lessons.LessonFormatException.Problem;
import dev.replab.lessons.YamlTree.Entry;
import dev.replab.lessons.YamlTree.ListNode;
import dev.replab.lessons.YamlTree.MapNode;
import dev.replab.lessons.YamlTree.Node;
import dev.replab.lessons.YamlTree.ScalarNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a lesson file into a {@link Lesson}, checking the schema as it goes. Every problem names
 * the file, line and column and says what was expected; a misspelt key gets the closest valid key
 * as a suggestion. All problems in a file are collected before it gives up.
 */
final class LessonParser {
  private static final List<String> LESSON_KEYS =
      List.of("id", "title", "seed", "objectives", "cells");
  private static final List<String> QUIZ_KEYS =
      List.of("question", "choices", "answer", "explanation");
  private static final List<String> OUTCOMES = List.of("ok", "fail", "unknown");
  private static final String MILLISECONDS = "a number of milliseconds, like 80 or 2.5";
  private static final String RATIO = "a ratio, like 3 or 1.5";
  private static final String PERCENT = "a percentage, like 5 or 0.5";

  private final String file;
  private final String source;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, CellKind> cellKinds = new LinkedHashMap<>();
  private final List<String> cellKindNames;
  private final Map<String, Function<Node, Check>> checkReaders = new LinkedHashMap<>();
  private final List<String> expectationKeys = new ArrayList<>(List.of("command"));

  /** A kind of cell: the keys its map may hold (its kind first) and how to read it. */
  private record CellKind(List<String> keys, BiFunction<Fields, Position, Cell> reader) {}

  private LessonParser(String file, String source) {
    this.file = file;
    this.source = source;
    cellKinds.put(
        "prose",
        new CellKind(
            List.of("prose"),
            (fields, at) ->
                convert(
                    nonBlank(fields.required("prose", "AsciiDoc text"), "prose"),
                    text -> new Cell.Prose(text, at))));
    cellKinds.put("run", new CellKind(List.of("run", "expect"), this::runCell));
    cellKinds.put(
        "java",
        new CellKind(
            List.of("java"),
            (fields, at) ->
                convert(
                    nonBlank(fields.required("java", "a JShell snippet"), "java"),
                    text -> new Cell.Java(text, at))));
    cellKinds.put("try", new CellKind(List.of("try", "hint"), this::tryCell));
    cellKinds.put(
        "quiz",
        new CellKind(
            List.of("quiz"),
            (fields, at) ->
                quiz(
                    fields.required(
                        "quiz", "a map with question, choices, answer and explanation"))));
    cellKindNames = List.copyOf(cellKinds.keySet());
    checkReaders.put("ok", node -> convert(bool(node, "ok"), Check.Accepted::new));
    checkReaders.put("outcome", node -> convert(outcome(node), Check.OutcomeIs::new));
    checkReaders.put("stale", node -> convert(bool(node, "stale"), Check.Stale::new));
    checkReaders.put(
        "value",
        node ->
            isNull(node) ? new Check.Value(null) : convert(text(node, "value"), Check.Value::new));
    checkReaders.put(
        "behind_entries", node -> convert(count(node, "behind_entries"), Check.BehindEntries::new));
    checkReaders.put(
        "latency_ms_at_least",
        node ->
            convert(number(node, "latency_ms_at_least", MILLISECONDS), Check.LatencyAtLeast::new));
    checkReaders.put(
        "latency_ms_at_most",
        node ->
            convert(number(node, "latency_ms_at_most", MILLISECONDS), Check.LatencyAtMost::new));
    checkReaders.put("fell_back", node -> convert(bool(node, "fell_back"), Check.FellBack::new));
    checkReaders.put(
        "acked_by_includes",
        node -> convert(oneOrMoreTexts(node, "acked_by_includes"), Check.AckedByIncludes::new));
    checkReaders.put(
        "leader",
        node ->
            isNull(node)
                ? new Check.LeaderIs(null)
                : convert(text(node, "leader"), Check.LeaderIs::new));
    checkReaders.put(
        "mode_contains", node -> convert(text(node, "mode_contains"), Check.ModeContains::new));
    checkReaders.put(
        "text_contains", node -> convert(text(node, "text_contains"), Check.TextContains::new));
    checkReaders.put(
        "lost_writes",
        node -> convert(count(node, "lost_writes"), n -> new Check.LostWrites(n.intValue())));
    checkReaders.put(
        "findings",
        node -> convert(count(node, "findings"), n -> new Check.Findings(n.intValue())));
    checkReaders.put("found_by", node -> convert(checkerNames(node), Check.FoundBy::new));
    checkReaders.put(
        "throughput_ratio_at_least",
        node ->
            convert(
                number(node, "throughput_ratio_at_least", RATIO),
                Check.ThroughputRatioAtLeast::new));
    checkReaders.put(
        "throughput_ratio_at_most",
        node ->
            convert(
                number(node, "throughput_ratio_at_most", RATIO), Check.ThroughputRatioAtMost::new));
    checkReaders.put(
        "stale_percent_at_least",
        node ->
            convert(
                number(node, "stale_percent_at_least", PERCENT), Check.StalePercentAtLeast::new));
    checkReaders.put(
        "stale_percent_at_most",
        node ->
            convert(number(node, "stale_percent_at_most", PERCENT), Check.StalePercentAtMost::new));
    checkReaders.put(
        "lag_entries_at_most",
        node -> convert(count(node, "lag_entries_at_most"), Check.LagEntriesAtMost::new));
    checkReaders.put(
        "lag_ms_at_least",
        node -> convert(number(node, "lag_ms_at_least", MILLISECONDS), Check.LagMsAtLeast::new));
    checkReaders.put(
        "lag_ms_at_most",
        node -> convert(number(node, "lag_ms_at_most", MILLISECONDS), Check.LagMsAtMost::new));
    checkReaders.put(
        "replay_age_ms_at_least",
        node ->
            convert(
                number(node, "replay_age_ms_at_least", MILLISECONDS),
                Check.ReplayAgeMsAtLeast::new));
    checkReaders.put(
        "replay_age_ms_at_most",
        node ->
            convert(
                number(node, "replay_age_ms_at_most", MILLISECONDS), Check.ReplayAgeMsAtMost::new));
    checkReaders.put(
        "followers_follow",
        node -> convert(text(node, "followers_follow"), Check.FollowersFollow::new));
    expectationKeys.addAll(checkReaders.keySet());
  }

  /**
   * Parses one lesson file.
   *
   * @param file the file's name, used in messages and checked against the lesson's id
   * @throws LessonFormatException listing every problem, when there is any
   */
  static Lesson parse(String file, String text) {
    LessonParser parser = new LessonParser(file, text);
    Node root = YamlTree.read(file, text, parser.problems);
    Lesson lesson = root == null ? null : parser.lesson(root);
    if (!parser.problems.isEmpty()) {
      throw new LessonFormatException(parser.problems);
    }
    return lesson;
  }

  // ---------------------------------------------------------------- the lesson

  private Lesson lesson(Node root) {
    if (!(root instanceof MapNode map)) {
      wrongType(root, "the lesson", "a map with the keys id, title, seed, objectives and cells");
      return null;
    }
    Fields fields = new Fields(map, "the lesson", LESSON_KEYS);
    String id =
        text(fields.required("id", "the file name without .yaml, like 01-why-replicate"), "id");
    String title = text(fields.required("title", "a line of text"), "title");
    Long seed =
        integer(fields.required("seed", "an integer that fixes the simulation's chance"), "seed");
    List<String> objectives =
        texts(
            fields.required("objectives", "a list of what the learner will be able to do"),
            "objectives");
    List<Cell> cells =
        cells(fields.required("cells", "a list of prose, run, java, try and quiz cells"));
    checkIdMatchesFile(id, map.get("id"));
    if (id == null || title == null || seed == null || objectives == null || cells == null) {
      return null;
    }
    return new Lesson(id, title, seed, objectives, cells);
  }

  private void checkIdMatchesFile(String id, Entry idEntry) {
    String stem = file.replaceFirst("\\.ya?ml$", "");
    if (id != null && !stem.equals(file) && !stem.equals(id)) {
      problem(
          idEntry.value().at(),
          "id '" + id + "' does not match the file name; it should be '" + stem + "'");
    }
  }

  private List<Cell> cells(Node node) {
    ListNode list = list(node, "cells", "a list of cells");
    if (list == null) {
      return null;
    }
    if (list.items().isEmpty()) {
      problem(list.at(), "'cells' is empty; a lesson needs at least one cell");
    }
    List<Cell> cells = new ArrayList<>();
    Cell.Run lastRun = null;
    for (Node item : list.items()) {
      Cell cell = cell(item);
      if (cell instanceof Cell.Prose prose) {
        cell = withPlaceholders(prose, lastRun);
      } else if (cell instanceof Cell.Run run) {
        lastRun = run;
      }
      if (cell != null) {
        cells.add(cell);
      }
    }
    return cells.size() == list.items().size() ? cells : null;
  }

  // ---------------------------------------------------------------- cells

  private Cell cell(Node node) {
    if (!(node instanceof MapNode map)) {
      wrongType(
          node, "a cell", "a map whose first key is one of " + String.join(", ", cellKindNames));
      return null;
    }
    String kind = kindOf(map);
    if (kind == null) {
      return null;
    }
    CellKind cellKind = cellKinds.get(kind);
    return cellKind
        .reader()
        .apply(new Fields(map, "a " + kind + " cell", cellKind.keys()), map.at());
  }

  /** The cell's kind: the one key among prose, run, java, try and quiz. */
  private String kindOf(MapNode map) {
    List<Entry> kinds =
        map.entries().values().stream().filter(e -> cellKindNames.contains(e.key())).toList();
    if (kinds.size() > 1) {
      problem(
          kinds.get(1).keyAt(),
          "a cell has one kind, but this one has both '"
              + kinds.get(0).key()
              + "' and '"
              + kinds.get(1).key()
              + "'; start another cell with '- '");
      return null;
    }
    if (!kinds.isEmpty()) {
      return kinds.get(0).key();
    }
    Entry first = map.entries().values().stream().findFirst().orElse(null);
    if (first == null) {
      problem(map.at(), "this cell is empty; a cell is one of " + String.join(", ", cellKindNames));
      return null;
    }
    String suggestion = Suggest.closest(first.key(), cellKindNames);
    problem(
        first.keyAt(),
        "unknown cell kind '"
            + first.key()
            + "'"
            + (suggestion != null
                ? "; did you mean '" + suggestion + "'?"
                : "; a cell is one of " + String.join(", ", cellKindNames)));
    return null;
  }

  // ---------------------------------------------------------------- placeholders in prose

  /**
   * Finds the prose's {@code {{...}}} placeholders, checks what can be checked before running (the
   * syntax, that a run cell comes before, that it has the line named) and records where each is
   * written; null after reporting a problem.
   */
  private Cell.Prose withPlaceholders(Cell.Prose prose, Cell.Run lastRun) {
    var matcher = ProseValues.PLACEHOLDER.matcher(prose.text());
    List<Placeholder> placeholders = new ArrayList<>();
    int searchFrom = offsetOfLine(prose.at().line());
    int problemsBefore = problems.size();
    while (matcher.find()) {
      String written = matcher.group();
      int offset = source.indexOf(written, searchFrom);
      Position at = offset < 0 ? prose.at() : positionOf(offset);
      searchFrom = offset < 0 ? searchFrom : offset + written.length();
      var inside = ProseValues.INSIDE.matcher(matcher.group(1).strip());
      if (!inside.matches()) {
        problem(at, "'" + written + "' is not a placeholder; write " + ProseValues.syntax());
        continue;
      }
      int line = inside.group(1) == null ? 0 : Integer.parseInt(inside.group(1));
      if (lastRun == null) {
        problem(at, "'" + written + "' reads the run cell before this prose, but there is none");
      } else if (line < 1 && inside.group(1) != null || line > lastRun.commands().size()) {
        problem(
            at,
            "'"
                + written
                + "' reads line "
                + line
                + " of the run cell before it, which has "
                + lastRun.commands().size()
                + (lastRun.commands().size() == 1 ? " line" : " lines"));
      }
      int decimals = inside.group(4) == null ? -1 : Integer.parseInt(inside.group(4));
      boolean percent = inside.group(3) != null;
      placeholders.add(new Placeholder(written, line, inside.group(2), decimals, percent, at));
    }
    if (problems.size() > problemsBefore) {
      return null;
    }
    return new Cell.Prose(prose.text(), placeholders, prose.at());
  }

  private int offsetOfLine(int line) {
    int offset = 0;
    for (int current = 1; current < line && offset >= 0; current++) {
      offset = source.indexOf('\n', offset);
      offset = offset < 0 ? -1 : offset + 1;
    }
    return Math.max(0, offset);
  }

  private Position positionOf(int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(file, line, offset - lineStart + 1);
  }

  private Cell runCell(Fields fields, Position at) {
    List<String> commands = texts(fields.required("run", "a list of command lines"), "run");
    if (commands == null) {
      return null;
    }
    Entry expect = fields.map.get("expect");
    List<Expectation> expectations =
        expect == null ? List.of() : expectations(expect.value(), commands.size());
    return expectations == null ? null : new Cell.Run(commands, expectations, at);
  }

  private Cell tryCell(Fields fields, Position at) {
    String prompt =
        nonBlank(fields.required("try", "what the learner should try, as AsciiDoc text"), "try");
    Entry hint = fields.map.get("hint");
    String hintText = hint == null ? null : text(hint.value(), "hint");
    if (prompt == null || (hint != null && hintText == null)) {
      return null;
    }
    return new Cell.Try(prompt, hintText, at);
  }

  private Cell quiz(Node node) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof MapNode map)) {
      wrongType(node, "'quiz'", "a map with question, choices, answer and explanation");
      return null;
    }
    Fields fields = new Fields(map, "the quiz", QUIZ_KEYS);
    String question = text(fields.required("question", "the question, as text"), "question");
    Node choicesNode = fields.required("choices", "a list of at least two possible answers");
    List<String> choices = texts(choicesNode, "choices");
    if (choices != null && choices.size() < 2) {
      problem(
          choicesNode.at(), "'choices' has " + choices.size() + " item; a quiz needs at least two");
      choices = null;
    }
    Node answerNode = fields.required("answer", "the letter of the right choice, like b");
    Integer answer = answer(answerNode, choices);
    String explanation =
        text(fields.required("explanation", "why the answer is right, as text"), "explanation");
    if (question == null || choices == null || answer == null || explanation == null) {
      return null;
    }
    return new Cell.Quiz(question, choices, answer, explanation, map.at());
  }

  private Integer answer(Node node, List<String> choices) {
    String letter = text(node, "answer");
    if (letter == null || choices == null) {
      return null;
    }
    String last = Cell.Quiz.letter(choices.size() - 1);
    String normalised = letter.strip().toLowerCase(Locale.ROOT);
    if (normalised.length() != 1
        || normalised.charAt(0) < 'a'
        || normalised.charAt(0) >= 'a' + choices.size()) {
      problem(
          node.at(),
          "'answer' should be a letter from a to "
              + last
              + " naming one of the "
              + choices.size()
              + " choices, but it is '"
              + letter
              + "'");
      return null;
    }
    return normalised.charAt(0) - 'a';
  }

  // ---------------------------------------------------------------- expectations

  private List<Expectation> expectations(Node node, int lines) {
    ListNode list =
        list(node, "expect", "a list of expectations such as {command: 2, stale: true}");
    if (list == null) {
      return null;
    }
    List<Expectation> expectations = new ArrayList<>();
    boolean complete = true;
    for (Node item : list.items()) {
      complete &= expectation(item, lines, expectations);
    }
    return complete ? expectations : null;
  }

  /** Reads one expectation map, which may hold several checks on the same line. */
  private boolean expectation(Node node, int lines, List<Expectation> into) {
    if (!(node instanceof MapNode map)) {
      wrongType(node, "an expectation", "a map such as {command: 2, stale: true}");
      return false;
    }
    int problemsBefore = problems.size();
    reportUnknownKeys(map, "an expectation", expectationKeys);
    int command = lines;
    Entry commandEntry = map.get("command");
    if (commandEntry != null) {
      Long n = integer(commandEntry.value(), "command");
      if (n != null && (n < 1 || n > lines)) {
        problem(
            commandEntry.value().at(),
            "'command' is "
                + n
                + ", but this run cell has "
                + lines
                + (lines == 1 ? " line" : " lines")
                + "; number them from 1, or leave 'command' out to check the last");
      } else if (n != null) {
        command = n.intValue();
      }
    }
    boolean anyCheck = false;
    for (Entry entry : map.entries().values()) {
      Function<Node, Check> reader = checkReaders.get(entry.key());
      if (reader != null) {
        anyCheck = true;
        Check check = reader.apply(entry.value());
        if (check != null) {
          into.add(new Expectation(command, check, entry.keyAt()));
        }
      }
    }
    if (!anyCheck && problems.size() == problemsBefore) {
      problem(
          map.at(),
          "this expectation checks nothing; add a check such as stale, value, outcome or latency_ms_at_most");
    }
    return problems.size() == problemsBefore;
  }

  private String outcome(Node node) {
    String outcome = text(node, "outcome");
    if (outcome != null && !OUTCOMES.contains(outcome)) {
      problem(node.at(), "'outcome' should be ok, fail or unknown, but it is '" + outcome + "'");
      return null;
    }
    return outcome;
  }

  /** One checker name or a list of them; each must be a checker that {@code check} knows. */
  private List<String> checkerNames(Node node) {
    List<String> names = oneOrMoreTexts(node, "found_by");
    if (names == null) {
      return null;
    }
    List<Node> items = node instanceof ListNode list ? list.items() : List.of(node);
    List<String> known = Checkers.names();
    boolean allKnown = true;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!known.contains(name)) {
        String suggestion = Suggest.closest(name, known);
        problem(
            items.get(i).at(),
            "'found_by' names no checker '"
                + name
                + "'"
                + (suggestion != null
                    ? "; did you mean '" + suggestion + "'?"
                    : "; the checkers are " + String.join(", ", known)));
        allKnown = false;
      }
    }
    return allKnown ? names : null;
  }

  // ---------------------------------------------------------------- keys of a map

  /** A map being read: reports unknown keys once, then answers for required ones. */
  private final class Fields {
    final MapNode map;
    final String where;
    final Set<String> suggested;

    Fields(MapNode map, String where, Collection<String> allowed) {
      this.map = map;
      this.where = where;
      this.suggested = reportUnknownKeys(map, where, allowed);
    }

    /**
     * The value of a key that must be there, or null after reporting it missing. A key that a
     * misspelling already pointed to is not reported twice.
     */
    Node required(String key, String expected) {
      Entry entry = map.get(key);
      if (entry == null) {
        if (!suggested.contains(key)) {
          problem(map.at(), where + " is missing '" + key + "' (" + expected + ")");
        }
        return null;
      }
      return entry.value();
    }
  }

  /** Reports each key that {@code allowed} lacks; returns the keys suggested instead. */
  private Set<String> reportUnknownKeys(MapNode map, String where, Collection<String> allowed) {
    Set<String> suggested = new HashSet<>();
    for (Entry entry : map.entries().values()) {
      if (!allowed.contains(entry.key())) {
        String suggestion = Suggest.closest(entry.key(), allowed);
        if (suggestion != null) {
          suggested.add(suggestion);
        }
        problem(
            entry.keyAt(),
            "unknown key '"
                + entry.key()
                + "' in "
                + where
                + (suggestion != null
                    ? "; did you mean '" + suggestion + "'?"
                    : "; expected one of " + String.join(", ", allowed)));
      }
    }
    return suggested;
  }

  // ---------------------------------------------------------------- scalar and list values

  private String text(Node node, String name) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return scalar.text();
    }
    wrongType(node, "'" + name + "'", "text");
    return null;
  }

  private String nonBlank(Node node, String name) {
    String text = text(node, name);
    if (text != null && text.isBlank()) {
      problem(node.at(), "'" + name + "' is blank; write some text");
      return null;
    }
    return text;
  }

  private Long integer(Node node, String name) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode scalar && scalar.token() == JsonToken.VALUE_NUMBER_INT) {
      try {
        return Long.parseLong(scalar.text().replace("_", ""));
      } catch (NumberFormatException e) {
        problem(
            node.at(),
            "'"
                + name
                + "' is "
                + scalar.text()
                + ", which is not an integer this lesson format can hold");
        return null;
      }
    }
    wrongType(node, "'" + name + "'", "an integer");
    return null;
  }

  private Long count(Node node, String name) {
    Long n = integer(node, name);
    if (n != null && n < 0) {
      problem(
          node.at(), "'" + name + "' is " + n + "; it counts something, so it cannot be negative");
      return null;
    }
    return n;
  }

  /**
   * A number; {@code expected} says what kind, with an example, for the message when it is not one.
   */
  private Double number(Node node, String name, String expected) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode scalar
        && (scalar.token() == JsonToken.VALUE_NUMBER_INT
            || scalar.token() == JsonToken.VALUE_NUMBER_FLOAT)) {
      try {
        return Double.parseDouble(scalar.text().replace("_", ""));
      } catch (NumberFormatException e) {
        problem(
            node.at(),
            "'"
                + name
                + "' is "
                + scalar.text()
                + ", which is not a number this lesson format can read");
        return null;
      }
    }
    wrongType(node, "'" + name + "'", expected);
    return null;
  }

  private Boolean bool(Node node, String name) {
    if (node instanceof ScalarNode scalar
        && (scalar.token() == JsonToken.VALUE_TRUE || scalar.token() == JsonToken.VALUE_FALSE)) {
      return scalar.token() == JsonToken.VALUE_TRUE;
    }
    wrongType(node, "'" + name + "'", "true or false");
    return null;
  }

  private ListNode list(Node node, String name, String expected) {
    if (node == null) {
      return null;
    }
    if (node instanceof ListNode list) {
      return list;
    }
    wrongType(node, "'" + name + "'", expected);
    return null;
  }

  /** A list of text items; each item that is not text is reported. */
  private List<String> texts(Node node, String name) {
    ListNode list = list(node, name, "a list of text items, each starting with '- '");
    if (list == null) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (Node item : list.items()) {
      String text = nonBlank(item, "an item of " + name);
      if (text != null) {
        texts.add(text);
      }
    }
    if (list.items().isEmpty()) {
      problem(list.at(), "'" + name + "' is empty; give at least one item");
      return null;
    }
    return texts.size() == list.items().size() ? texts : null;
  }

  private List<String> oneOrMoreTexts(Node node, String name) {
    if (node instanceof ScalarNode) {
      String text = text(node, name);
      return text == null ? null : List.of(text);
    }
    return texts(node, name);
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.isNull();
  }

  private static <T, R> R convert(T value, Function<T, R> into) {
    return value == null ? null : into.apply(value);
  }

  // ---------------------------------------------------------------- problems

  private void wrongType(Node node, String what, String expected) {
    problem(node.at(), what + " should be " + expected + ", but it is " + describe(node));
  }

  private static String describe(Node node) {
    if (node instanceof MapNode) {
      return "a map";
    }
    if (node instanceof ListNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    return switch (scalar.token()) {
      case VALUE_NULL -> "empty";
      case VALUE_TRUE, VALUE_FALSE -> "the boolean '" + scalar.text() + "'";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + scalar.text();
      default -> "the text '" + abbreviate(scalar.text()) + "'";
    };
  }

  private static String abbreviate(String text) {
    String line = text.strip().replace('\n', ' ');
    return line.length() <= 40 ? line : line.substring(0, 37) + "...";
  }

  private void problem(Position at, String message) {
    problems.add(new Problem(at, message));
  }
}
