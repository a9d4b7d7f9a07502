package dev.replab.engine.cluster;

import dev.replab.engine.check.RunRecord;
import dev.replab.engine.history.History;
import dev.replab.engine.history.Operation;
import dev.replab.engine.model.ModelDefinition;
import dev.replab.engine.model.ModelOptions;
import dev.replab.engine.model.ReplicationModel;
import dev.replab.engine.net.Network;
import dev.replab.engine.net.Payload;
import dev.replab.engine.render.Trace;
import dev.replab.engine.sim.Durations;
import dev.replab.engine.sim.Simulation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The kernel every replication model runs on: the nodes' hosts, the network between them, client
 * sessions, faults, and the record of what happened. One {@link ReplicationModel} decides what the
 * nodes do; commands act on the cluster and never look at a wall clock.
 */
public final class Cluster {
  /** The client that operations use when a command names none. */
  public static final String DEFAULT_CLIENT = "app";

  private final Simulation sim;
  private final Network network;
  private final ClusterSpec spec;
  private final History history = new History();
  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private final Map<String, Client> clients = new LinkedHashMap<>();
  private final List<ClusterEvent> events = new ArrayList<>();
  private final Trace trace = new Trace();
  private final ReplicationModel model;
  private long droppedMessages;
  private int hostsCreated;

  /**
   * Creates a cluster running {@code definition} with its options on the nodes {@code spec} asks.
   */
  public Cluster(
      Simulation sim, ClusterSpec spec, ModelDefinition definition, ModelOptions options) {
    this.sim = sim;
    this.spec = spec;
    this.network = new Network(sim);
    network.setWanUs(spec.wanUs());
    network.setWanLatency(spec.wanLatency());
    network.setInsideLatency(spec.insideLatency());
    network.setDefaultLoss(spec.loss());
    network.setListener(trace);
    this.model = definition.start(this, options);
    client(DEFAULT_CLIENT, spec.regions().get(0));
    model.started();
  }

  /** A fresh cluster of the same model and options on another simulation and spec. */
  public Cluster fresh(Simulation freshSim, ClusterSpec freshSpec) {
    return new Cluster(freshSim, freshSpec, model.definition(), model.options());
  }

  // ---------------------------------------------------------------- parts

  public Simulation sim() {
    return sim;
  }

  public Network network() {
    return network;
  }

  public ClusterSpec spec() {
    return spec;
  }

  public History history() {
    return history;
  }

  /** The recent messages, for space-time diagrams. */
  public Trace trace() {
    return trace;
  }

  /** The replication model this cluster runs. */
  public ReplicationModel model() {
    return model;
  }

  /**
   * The model as the type that code written for one model expects.
   *
   * @throws IllegalStateException naming both models when the cluster runs another one
   */
  public <M extends ReplicationModel> M model(Class<M> type) {
    if (!type.isInstance(model)) {
      throw new IllegalStateException(
          "this cluster runs " + model.definition().name() + ", not " + type.getSimpleName());
    }
    return type.cast(model);
  }

  // ---------------------------------------------------------------- nodes

  /**
   * Adds a node's host, named {@code n1}, {@code n2}, ... in creation order, in {@code region} (or
   * the next region round-robin), running the process {@code make} builds for it.
   */
  public Host addHost(String region, java.util.function.Function<Host, Host.Process> make) {
    String id = "n" + (++hostsCreated);
    String home =
        region != null ? region : spec.regions().get((hostsCreated - 1) % spec.regions().size());
    Host host = new Host(id, home, this);
    host.run(make.apply(host));
    hosts.put(id, host);
    network.register(id, home, host::deliver);
    return host;
  }

  /** Takes a node out of the cluster for good: it stops, and what it was sending is lost. */
  public void removeHost(String id) {
    Host host = hosts.remove(id);
    host.crash();
    network.loseInFlightFrom(id);
  }

  /** The nodes' hosts in creation order. */
  public Collection<Host> hosts() {
    return Collections.unmodifiableCollection(hosts.values());
  }

  public Host host(String id) {
    return hosts.get(id);
  }

  public List<String> nodeIds() {
    return List.copyOf(hosts.keySet());
  }

