package dev.replab.exercises;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.CommandRegistry;
import dev.replab.engine.command.Result;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * A learner's script run in a fresh engine {@link Session}, line by line, the way the REPL would
 * run it, within an exercise's limits; then the checkers' view of what happened.
 *
 * <p>A script reaches the engine only through the command language: {@code session.execute(line)}
 * for each line, and nothing else. Lines for the REPL itself (those starting with {@code :}, such
 * as {@code :java}) are refused, so a script cannot run Java, open files or touch the grader: all
 * it can do is what a learner could type at the simulator's prompt.
 */
public final class ScriptRun {
  private static final int SHOWN_OUTPUTS = 4;

  /**
   * What a script may do.
   *
   * @param commands how many commands it may run in all
   * @param simulatedUs how much simulated time may pass
   * @param wallMs how long the whole run may take on the grader's clock
   * @param allowed the commands it may use
   */
  public record Limits(int commands, long simulatedUs, long wallMs, Set<String> allowed) {
    public Limits {
      allowed = Set.copyOf(allowed);
    }

    /** Every command but the long-running workloads and the live view. */
    public static final Set<String> SCENARIO_COMMANDS =
        Set.of(
            "create",
            "write",
            "read",
            "delete",
            "crash",
            "restart",
            "pause",
            "resume",
            "partition",
            "heal",
            "link",
            "setquorum",
            "promote",
            "failover",
            "tick",
            "settle",
            "status",
            "lag",
            "log",
            "inspect",
            "history",
            "check",
            "client",
            "add",
            "remove",
            "seed",
            "reset",
            "help",
            "timeline");
  }

  private final LearnerScript script;
  private final Session session;
  private final List<String> outputs = new ArrayList<>();

  private ScriptRun(LearnerScript script, Session session) {
    this.script = script;
    this.session = session;
  }

  /**
   * Runs every line of {@code script}; any command the engine rejects, any line it may not run and
   * any limit passed fails the test with a sentence that says which line and why.
   */
  public static ScriptRun of(LearnerScript script, Limits limits) {
    ScriptRun run = new ScriptRun(script, new Session(Session.DEFAULT_SEED));
    run.runAll(limits);
    return run;
  }

  private void runAll(Limits limits) {
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "script-clock");
              thread.setDaemon(true);
              return thread;
            });
    // The engine stops a running command between two events when interrupted: a script that
    // starts endless work is stopped there, on the grader's clock.
    ScheduledFuture<?> alarm =
        clock.schedule(session::interrupt, limits.wallMs(), TimeUnit.MILLISECONDS);
    long startNanos = System.nanoTime();
    int commands = 0;
    try {
      for (LearnerScript.Line line : script.lines()) {
        commands += check(line, limits);
        if (commands > limits.commands()) {
          throw failure(
              line,
              "it is command number "
                  + commands
                  + "; this exercise allows "
                  + limits.commands()
                  + " commands, so keep the script to what the scenario needs");
        }
        for (Executed executed : session.execute(line.text())) {
          outputs.add("> " + executed.source() + "\n  " + executed.text().replace("\n", "\n  "));
          if (!executed.ok()) {
            long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
            String why =
                elapsedMs >= limits.wallMs()
                    ? "it was still running after "
                        + limits.wallMs() / 1000
                        + " s on the grader's clock, so it was stopped"
                    : "the simulator rejected '" + executed.source() + "': " + executed.error();
            throw failure(line, why);
          }
        }
        if (session.nowUs() > limits.simulatedUs()) {
          throw failure(
              line,
              "simulated time reached "
                  + Durations.format(session.nowUs())
                  + "; this exercise allows "
                  + Durations.format(limits.simulatedUs()));
        }
      }
    } finally {
      alarm.cancel(false);
      clock.shutdownNow();
    }
  }

  /** How many commands the line holds; fails on one the exercise does not allow. */
  private int check(LearnerScript.Line line, Limits limits) {
    if (line.text().startsWith(":")) {
      String word = line.text().split("\\s+", 2)[0];
      throw failure(
          line,
          "'"
              + word
              + "' is a command of the REPL, not of the simulator; a graded script may only use"
              + " the simulator's commands, so it cannot run Java or touch files");
    }
    List<String> commands;
    try {
      commands = CommandRegistry.splitCommands(line.text());
    } catch (CommandError e) {
      throw failure(line, "the simulator cannot read it: " + e.sentence());
    }
    for (String command : commands) {
      String name = command.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      if (!limits.allowed().contains(name)) {
        throw failure(
            line,
            "'"
                + name
                + "' is not one of the commands this exercise allows: "
                + String.join(" ", limits.allowed().stream().sorted().toList()));
      }
    }
    return commands.size();
  }

  /** Runs a checker after the script, as {@code check <name>} would. */
  public Result.CheckReport check(String checker) {
    return (Result.CheckReport) executeOwn("check " + checker).result();
  }

  /** Every operation and event of the run, as {@code history} lists them. */
  public Result.HistoryListing history() {
    return (Result.HistoryListing) executeOwn("history").result();
  }

  /** The cluster's {@code status} after the script, as the running model reports it. */
  public Result status() {
    return executeOwn("status").result();
  }

  private Executed executeOwn(String command) {
    List<Executed> executed = session.execute(command);
    if (executed.size() != 1 || !executed.get(0).ok()) {
      throw failure(
          null,
          "after the script, '"
              + command
              + "' could not run: "
              + executed.stream().map(Executed::text).toList()
              + " (did the script create a cluster?)");
    }
    return executed.get(0);
  }

  public LearnerScript script() {
    return script;
  }

  /**
   * A failure whose first line says what went wrong and where, followed by how to replay the script
   * and its last outputs.
   *
   * @param line the line to blame, or null for the script as a whole
   */
  public AssertionFailedError failure(LearnerScript.Line line, String what) {
    StringBuilder message = new StringBuilder(script.fileName());
    if (line != null) {
      message.append(" line ").append(line.number()).append(" ('").append(line.text()).append("')");
    }
    message.append(": ").append(what).append('\n');
    message
        .append("replay it with ./replab run ")
        .append("exercises/src/main/java/dev/replab/exercises/")
        .append(script.exercise())
        .append('/')
        .append(script.fileName())
        .append('\n');
    if (!outputs.isEmpty()) {
      message
          .append("last output:\n")
          .append(
              String.join(
                  "\n",
                  outputs.subList(Math.max(0, outputs.size() - SHOWN_OUTPUTS), outputs.size())));
    }
    return new AssertionFailedError(message.toString());
  }
}
