package dev.replab.engine.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A cursor over the tokens of one command, with checks that turn into clear errors. */
public final class Args {
  private final CommandSpec spec;
  private final List<Token> tokens;
  private final Token head;
  private final ParseContext context;
  private int index;

  Args(CommandSpec spec, Token head, List<Token> tokens, ParseContext context) {
    this.spec = spec;
    this.head = head;
    this.tokens = tokens;
    this.context = context;
  }

  public ParseContext context() {
    return context;
  }

  public Token head() {
    return head;
  }

  public boolean atEnd() {
    return index >= tokens.size();
  }

  public Token peek() {
    return atEnd() ? null : tokens.get(index);
  }

  /** The column just past everything read so far, for "missing" errors. */
  public int endColumn() {
    Token last = index == 0 ? head : tokens.get(index - 1);
    return last.end() + 1;
  }

  /** Consumes the next word, or fails saying that {@code what} is missing. */
  public Token next(String what) throws CommandError {
    if (atEnd() || peek().kind() == Token.Kind.BAR || isOption(peek())) {
      throw new CommandError(
          spec.name() + " needs " + what,
          atEnd() ? endColumn() : peek().column(),
          "usage: " + spec.usage());
    }
    return tokens.get(index++);
  }

  /** Consumes the next token, whatever it is; callers check {@link #atEnd()} first. */
  public Token advance() {
    return tokens.get(index++);
  }

  public String word(String what) throws CommandError {
    return next(what).text();
  }

  /** Consumes {@code keyword} if it comes next. */
  public boolean keyword(String keyword) {
    if (!atEnd() && peek().kind() == Token.Kind.WORD && peek().text().equals(keyword)) {
      index++;
      return true;
    }
    return false;
  }

  /** Consumes a node name and checks that the cluster has it. */
  public String node(String what) throws CommandError {
    requireCluster();
    Token token = next(what);
    return checkNode(token.text(), token.column());
  }

  public String checkNode(String name, int column) throws CommandError {
    List<String> nodes = context.nodes();
    if (!nodes.contains(name)) {
      String suggestion = Suggest.closest(name, nodes);
      throw new CommandError(
          "no node '" + name + "'",
          column,
          (suggestion != null ? "did you mean '" + suggestion + "'? " : "")
              + "nodes are "
              + String.join(" ", nodes));
    }
    return name;
  }

  public void requireCluster() throws CommandError {
    if (!context.hasCluster()) {
      throw new CommandError(
          "there is no cluster yet", head.column(), "start one with 'create leader-follower'");
    }
  }

  /**
   * The client after {@code as}: {@code alice} or {@code alice@us}, checked against the cluster's
   * regions and clients, as {@code write} and {@code read} read it.
   */
  public String clientName() throws CommandError {
    return ClientGrammar.clientName(this);
  }

  /** The usage line of the command being parsed, for hints. */
  public String usage() {
    return spec.usage();
  }

  /** Consumes every remaining {@code key=value} word; each key must be one of {@code allowed}. */
  public Map<String, Option> options(Set<String> allowed) throws CommandError {
    Map<String, Option> options = new LinkedHashMap<>();
    while (!atEnd() && isOption(peek())) {
      Token token = tokens.get(index++);
      int eq = token.text().indexOf('=');
      String key = token.text().substring(0, eq);
      String value = token.text().substring(eq + 1);
      if (!allowed.contains(key)) {
        String suggestion = Suggest.closest(key, allowed);
        throw new CommandError(
            spec.name() + " has no option '" + key + "'",
            token.column(),
            (suggestion != null ? "did you mean '" + suggestion + "='? " : "")
                + "options are "
                + String.join(" ", allowed.stream().sorted().map(k -> k + "=").toList()));
      }
      if (value.isEmpty()) {
        throw new CommandError(
            "option '" + key + "' has no value", token.end(), "write " + key + "=<value>");
      }
      if (options.containsKey(key)) {
        throw new CommandError("option '" + key + "' is given twice", token.column());
      }
      options.put(key, new Option(key, value, token.column() + eq + 1));
    }
    return options;
  }

  /** Fails if anything is left over. */
  public void end() throws CommandError {
    if (!atEnd()) {
      Token extra = peek();
      throw new CommandError(
          "unexpected '" + extra.text() + "' after " + spec.name(),
          extra.column(),
          "usage: " + spec.usage());
    }
  }

  private static boolean isOption(Token token) {
    return token.kind() == Token.Kind.WORD && token.text().indexOf('=') > 0;
  }

  /** A {@code key=value} option and the column of its value. */
  public record Option(String key, String value, int column) {
    public long durationUs() throws CommandError {
      try {
        return dev.replab.engine.sim.Durations.parseUs(value);
      } catch (IllegalArgumentException e) {
        throw new CommandError(e.getMessage(), column);
      }
    }

    public int positiveInt(int max) throws CommandError {
      try {
        int n = Integer.parseInt(value);
        if (n >= 1 && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // Reported below.
      }
      throw new CommandError(
          key + " must be a whole number from 1 to " + max + ", not '" + value + "'", column);
    }

    /** A duration that must be longer than zero. */
    public long positiveDurationUs() throws CommandError {
      long us = durationUs();
      if (us <= 0) {
        throw new CommandError(key + " must be longer than zero", column);
      }
      return us;
    }

    /** {@code on} or {@code off} (also true/false, yes/no). */
    public boolean onOff() throws CommandError {
      return switch (value) {
        case "on", "true", "yes" -> true;
        case "off", "false", "no" -> false;
        default -> throw new CommandError(key + " is 'on' or 'off', not '" + value + "'", column);
      };
    }

    public double probability() throws CommandError {
      try {
        double p = Double.parseDouble(value);
        if (p >= 0 && p <= 1) {
          return p;
        }
      } catch (NumberFormatException e) {
        // Reported below.
      }
      throw new CommandError(
          key + " must be a probability between 0 and 1, like 0.05, not '" + value + "'", column);
    }
  }
}
