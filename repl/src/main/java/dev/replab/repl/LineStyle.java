package dev.replab.repl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds the parts of a line worth colouring as it is typed: each command word (known, or not a
 * command at all), a shell command, and a trailing comment. Pure string work, so the shell's
 * highlighter only maps these spans to terminal styles.
 */
final class LineStyle {
  /** What a span of the line is. */
  enum Kind {
    /** A command the simulator knows. */
    COMMAND,
    /** A shell command the shell knows, such as {@code :save}. */
    META,
    /** A word in command position that no command starts with. */
    UNKNOWN,
    /** From {@code #} to the end of the line. */
    COMMENT
  }

  /** Characters {@code start} (inclusive) to {@code end} (exclusive) are of one kind. */
  record Span(int start, int end, Kind kind) {}

  private final Collection<String> commands;
  private final Collection<String> metaCommands;

  LineStyle(Collection<String> commands, Collection<String> metaCommands) {
    this.commands = commands;
    this.metaCommands = metaCommands;
  }

  /**
   * The spans of {@code line}, left to right. A word that is only the beginning of a known command
   * gets no span: it is probably still being typed, and flashing it red would be noise.
   */
  List<Span> spans(String line) {
    List<Span> spans = new ArrayList<>();
    boolean commandPosition = true;
    char quote = 0;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        i++;
      } else if (c == '#') {
        spans.add(new Span(i, line.length(), Kind.COMMENT));
        break;
      } else if (c == ';') {
        commandPosition = true;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'') {
        quote = c;
        commandPosition = false;
        i++;
      } else if (commandPosition) {
        int end = wordEnd(line, i);
        String word = line.substring(i, end);
        Kind kind = classify(word);
        if (kind != null) {
          spans.add(new Span(i, end, kind));
        }
        if (word.startsWith(":")) {
          // A shell command owns the rest of its line (a file name may hold ';' or '#').
          break;
        }
        commandPosition = false;
        i = end;
      } else {
        i = wordEnd(line, i);
      }
    }
    return spans;
  }

  private Kind classify(String word) {
    boolean meta = word.startsWith(":");
    Collection<String> known = meta ? metaCommands : commands;
    if (known.contains(word)) {
      return meta ? Kind.META : Kind.COMMAND;
    }
    for (String name : known) {
      if (name.startsWith(word)) {
        return null;
      }
    }
    return Kind.UNKNOWN;
  }

  private static int wordEnd(String line, int start) {
    int end = start;
    while (end < line.length()) {
      char c = line.charAt(end);
      if (Character.isWhitespace(c) || c == ';' || c == '#' || c == '|') {
        break;
      }
      end++;
    }
    return Math.max(end, start + 1);
  }
}
