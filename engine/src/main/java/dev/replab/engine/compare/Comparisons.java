package dev.replab.engine.compare;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.command.Args;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.CommandSpec;
import dev.replab.engine.command.CommandSpec.ArgumentKind;
import dev.replab.engine.command.Result;
import dev.replab.engine.command.Token;
import dev.replab.engine.multileader.MultiLeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code compare}: the article's comparisons, measured. Each runs the same workload or trace on
 * fresh clusters, one per configuration, from the session's seed, and tabulates what each did. They
 * name models and settings on purpose: comparing them is their job.
 */
public final class Comparisons {
  static final Set<String> OPTIONS =
      Set.of("trace", "ops", "clients", "reads", "keys", "duration", "crash-at", "trials");

  private Comparisons() {}

  /** The command's spec, for the command language's shared commands. */
  public static CommandSpec spec() {
    return new CommandSpec(
        "compare",
        "compare durability [clients=<k>] [duration=<d>] [crash-at=<d>] [ops=<k>] [trials=<k>] | compare models [clients=<k>] [reads=<pct>] [keys=<k>] [duration=<d>] [crash-at=<d>] [trials=<k>] | compare conflicts [trace=<file>]",
        "Runs one workload or trace on fresh clusters, one per replication mode, model or conflict strategy, and tabulates what each measured.",
        List.of("compare durability", "compare models", "compare conflicts"),
        List.of("durability", "models", "conflicts"),
        OPTIONS,
        ArgumentKind.NONE,
        Comparisons::parse);
  }

  static Command parse(Args args) throws CommandError {
    Token subject = args.next("what to compare: durability, models or conflicts");
    Map<String, Args.Option> options = args.options(OPTIONS);
    args.end();
    return switch (subject.text()) {
      case "conflicts" -> conflicts(options);
      case "durability" -> DurabilityComparison.parse(options);
      case "models" -> ModelComparison.parse(options);
      default ->
          throw new CommandError(
              "compare knows durability, models and conflicts, not '" + subject.text() + "'",
              subject.column(),
              "compare durability, compare models, or compare conflicts [trace=<file>]");
    };
  }

  /** Fails when an option of another comparison was given. */
  static void only(Map<String, Args.Option> options, Set<String> allowed, String subject)
      throws CommandError {
    for (Args.Option option : options.values()) {
      if (!allowed.contains(option.key())) {
        throw new CommandError(
            "compare " + subject + " takes no " + option.key() + "=",
            option.column() - option.key().length() - 1,
            allowed.isEmpty()
                ? "compare " + subject + " takes no options"
                : "it takes "
                    + String.join(" ", allowed.stream().sorted().map(k -> k + "=").toList()));
      }
    }
  }

  private static Command conflicts(Map<String, Args.Option> options) throws CommandError {
    only(options, Set.of("trace"), "conflicts");
    if (!options.containsKey("trace")) {
      return run(
          "conflicts",
          (seed, cluster) ->
              ConflictComparison.run(
                  ConflictComparison.DEFAULT_TRACE, seed, "the default trace", resolver(cluster)));
    }
    Args.Option file = options.get("trace");
    List<String> trace = traceLines(file);
    return run(
        "conflicts",
        (seed, cluster) -> ConflictComparison.run(trace, seed, file.value(), resolver(cluster)));
  }

  private static dev.replab.engine.api.ConflictResolver resolver(
      dev.replab.engine.cluster.Cluster cluster) {
    return cluster != null && cluster.model() instanceof MultiLeader multiLeader
        ? multiLeader.resolver()
        : null;
  }

  static Command run(String subject, Command.Comparison comparison) {
    return new Command.Compare(subject, comparison);
  }

  /** The commands of a trace file: comments and blank lines dropped, no cluster of its own. */
  private static List<String> traceLines(Args.Option file) throws CommandError {
    List<String> lines;
    try {
      lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(file.value()));
    } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
      throw new CommandError("cannot read the trace '" + file.value() + "'", file.column());
    }
    List<String> trace = new ArrayList<>();
    for (String line : lines) {
      String text = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
      text = text.strip();
      if (text.isEmpty()) {
        continue;
      }
      if (text.startsWith("create") || text.startsWith("conflicts")) {
        throw new CommandError(
            "the trace '" + file.value() + "' sets up its own cluster ('" + text + "')",
            file.column(),
            "compare makes a fresh cluster per strategy; leave create and conflicts out of the trace");
      }
      trace.add(text);
    }
    if (trace.isEmpty()) {
      throw new CommandError("the trace '" + file.value() + "' has no commands", file.column());
    }
    if (trace.size() > 500) {
      throw new CommandError(
          "the trace '"
              + file.value()
              + "' has "
              + trace.size()
              + " lines; compare takes 500 at most",
          file.column());
    }
    return trace;
  }

  /** Runs one line that must be accepted, and returns its last command's result. */
  static Result one(Session session, String line) {
    List<Executed> executed = session.execute(line);
    Executed last = executed.get(executed.size() - 1);
    if (!last.ok()) {
      throw new IllegalStateException("'" + line + "' was rejected: " + last.error());
    }
    return last.result();
  }
}
