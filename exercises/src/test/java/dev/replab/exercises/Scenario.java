package dev.replab.exercises;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.cluster.NodeState;
import dev.replab.engine.command.Result;
import dev.replab.engine.leaderfollower.LeaderFollower;
import dev.replab.engine.leaderfollower.LogEntry;
import dev.replab.engine.leaderfollower.Node;
import dev.replab.engine.model.ReplicationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * The stage of a graded scenario test: a seeded session whose cluster runs the learner's code,
 * driven by the same commands a learner types in the REPL.
 *
 * <p>Every failure starts with one line that says what broke and names the seed, then tells the
 * story of the scenario, what was expected, and the commands that led there, so that the learner
 * can replay them with {@code ./replab --seed <seed>} and watch what should happen.
 */
public final class Scenario {
  private static final int SHOWN_OUTPUTS = 4;

  /** How the engine's answer starts when a plug-in broke in the middle of a command. */
  private static final String STOPPED = "stopped: ";

  private final long seed;
  private final String story;
  private final Class<?> learnerClass;
  private final Session session;
  private final List<String> commands = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();
  private Supplier<String> hint = () -> null;
  private Throwable learnerThrew;

  private Scenario(long seed, String story, Class<?> learnerClass) {
    this.seed = seed;
    this.story = story;
    this.learnerClass = learnerClass;
    this.session = new Session(seed);
  }

  /**
   * Creates the cluster and plugs the learner's code into it before any simulated time passes.
   *
   * @param story one sentence for failure messages, like "4 nodes, 20% message loss"
   * @param createLine the {@code create} command
   * @param learnerClass the learner's class, so that failures can say whose code threw
   * @param plugIn puts the learner's code into the new cluster
   */
  public static Scenario start(
      long seed,
      String story,
      String createLine,
      Class<?> learnerClass,
      Consumer<LeaderFollower> plugIn) {
    return start(
        seed, story, createLine, learnerClass, (scenario, cluster) -> plugIn.accept(cluster));
  }

  /**
   * Like {@link #start(long, String, String, Class, Consumer)}, for plug-ins that route their calls
   * into the learner's code through {@link #learnerCall}, so that a failure can name what the
   * learner's code threw even when the engine caught it.
   */
  public static Scenario start(
      long seed,
      String story,
      String createLine,
      Class<?> learnerClass,
      BiConsumer<Scenario, LeaderFollower> plugIn) {
    Scenario scenario = new Scenario(seed, story, learnerClass);
    scenario.run(createLine);
    plugIn.accept(scenario, scenario.cluster());
    return scenario;
  }

  /**
   * Like {@link #start(long, String, String, Class, BiConsumer)} for a cluster of another model:
   * {@code plugIn} receives the model as {@code modelType}.
   */
  public static <M extends ReplicationModel> Scenario startOn(
      long seed,
      String story,
      String createLine,
      Class<?> learnerClass,
      Class<M> modelType,
      BiConsumer<Scenario, M> plugIn) {
    Scenario scenario = new Scenario(seed, story, learnerClass);
    scenario.run(createLine);
    plugIn.accept(scenario, scenario.session.cluster().model(modelType));
    return scenario;
  }

