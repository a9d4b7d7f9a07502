package dev.replab.engine.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one list of commands. Parsing, help and completion all read it. */
public final class CommandRegistry {
  private final Map<String, CommandSpec> specs = new LinkedHashMap<>();

  private CommandRegistry(List<CommandSpec> all) {
    for (CommandSpec spec : all) {
      specs.put(spec.name(), spec);
    }
  }

  /** The commands of the language. */
  public static CommandRegistry standard() {
    return new CommandRegistry(Grammar.specs());
  }

  public CommandSpec get(String name) {
    return specs.get(name);
  }

  public List<CommandSpec> all() {
    return List.copyOf(specs.values());
  }

  public List<String> names() {
    return List.copyOf(specs.keySet());
  }

  /**
   * Parses a line into commands. A line may hold several commands separated by {@code ;}; if any of
   * them is wrong, none is returned.
   */
  public List<Command> parse(String line, ParseContext context) throws CommandError {
    List<Token> tokens = Lexer.tokens(line);
    List<Command> commands = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    for (Token token : tokens) {
      if (token.kind() == Token.Kind.SEMICOLON) {
        addCommand(current, context, commands);
        current = new ArrayList<>();
      } else {
        current.add(token);
      }
    }
    addCommand(current, context, commands);
    return Collections.unmodifiableList(commands);
  }

  /** Splits a line into the source text of each command, for journals and echoing. */
  public static List<String> splitCommands(String line) throws CommandError {
    List<String> parts = new ArrayList<>();
    List<Token> tokens = Lexer.tokens(line);
    int start = -1;
    int end = -1;
    for (Token token : tokens) {
      if (token.kind() == Token.Kind.SEMICOLON) {
        if (start >= 0) {
          parts.add(line.substring(start - 1, end - 1));
        }
        start = -1;
      } else {
        if (start < 0) {
          start = token.column();
        }
        end = token.kind() == Token.Kind.STRING ? closingQuote(line, token) : token.end();
      }
    }
    if (start >= 0) {
      parts.add(line.substring(start - 1, end - 1));
    }
    return parts;
  }

  private static int closingQuote(String line, Token token) {
    char quote = line.charAt(token.column() - 1);
    int position = token.column();
    while (position < line.length() && line.charAt(position) != quote) {
      position += line.charAt(position) == '\\' ? 2 : 1;
    }
    return position + 2;
  }

  private void addCommand(List<Token> tokens, ParseContext context, List<Command> into)
      throws CommandError {
    if (tokens.isEmpty()) {
      return;
    }
    Token head = tokens.get(0);
    CommandSpec spec = head.kind() == Token.Kind.WORD ? specs.get(head.text()) : null;
    if (spec == null) {
      String suggestion = Suggest.closest(head.text(), specs.keySet());
      throw new CommandError(
          "unknown command '" + head.text() + "'",
          head.column(),
          (suggestion != null ? "did you mean '" + suggestion + "'? " : "")
              + "type 'help' for the list of commands");
    }
    Args args = new Args(spec, head, tokens.subList(1, tokens.size()), context);
    into.add(spec.parser().parse(args));
  }
}
