package dev.replab.engine;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.CommandRegistry;
import dev.replab.engine.command.Executor;
import dev.replab.engine.command.Result;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One REPL, script or lesson: a seed, at most one cluster, and the journal of accepted commands.
 * Every front end talks to the engine through {@link #execute(String)}.
 */
public final class Session {
  /** The seed a session starts with unless told otherwise. */
  public static final long DEFAULT_SEED = 1;

  private final CommandRegistry registry = CommandRegistry.standard();
  private final Executor executor;
  private final List<String> journal = new ArrayList<>();
  private final Completer completer;

  public Session(long seed) {
    this.executor = new Executor(registry, seed);
    this.completer = new Completer(registry, executor);
  }

  public Session() {
    this(DEFAULT_SEED);
  }

  /**
   * Runs a line of one or more commands separated by {@code ;}, in order. Each command is parsed
   * against the state the commands before it left, so a rejected command changes nothing and the
   * rest still run. A line that cannot even be split (an unclosed quote) runs nothing.
   */
  public List<Executed> execute(String line) {
    List<String> sources;
    try {
      sources = CommandRegistry.splitCommands(line);
    } catch (CommandError e) {
      return List.of(rejected(line.strip(), "?", e));
    }
    List<Executed> results = new ArrayList<>();
    for (String source : sources) {
      results.add(executeOne(source));
    }
    return results;
  }

  private Executed executeOne(String source) {
    List<Command> commands;
    try {
      commands = registry.parse(source, executor);
    } catch (CommandError e) {
      return rejected(source, firstWord(source), e);
    }
    Command command = commands.get(0);
    if (executor.cluster() != null) {
      executor.cluster().sim().clearInterrupt();
    }
    Result result;
    try {
      result = command.accept(executor);
    } catch (dev.replab.engine.sim.Simulation.Interrupted e) {
      // Ctrl-C: the world stands between two events; the command is not journalled, since
      // replaying it would run to its end.
      return new Executed(
          source,
          command.name(),
          false,
          executor.nowUs(),
          null,
          "stopped: "
              + e.getMessage()
              + "; the simulation stands where it got to (seed "
              + executor.seed()
              + ")",
          0);
    } catch (dev.replab.engine.api.PlugInError e) {
      // Plugged-in code broke a rule: say so, and keep the session usable. The simulation
      // stopped in the middle of this command, so its state is what the failure left.
      journal.add(source);
      return new Executed(
          source,
          command.name(),
          false,
          executor.nowUs(),
          null,
          "stopped: " + e.getMessage() + " (seed " + executor.seed() + ")",
          0);
    }
    journal.add(source);
    return new Executed(source, command.name(), true, executor.nowUs(), result, null, 0);
  }

  private Executed rejected(String source, String name, CommandError e) {
    return new Executed(source, name, false, executor.nowUs(), null, e.sentence(), e.column());
  }

  private static String firstWord(String source) {
    String trimmed = source.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }

  /** Stops the running command between two events (Ctrl-C); safe from another thread. */
  public void interrupt() {
    if (executor.cluster() != null) {
      executor.cluster().sim().interrupt();
    }
  }

  /** Lets a terminal animate {@code watch}; null prints snapshots instead. */
  public void setFrameSink(FrameSink sink) {
    executor.setFrameSink(sink);
  }

  /** Candidates to complete the word that ends at {@code cursor}. */
  public List<String> complete(String line, int cursor) {
    return completer.complete(line, cursor);
  }

  public CommandRegistry registry() {
    return registry;
  }

  public long seed() {
    return executor.seed();
  }

  /** Simulated time now, in microseconds. */
  public long nowUs() {
    return executor.nowUs();
  }

  /** The cluster, or null before {@code create}. */
  public Cluster cluster() {
    return executor.cluster();
  }

  /** The accepted commands so far, in order: replaying them reproduces the session. */
  public List<String> journal() {
    return Collections.unmodifiableList(journal);
  }

  /** A short description for a prompt: the model and simulated time. */
  public String promptLabel() {
    if (executor.cluster() == null) {
      return "no cluster";
    }
    return executor.modelName() + " " + dev.replab.engine.sim.Durations.format(executor.nowUs());
  }

  @Override
  public String toString() {
    return "session (seed "
        + seed()
        + "): "
        + (cluster() == null ? "no cluster yet" : cluster().toString());
  }
}