  /**
   * Calls into the learner's code, remembering the first exception it throws. The engine stops a
   * command whose plug-in threw and reports it as a sentence; this keeps the exception itself for
   * the failure, so the learner sees where in their code it came from.
   */
  public <T> T learnerCall(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException | StackOverflowError e) {
      if (learnerThrew == null) {
        learnerThrew = e;
      }
      throw e;
    }
  }

  /** {@link #learnerCall} for calls that return nothing. */
  public void learnerRun(Runnable call) {
    learnerCall(
        () -> {
          call.run();
          return null;
        });
  }

  /** Adds a clue to every failure message, computed when the failure happens. */
  public Scenario withHint(Supplier<String> clue) {
    this.hint = clue;
    return this;
  }

  public long seed() {
    return seed;
  }

  public LeaderFollower cluster() {
    return session.cluster().model(LeaderFollower.class);
  }

  /**
   * Runs one command, which must be accepted. An exception that escapes the simulation (thrown by
   * the learner's code, or by the engine because of what that code decided) fails the test.
   */
  public Executed run(String command) {
    List<Executed> executed;
    try {
      executed = session.execute(command);
    } catch (RuntimeException | StackOverflowError e) {
      commands.add(command);
      Throwable cause = learnerThrew != null ? learnerThrew : e;
      throw failure(
          "'" + command + "' broke: " + Blame.describe(cause, learnerClass),
          "no exception escapes the cluster",
          cause);
    }
    if (executed.size() == 1
        && !executed.get(0).ok()
        && String.valueOf(executed.get(0).error()).startsWith(STOPPED)) {
      // The engine caught a plug-in that threw or broke a rule of its plug point, and stopped.
      commands.add(command);
      String why =
          learnerThrew != null
              ? Blame.describe(learnerThrew, learnerClass)
              : executed.get(0).error().substring(STOPPED.length());
      throw failure(
          "'" + command + "' broke: " + why,
          "no exception escapes the cluster and every answer keeps to its plug point's rules",
          learnerThrew);
    }
    if (executed.size() != 1 || !executed.get(0).ok()) {
      throw new IllegalStateException(
          "the scenario's command '"
              + command
              + "' was not accepted: "
              + executed.stream().map(Executed::text).toList());
    }
    commands.add(command);
    outputs.add("> " + command + "\n  " + executed.get(0).text().replace("\n", "\n  "));
    return executed.get(0);
  }

  /** Runs each command in turn. */
  public void runAll(String... lines) {
    for (String line : lines) {
      run(line);
    }
  }

  /** Runs a write command and returns its result. */
  public Result.WriteDone write(String command) {
    return (Result.WriteDone) run(command).result();
  }

  /** {@code count} writes of keys {@code <prefix>0..<prefix>6}, each value unique. */
  public void writes(String prefix, int count) {
    for (int i = 0; i < count; i++) {
      run("write " + prefix + (i % 7) + " " + prefix + "v" + i);
    }
  }

  /** Runs {@code settle}, which must end with nothing in flight but heartbeats. */
  public void settle(String expected) {
    Result.TimeMoved moved = (Result.TimeMoved) run("settle").result();
    if (!moved.settled()) {
      throw failure(laggard() + "; settle gave up after an hour of simulated time", expected, null);
    }
  }

  /** Which follower is behind, and by how much. */
  private String laggard() {
    Node leader = cluster().leader();
    if (leader == null) {
      return "there is no leader";
    }
    for (Node node : cluster().nodes()) {
      if (node != leader
          && node.state() == NodeState.UP
          && node.appliedOffset() < leader.log().lastOffset()) {
        String applied =
            node.appliedOffset() == node.log().lastOffset()
                ? ""
                : " (applied " + node.appliedOffset() + ")";
        return node.id()
            + " is stuck at offset "
            + node.log().lastOffset()
            + applied
            + " of the leader "
            + leader.id()
            + "'s "
            + leader.log().lastOffset();
      }
    }
    return "work was still in flight";
  }

  /**
   * Every node that is up holds exactly the leader's log and has applied all of it.
   *
   * @param expected what the scenario expects, for the failure message
   */
  public void assertEveryLogMatchesTheLeader(String expected) {
    Node leader = cluster().leader();
    if (leader == null) {
      throw new IllegalStateException("the scenario left no leader");
    }
    for (Node node : cluster().nodes()) {
      if (node == leader || node.state() != NodeState.UP) {
        continue;
      }
      String difference = difference(leader, node);
      if (difference != null) {
        throw failure(difference, expected, null);
      }
    }
  }

  private static String difference(Node leader, Node node) {
    long leaderEnd = leader.log().lastOffset();
    long nodeEnd = node.log().lastOffset();
    for (long offset = 1; offset <= Math.min(leaderEnd, nodeEnd); offset++) {
      LogEntry want = leader.log().get(offset);
      LogEntry got = node.log().get(offset);
      if (want.epoch() != got.epoch()
          || !want.key().equals(got.key())
          || !Objects.equals(want.value(), got.value())) {
        return node.id()
            + "'s log differs from the leader "
            + leader.id()
            + "'s at offset "
            + offset
            + ": "
            + node.id()
            + " has "
            + describe(got)
            + ", "
            + leader.id()
            + " has "
            + describe(want);
      }
    }
    if (nodeEnd != leaderEnd) {
      return node.id()
          + "'s log ends at offset "
          + nodeEnd
          + " but the leader "
          + leader.id()
          + "'s at "
          + leaderEnd;
    }
    if (node.appliedOffset() != nodeEnd) {
      return node.id()
          + " applied its log only up to offset "
          + node.appliedOffset()
          + " of "
          + nodeEnd;
    }
    return null;
  }

  private static String describe(LogEntry entry) {
    return (entry.value() == null ? "delete " + entry.key() : entry.key() + "=" + entry.value())
        + " (epoch "
        + entry.epoch()
        + ")";
  }

  /**
   * A failure whose first line is {@code what} with the seed, followed by the scenario, the
   * expectation, a clue if there is one, and the commands so far.
   */
  public AssertionFailedError failure(String what, String expected, Throwable cause) {
    StringBuilder message = new StringBuilder(what).append(" (seed ").append(seed).append(")\n");
    message.append("scenario: ").append(story).append('\n');
    message.append("expected: ").append(expected).append('\n');
    String clue = hint.get();
    if (clue != null) {
      message.append("clue: ").append(clue).append('\n');
    }
    message
        .append("replay with ./replab --seed ")
        .append(seed)
        .append(" (the REPL runs the engine's own code, so it shows what should happen):\n  ")
        .append(abbreviated(commands))
        .append('\n');
    message
        .append("last output:\n")
        .append(
            String.join(
                "\n",
                outputs.subList(Math.max(0, outputs.size() - SHOWN_OUTPUTS), outputs.size())));
    return new AssertionFailedError(message.toString(), cause);
  }

  /** The commands joined by "; ", with a long middle of similar writes cut short. */
  private static String abbreviated(List<String> commands) {
    if (commands.size() <= 16) {
      return String.join("; ", commands);
    }
    return String.join("; ", commands.subList(0, 6))
        + "; ... "
        + (commands.size() - 14)
        + " more ...; "
        + String.join("; ", commands.subList(commands.size() - 8, commands.size()));
  }
}
