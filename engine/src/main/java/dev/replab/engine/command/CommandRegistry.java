package dev.replab.engine.command;

import dev.replab.engine.model.ModelDefinition;
import dev.replab.engine.model.Models;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one list of commands: those every model has, and those each model adds. Parsing, help and
 * completion all read it. A command name may mean different things on different models (both
 * leader-follower and leaderless have a {@code setquorum}); the cluster's model picks which.
 */
public final class CommandRegistry {
  private final Map<String, CommandSpec> shared = new LinkedHashMap<>();
  private final Map<String, Map<String, CommandSpec>> byModel = new LinkedHashMap<>();

  private CommandRegistry(List<CommandSpec> common, List<ModelDefinition> models) {
    for (CommandSpec spec : common) {
      shared.put(spec.name(), spec);
    }
    for (ModelDefinition model : models) {
      Map<String, CommandSpec> own = new LinkedHashMap<>();
      for (CommandSpec spec : model.commands()) {
        own.put(spec.name(), spec);
      }
      byModel.put(model.name(), own);
    }
  }

  /** The commands of the language. */
  public static CommandRegistry standard() {
    return new CommandRegistry(Grammar.specs(), Models.all());
  }

  /** The command a name means on a cluster of {@code model} (null: no cluster yet), or null. */
  public CommandSpec resolve(String name, String model) {
    CommandSpec spec = shared.get(name);
    if (spec != null) {
      return spec;
    }
    if (model != null) {
      CommandSpec own = byModel.getOrDefault(model, Map.of()).get(name);
      if (own != null) {
        return own;
      }
    }
    for (String owner : modelsWith(name)) {
      CommandSpec theirs = byModel.get(owner).get(name);
      if (model == null || theirs.standalone()) {
        return theirs;
      }
    }
    return null;
  }

  /** The command with that name, whichever model has it first; for help and docs. */
  public CommandSpec get(String name) {
    return resolve(name, null);
  }

  /** The models that have a command of their own with that name, in registration order. */
  public List<String> modelsWith(String name) {
    List<String> owners = new ArrayList<>();
    byModel.forEach(
        (model, own) -> {
          if (own.containsKey(name)) {
            owners.add(model);
          }
        });
    return owners;
  }

  /** The commands every model has, in help order. */
  public List<CommandSpec> shared() {
    return List.copyOf(shared.values());
  }

  /** The commands only {@code model} has, in help order. */
  public List<CommandSpec> ofModel(String model) {
    return List.copyOf(byModel.getOrDefault(model, Map.of()).values());
  }

  /** The names of the models that add commands, in registration order. */
  public List<String> models() {
    return List.copyOf(byModel.keySet());
  }

  /** Every command: the shared ones, then each model's. */
  public List<CommandSpec> all() {
    List<CommandSpec> all = new ArrayList<>(shared.values());
    byModel.values().forEach(own -> all.addAll(own.values()));
    return all;
  }

  /** Every command name once, shared ones first. */
  public List<String> names() {
    Set<String> names = new LinkedHashSet<>(shared.keySet());
    byModel.values().forEach(own -> names.addAll(own.keySet()));
    return List.copyOf(names);
  }

  /** The names that mean something on a cluster of {@code model} (null: on any model). */
  public List<String> namesFor(String model) {
    if (model == null) {
      return names();
    }
    List<String> names = new ArrayList<>(shared.keySet());
    names.addAll(byModel.getOrDefault(model, Map.of()).keySet());
    return names;
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
    if (tokens.stream().noneMatch(t -> t.kind() == Token.Kind.AMPERSAND)) {
      into.add(parseOne(tokens, context));
      return;
    }
    List<Command> parts = new ArrayList<>();
    List<Token> part = new ArrayList<>();
    Token previous = null;
    for (Token token : tokens) {
      if (token.kind() == Token.Kind.AMPERSAND) {
        parts.add(together(part, token, context));
        part = new ArrayList<>();
        previous = token;
      } else {
        part.add(token);
      }
    }
    parts.add(together(part, previous, context));
    into.add(new Command.Concurrent(parts));
  }

  /** One side of an {@code &}: a write, delete or read. */
  private Command together(List<Token> part, Token ampersand, ParseContext context)
      throws CommandError {
    if (part.isEmpty()) {
      throw new CommandError(
          "'&' needs a client operation on both sides",
          ampersand.column(),
          "for example: write x a as alice & write x b as bob");
    }
    Command command = parseOne(part, context);
    boolean operation =
        command instanceof Command.Write
            || command instanceof Command.Read
            || command instanceof ModelCommand<?> model && model.clientOperation();
    if (!operation) {
      throw new CommandError(
          "only client operations (write, delete, read) can start together with '&', not "
              + command.name(),
          part.get(0).column(),
          "run " + command.name() + " before or after, separated by ';'");
    }
    return command;
  }

  private Command parseOne(List<Token> tokens, ParseContext context) throws CommandError {
    Token head = tokens.get(0);
    String word = head.kind() == Token.Kind.WORD ? head.text() : null;
    String model = context.hasCluster() ? context.modelName() : null;
    CommandSpec spec = word == null ? null : resolve(word, model);
    if (spec == null && word != null && !modelsWith(word).isEmpty()) {
      throw otherModel(head, model);
    }
    if (spec == null) {
      String suggestion = Suggest.closest(head.text(), namesFor(model));
      throw new CommandError(
          "unknown command '" + head.text() + "'",
          head.column(),
          (suggestion != null ? "did you mean '" + suggestion + "'? " : "")
              + "type 'help' for the list of commands");
    }
    List<Token> rest = tokens.subList(1, tokens.size());
    if (spec.model() != null && model != null) {
      checkOptionsOfOtherModels(spec, rest);
    }
    Args args = new Args(spec, head, rest, context);
    return spec.parser().parse(args);
  }

  /** A command that only other models have: say whose it is, and what this cluster offers. */
  private CommandError otherModel(Token head, String model) {
    List<String> owners = modelsWith(head.text());
    return new CommandError(
        head.text() + " is a command of " + String.join(" and ", owners) + " clusters",
        head.column(),
        "this cluster is " + model + "; 'help' lists what it has");
  }

  /**
   * An option that the command does not take here but takes on another model ({@code setquorum w=2}
   * on a leader-follower cluster) is named as that model's, with this model's usage.
   */
  private void checkOptionsOfOtherModels(CommandSpec spec, List<Token> tokens) throws CommandError {
    for (Token token : tokens) {
      int eq = token.kind() == Token.Kind.WORD ? token.text().indexOf('=') : -1;
      if (eq <= 0) {
        continue;
      }
      String key = token.text().substring(0, eq);
      if (spec.options().contains(key)) {
        continue;
      }
      for (String other : modelsWith(spec.name())) {
        CommandSpec theirs = byModel.get(other).get(spec.name());
        if (!other.equals(spec.model()) && theirs.options().contains(key)) {
          throw new CommandError(
              key
                  + "= belongs to "
                  + spec.name()
                  + " on "
                  + other
                  + " clusters, and this cluster is "
                  + spec.model(),
              token.column(),
              "here the usage is: " + spec.usage());
        }
      }
    }
  }
}
