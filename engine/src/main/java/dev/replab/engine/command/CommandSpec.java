package dev.replab.engine.command;

import java.util.List;
import java.util.Set;

/**
 * Everything known about one command: how to write it, what it does, examples, how to parse it and
 * what may follow it. Help, completion and the docs are generated from these.
 *
 * @param name the word that starts the command
 * @param usage a one-line synopsis
 * @param summary what the command does, in one sentence
 * @param examples lines that run as shown
 * @param keywords words that may follow the name, for completion
 * @param options the {@code key=} options, for completion and errors
 * @param argument what its positional arguments are, for completion
 * @param parser turns the rest of the line into a {@link Command}
 * @param model the replication model the command belongs to, or null when every model has it
 * @param standalone true for a model's command that builds its own clusters, so it runs with no
 *     cluster or beside a cluster of another model
 */
public record CommandSpec(
    String name,
    String usage,
    String summary,
    List<String> examples,
    List<String> keywords,
    Set<String> options,
    ArgumentKind argument,
    Parser parser,
    String model,
    boolean standalone) {

  /** What the positional arguments of a command name, so completion can offer them. */
  public enum ArgumentKind {
    NONE,
    NODE,
    KEY,
    MODEL,
    COMMAND,
    CLIENT,
    CHECKER
  }

  /** Parses the words after the command name. */
  @FunctionalInterface
  public interface Parser {
    Command parse(Args args) throws CommandError;
  }

  public CommandSpec {
    examples = List.copyOf(examples);
    keywords = List.copyOf(keywords);
    options = Set.copyOf(options);
  }

  /** A command every model has. */
  public CommandSpec(
      String name,
      String usage,
      String summary,
      List<String> examples,
      List<String> keywords,
      Set<String> options,
      ArgumentKind argument,
      Parser parser) {
    this(name, usage, summary, examples, keywords, options, argument, parser, null, false);
  }

  /** The same command, belonging to one model. */
  public CommandSpec of(String modelName) {
    return new CommandSpec(
        name, usage, summary, examples, keywords, options, argument, parser, modelName, false);
  }

  /** The same command, runnable without a cluster of its model. */
  public CommandSpec standing() {
    return new CommandSpec(
        name, usage, summary, examples, keywords, options, argument, parser, model, true);
  }
}
