package dev.replab.engine.model;

import dev.replab.engine.check.RunRecord;
import dev.replab.engine.cluster.Client;
import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.cluster.Reply;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * One replication model running on one cluster: how its nodes behave, how a client's read and write
 * are coordinated and when they complete, and how its state is shown. The kernel (nodes, network,
 * clients, faults, history) calls these; no shared code asks which model it runs.
 */
public interface ReplicationModel {
  /** The model's definition: its name, options and commands. */
  ModelDefinition definition();

  /** The options the cluster was created with, for {@code sweep}'s fresh clusters. */
  ModelOptions options();

  /** Called once the cluster has its default client: the model's own background work starts. */
  default void started() {}

  /** What {@code create} prints. */
  Result created(long seed);

  // ---------------------------------------------------------------- clients

  /** A new client session: the model gives it its defaults. */
  default void clientAdded(Client client) {}

  /**
   * A node's answer reached a client and completed the operation; the model records what only it
   * knows (session tokens, acknowledgements, staleness).
   */
  default void answered(Client client, Operation op, Reply reply) {}

  /** Starts a write (a delete when {@code value} is null) routed as the model routes writes. */
  Operation startWrite(String client, String key, String value, Consumer<Operation> whenDone);

  /** Starts a read routed by a consistency level and a read policy (null: the client's). */
  Operation startRead(
      String client, String key, Consistency level, String policy, Consumer<Operation> whenDone);

  /** Starts {@code write} or {@code delete}, routed as the command says or the model routes. */
  Started write(Command.Write command, String client);

  /** Starts {@code read}, routed as the command says or the model routes. */
  Started read(Command.Read command, String client);

  /** True when a custom read router is plugged in, for {@code policy=custom}. */
  default boolean hasCustomRouter() {
    return false;
  }

  // ---------------------------------------------------------------- faults

  /** What to say after the kernel crashed, restarted, paused or resumed a node. */
  String faultDone(Command.Fault.Kind kind, String node);

  /** The history's note when a node restarts. */
  String restartEvent(String node);

  /** Anything the model adds to a partition (a monitor beside the larger side); "" for nothing. */
  default String partitioned(List<String> sources, List<String> targets, boolean oneWay) {
    return "";
  }

  /**
   * What a node's skewed clock means for this model, as a clause starting with "; "; "" for none.
   */
  default String clockNote(String node) {
    return "";
  }

  /** True while replicas are still catching up, so that {@code settle} keeps going. */
  default boolean catchingUp() {
    return false;
  }

  // ---------------------------------------------------------------- views

  /** {@code status}. */
  Result status();

  /** {@code inspect <key>}. */
  Result inspect(String key);

  /** {@code why <op>}: how one operation went, in sentences and a small diagram. */
  Result why(Operation op);

  /** One frame of {@code watch}. */
  List<String> frame(boolean unicode);

  /** What the checkers read. */
  RunRecord runRecord();

  /** How far behind each lagging replica is now, for workloads' reports. */
  default List<LagNow> lagNow() {
    return List.of();
  }

  /** The nodes that accept clients' writes now (a leader), in the order diagrams put them first. */
  default List<String> writers() {
    return List.of();
  }

  /** Keys some node stores, for completion and {@code inspect}. */
  Collection<String> keysStored();

  /** A one-line picture of the cluster, as {@code :java cluster} shows it. */
  String describe();

  /**
   * Each replica's lag sampled over recent simulated time, oldest first, for charts; empty for a
   * model that does not measure lag continuously.
   */
  default java.util.Map<String, List<LagPoint>> lagTimeline() {
    return java.util.Map.of();
  }

  /** A replica's lag at one moment: how many entries and for how long it has been behind. */
  record LagNow(String node, long entries, long lagUs) {}

  /** One sample of a replica's lag, for charts. */
  record LagPoint(long atUs, long lagUs) {}
}
