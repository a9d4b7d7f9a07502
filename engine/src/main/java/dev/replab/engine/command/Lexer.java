package dev.replab.engine.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into tokens. Words run until white space, {@code ;}, {@code |} or {@code #}; inside
 * parentheses white space and commas belong to the word, so {@code uniform(1ms, 5ms)} and {@code
 * (n2, n3)} are single words. {@code #} starts a comment outside quotes.
 */
public final class Lexer {
  private final String line;
  private int position;

  private Lexer(String line) {
    this.line = line;
  }

  public static List<Token> tokens(String line) throws CommandError {
    return new Lexer(line).scan();
  }

  private List<Token> scan() throws CommandError {
    List<Token> tokens = new ArrayList<>();
    while (position < line.length()) {
      char c = line.charAt(position);
      if (Character.isWhitespace(c)) {
        position++;
      } else if (c == '#') {
        break;
      } else if (c == ';') {
        tokens.add(new Token(Token.Kind.SEMICOLON, ";", ++position));
      } else if (c == '&') {
        tokens.add(new Token(Token.Kind.AMPERSAND, "&", ++position));
      } else if (c == '|') {
        tokens.add(new Token(Token.Kind.BAR, "|", ++position));
      } else if (c == '"' || c == '\'') {
        tokens.add(quoted(c));
      } else {
        tokens.add(word());
      }
    }
    return tokens;
  }

  private Token quoted(char quote) throws CommandError {
    int start = position++;
    StringBuilder text = new StringBuilder();
    while (position < line.length() && line.charAt(position) != quote) {
      char c = line.charAt(position++);
      if (c == '\\' && position < line.length()) {
        c = line.charAt(position++);
      }
      text.append(c);
    }
    if (position >= line.length()) {
      throw new CommandError(
          "the string that starts here is never closed", start + 1, "add a closing " + quote);
    }
    position++;
    return new Token(Token.Kind.STRING, text.toString(), start + 1);
  }

  private Token word() throws CommandError {
    int start = position;
    int depth = 0;
    while (position < line.length()) {
      char c = line.charAt(position);
      if (depth == 0
          && (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&' || c == '#')) {
        break;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth < 0) {
          throw new CommandError("')' has no matching '('", position + 1);
        }
      }
      position++;
    }
    if (depth > 0) {
      throw new CommandError(
          "'(' is never closed", line.indexOf('(', start) + 1, "add a closing ')'");
    }
    return new Token(Token.Kind.WORD, line.substring(start, position), start + 1);
  }
}