  /** The other nodes, in creation order. */
  public List<String> peersOf(String id) {
    List<String> peers = new ArrayList<>(hosts.keySet());
    peers.remove(id);
    return peers;
  }

  // ---------------------------------------------------------------- faults

  public void crash(String id) {
    crash(id, id + " crashed");
  }

  /** Crashes a node and notes it in the history with {@code text} (STONITH says who did it). */
  public void crash(String id, String text) {
    hosts.get(id).crash();
    network.loseInFlightFrom(id);
    event(id, text);
  }

  public void restart(String id) {
    hosts.get(id).restart();
    event(id, model.restartEvent(id));
  }

  public void pause(String id) {
    hosts.get(id).pause();
    event(id, id + " paused");
  }

  public void resume(String id) {
    hosts.get(id).resume();
    event(id, id + " resumed");
  }

  /** Sets how far a node's clock is off; its timers still run on simulated time. */
  public void skew(String id, long skewUs) {
    hosts.get(id).setSkewUs(skewUs);
    event(id, id + "'s clock is now " + Durations.signed(skewUs) + " off true time");
  }

  void dropped(String node, String source, Payload message) {
    droppedMessages++;
  }

  // ---------------------------------------------------------------- clients

  public List<Client> clients() {
    return List.copyOf(clients.values());
  }

  public boolean hasClient(String name) {
    return clients.containsKey(name);
  }

  /** Returns the named client, creating it in {@code region} (or the first region) if new. */
  public Client client(String name, String region) {
    Client existing = clients.get(name);
    if (existing != null) {
      return existing;
    }
    String home = region != null ? region : spec.regions().get(0);
    Client client = new Client(name, home, spec.clientTimeoutUs());
    model.clientAdded(client);
    clients.put(name, client);
    network.registerClient(name, home, (source, message) -> client.receive(this, message));
    return client;
  }

  public void setClientTimeout(String name, long timeoutUs) {
    clients.get(name).setTimeoutUs(timeoutUs);
  }

  public void setClientConsistency(String name, Consistency level) {
    client(name, null).setConsistency(level);
  }

  public void setClientPolicy(String name, String policy) {
    client(name, null).setPolicy(policy);
  }

  /**
   * Starts a client operation: records it in the history and sends the request that {@code request}
   * makes for its id to {@code nodeId}. {@code whenDone} hears when the client has its answer or
   * gave up.
   */
  public Operation startOperation(
      Operation.Kind kind,
      String clientName,
      String nodeId,
      String key,
      String value,
      LongFunction<Payload> request,
      Consumer<Operation> whenDone) {
    Client client = client(clientName, null);
    Operation op = history.start(kind, clientName, nodeId, key, value, sim.nowUs());
    client.send(this, op, request.apply(op.id()), whenDone);
    return op;
  }

  /**
   * Runs the simulation until {@code op} has its answer (or its client gave up), and no further.
   */
  public void runUntilDone(Operation op) {
    sim.runUntil(() -> op.outcome() != dev.replab.engine.history.Outcome.PENDING, Long.MAX_VALUE);
  }

  void answered(Client client, Operation op, Reply reply) {
    model.answered(client, op, reply);
  }

  // ---------------------------------------------------------------- the record

  public List<ClusterEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** Notes something that happened to the cluster rather than to a client operation. */
  public void event(String node, String text) {
    events.add(new ClusterEvent(sim.nowUs(), node, text));
  }

  /** What the checkers read. */
  public RunRecord runRecord() {
    return model.runRecord();
  }

  /** Records the summary of a load that ran in the background. */
  public void noteLoad(String summary) {
    event(
        null, "background load finished: " + summary.replace("\n", "; ").replaceAll(" {2,}", " "));
  }

  /** Something that happened to the cluster rather than to a client operation. */
  public record ClusterEvent(long atUs, String node, String text) {}

  /** Keys known to any node or named by any operation, sorted, for completion and inspect. */
  public List<String> knownKeys() {
    TreeSet<String> keys = new TreeSet<>(model.keysStored());
    for (Operation op : history.operations()) {
      keys.add(op.key());
    }
    return List.copyOf(keys);
  }

  /** A one-line picture of the cluster, as {@code :java cluster} shows it. */
  @Override
  public String toString() {
    return model.describe();
  }
}
