package dev.replab.engine.cluster;

import dev.replab.engine.api.CommitRule;
import dev.replab.engine.api.EpochFence;
import dev.replab.engine.api.FailureDetector;
import dev.replab.engine.api.FencingGuard;
import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.api.ReadRouter;
import dev.replab.engine.api.StandardCommitRule;
import dev.replab.engine.api.StandardStreamApplier;
import dev.replab.engine.api.StreamApplier;
import dev.replab.engine.api.TimeoutDetector;
import dev.replab.engine.api.UpToDateVoteRule;
import dev.replab.engine.api.VoteRule;
import dev.replab.engine.check.RunRecord;
import dev.replab.engine.history.History;
import dev.replab.engine.history.Operation;
import dev.replab.engine.net.Network;
import dev.replab.engine.sim.Durations;
import dev.replab.engine.sim.Simulation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A leader-follower cluster: nodes, the network between them, clients, and the record of what
 * happened. Commands act on it; it never looks at a wall clock.
 */
public final class Cluster {
  /** The client that operations use when a command names none. */
  public static final String DEFAULT_CLIENT = "app";

  private final Simulation sim;
  private final Network network;
  private final ClusterConfig config;
  private final History history = new History();
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, Client> clients = new LinkedHashMap<>();
  private final CommitJournal journal = new CommitJournal();
  private final Map<Long, Staleness> staleReads = new HashMap<>();
  private final List<ClusterEvent> events = new ArrayList<>();
  private final List<RunRecord.Term> terms = new ArrayList<>();
  private final dev.replab.engine.render.Trace trace = new dev.replab.engine.render.Trace();
  private long droppedMessages;
  private int nodesCreated;
  private final LagRecorder lagRecorder = new LagRecorder(this);
  private QuorumPolicy policy;
  private CommitRule commitRule = new StandardCommitRule();
  private StreamApplier streamApplier = new StandardStreamApplier();
  private VoteRule voteRule = new UpToDateVoteRule();
  private FencingGuard fence = new EpochFence();
  private BiFunction<Long, Long, FailureDetector> detectors = TimeoutDetector::new;
  private FailoverSettings failover = FailoverSettings.manual();
  private long heartbeatUs;
  private String dnsRecord = "n1";
  private Monitor monitor;
  private final ReadRouting routing = new ReadRouting(this);
  private java.util.function.Function<Consistency, dev.replab.engine.api.SessionGuarantee>
      guarantees = Cluster::standardGuarantee;
  private dev.replab.engine.api.LagMonitor lagMonitor =
      new dev.replab.engine.api.StandardLagMonitor();

  public Cluster(Simulation sim, ClusterConfig config) {
    this.sim = sim;
    this.config = config;
    this.policy = config.policy();
    this.heartbeatUs = config.heartbeatUs();
    this.network = new Network(sim);
    network.setWanUs(config.wanUs());
    network.setInsideLatency(config.insideLatency());
    network.setDefaultLoss(config.loss());
    network.setListener(trace);
    for (int i = 1; i <= config.nodes(); i++) {
      String id = "n" + i;
      String region = config.regions().get((i - 1) % config.regions().size());
      Node node = new Node(id, region, this, i == 1 ? Role.LEADER : Role.FOLLOWER, "n1");
      nodes.put(id, node);
      network.register(id, region, node::deliver);
    }
    nodesCreated = config.nodes();
    for (Node node : nodes.values()) {
      node.start();
    }
    client(DEFAULT_CLIENT, config.regions().get(0));
    lagRecorder.start();
  }

  // ---------------------------------------------------------------- parts

  public Simulation sim() {
    return sim;
  }

  public Network network() {
    return network;
  }

  public ClusterConfig config() {
    return config;
  }

  public History history() {
    return history;
  }

  /** The recent messages, for space-time diagrams. */
  public dev.replab.engine.render.Trace trace() {
    return trace;
  }

  public QuorumPolicy policy() {
    return policy;
  }

  public void setPolicy(QuorumPolicy policy) {
    this.policy = policy;
    event(null, "commit rule set to setquorum " + policy.describe());
    for (Node node : nodes.values()) {
      node.policyChanged();
    }
  }

  public CommitRule commitRule() {
    return commitRule;
  }

  /** Plugs in another commit rule, as an exercise's grader does. */
  public void setCommitRule(CommitRule commitRule) {
    this.commitRule = commitRule;
  }

  public StreamApplier streamApplier() {
    return streamApplier;
  }

  /** Plugs in another follower stream rule, as an exercise's grader does. */
  public void setStreamApplier(StreamApplier streamApplier) {
    this.streamApplier = streamApplier;
  }

  // ---------------------------------------------------------------- lag over time

  /**
   * One reading of a follower's lag: entries behind the leader, how long it has been missing the
   * oldest of them, and the replay age (now minus when its last applied write was made).
   */
  public record LagSample(long atUs, long entries, long lagUs, long replayAgeUs) {}

  /** Each follower's recent lag readings, one every 100ms of simulated time, oldest first. */
  public Map<String, List<LagSample>> lagHistory() {
    return lagRecorder.history();
  }

  // ---------------------------------------------------------------- failover

  public FailoverSettings failover() {
    return failover;
  }

  /** Changes how failover works; heartbeats change to {@code heartbeatUs}. */
  public void setFailover(FailoverSettings settings, long newHeartbeatUs) {
    this.failover = settings;
    this.heartbeatUs = newHeartbeatUs;
    for (Node node : nodes.values()) {
      node.resetDetector();
    }
    event(
        null, "failover " + settings.describe() + " heartbeat=" + Durations.format(newHeartbeatUs));
    if (settings.auto() && settings.monitor()) {
      if (monitor == null) {
        monitor = new Monitor(this, config.regions().get(0));
      }
      monitor.start();
    }
    if (settings.fencing()) {
      Node leader = leader();
      if (leader != null) {
        fence.admit(leader.epoch());
      }
    }
  }

  public boolean hasMonitor() {
    return monitor != null;
  }

  /** The monitor's network name. */
  public String monitorId() {
    return Monitor.ID;
  }

  public VoteRule voteRule() {
    return voteRule;
  }

  /** Plugs in another vote rule, as an exercise's grader does. */
  public void setVoteRule(VoteRule voteRule) {
    this.voteRule = Guarded.voteRule(voteRule);
  }

  public FencingGuard fence() {
    return fence;
  }

  /** Plugs in another fencing guard, as an exercise's grader does. */
  public void setFence(FencingGuard fence) {
    this.fence = Guarded.fence(fence);
  }

  /** Plugs in another failure detector: a function of (detectUs, startUs). */
  public void setDetectors(BiFunction<Long, Long, FailureDetector> detectors) {
    this.detectors = (detectUs, startUs) -> Guarded.detector(detectors.apply(detectUs, startUs));
    for (Node node : nodes.values()) {
      node.resetDetector();
    }
    if (monitor != null) {
      monitor.start();
    }
  }

  FailureDetector newDetector() {
    return detectors.apply(failover.detectUs(), sim.nowUs());
  }

  /** The leader that DNS names now (updated by failovers and promotions). */
  public String dnsRecord() {
    return dnsRecord;
  }

  void leaderElected(Node node) {
    if (monitor != null) {
      monitor.watch(node.id());
    }
    if (!node.id().equals(dnsRecord)) {
      dnsRecord = node.id();
      if (failover.redirect() == FailoverSettings.Redirect.DNS) {
        event(
            node.id(),
            "DNS now names "
                + node.id()
                + " as the leader; clients see it once their cached record expires (ttl "
                + Durations.format(failover.ttlUs())
                + ")");
      }
    }
  }

  /** STONITH: powers a node off through its power switch, not over the network. */
  void powerOff(String target, String by) {
    Node victim = nodes.get(target);
    if (victim != null && victim.state() != NodeState.CRASHED) {
      victim.crash();
      network.loseInFlightFrom(target);
      event(target, "STONITH: " + by + " powered off " + target + " before a new leader took over");
    }
  }

  void dropped(String node, String source, dev.replab.engine.net.Payload message) {
    droppedMessages++;
  }

  /** The nodes in creation order, without copying (for the hot path of read routing). */
  java.util.Collection<Node> nodesInOrder() {
    return java.util.Collections.unmodifiableCollection(nodes.values());
  }

  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  public Node node(String id) {
    return nodes.get(id);
  }

  public List<String> nodeIds() {
    return List.copyOf(nodes.keySet());
  }

  public List<Client> clients() {
    return List.copyOf(clients.values());
  }

  public List<ClusterEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** The node that leads the newest epoch and is not crashed, or null when there is none. */
  public Node leader() {
    Node best = null;
    for (Node node : nodes.values()) {
      if (node.isActiveLeader() && (best == null || node.epoch() > best.epoch())) {
        best = node;
      }
    }
    return best;
  }

  /**
   * Where a client sends an operation that names no node. Through a proxy that is always the
   * current leader; through DNS it is whatever the client's cached record says until it expires.
   */
  public String route(String clientName) {
    Client client = client(clientName, null);
    if (failover.redirect() == FailoverSettings.Redirect.DNS) {
      return client.resolve(sim.nowUs(), dnsRecord, failover.ttlUs());
    }
    return writeTarget().id();
  }

  /** The newest leader, even a crashed one; the first node when none leads. */
  public Node writeTarget() {
    Node leader = leader();
    if (leader != null) {
      return leader;
    }
    Node best = null;
    for (Node node : nodes.values()) {
      if (node.role() == Role.LEADER && (best == null || node.epoch() > best.epoch())) {
        best = node;
      }
    }
    return best != null ? best : nodes.values().iterator().next();
  }

  /** Returns the named client, creating it in {@code region} (or the first region) if new. */
  public Client client(String name, String region) {
    Client existing = clients.get(name);
    if (existing != null) {
      return existing;
    }
    String home = region != null ? region : config.regions().get(0);
    Client client = new Client(name, home, config.clientTimeoutUs());
    client.setPolicy(config.readPolicy());
    client.useGuarantees(guarantees);
    clients.put(name, client);
    network.registerClient(
        name, home, (source, message) -> client.receive(this, source, (Message) message));
    return client;
  }

  public void setClientTimeout(String name, long timeoutUs) {
    clients.get(name).setTimeoutUs(timeoutUs);
  }

  public boolean hasClient(String name) {
    return clients.containsKey(name);
  }

  // ---------------------------------------------------------------- operations

  /** Starts a write (a delete when {@code value} is null) from a client to a node. */
  public Operation write(String clientName, String key, String value, String nodeId) {
    return write(clientName, key, value, nodeId, null);
  }

  /** Starts a write and calls {@code whenDone} when the client has its answer (or gave up). */
  public Operation write(
      String clientName, String key, String value, String nodeId, Consumer<Operation> whenDone) {
    Client client = client(clientName, null);
    Operation.Kind kind = value == null ? Operation.Kind.DELETE : Operation.Kind.WRITE;
    Operation op = history.start(kind, clientName, nodeId, key, value, sim.nowUs());
    client.send(this, op, new Message.ClientWrite(op.id(), key, value), whenDone);
    return op;
  }

  /** Starts a read of a key from a node; the node answers once it has applied {@code minOffset}. */
  public Operation read(String clientName, String key, String nodeId, long minOffset) {
    return read(clientName, key, nodeId, minOffset, null);
  }

  /** Starts a read and calls {@code whenDone} when the client has its answer (or gave up). */
  public Operation read(
      String clientName, String key, String nodeId, long minOffset, Consumer<Operation> whenDone) {
    Client client = client(clientName, null);
    Operation op = history.start(Operation.Kind.READ, clientName, nodeId, key, null, sim.nowUs());
    client.send(this, op, new Message.ClientRead(op.id(), key, minOffset), whenDone);
    return op;
  }

  /** Starts a read with no session guarantee. */
  public Operation read(String clientName, String key, String nodeId) {
    return read(clientName, key, nodeId, 0);
  }

  /** The offset token a client's read carries at a consistency level. */
  public long readToken(String clientName, Consistency level) {
    return client(clientName, null).tokenFor(level);
  }

  /**
   * Where a client's read goes when it names no node: the leader for {@code consistency=leader} or
   * the default policy, otherwise the client's read router's choice.
   */
  public String routeRead(String clientName, String key, Consistency level, String policy) {
    return routing.route(client(clientName, null), key, level, policy);
  }

  private static dev.replab.engine.api.SessionGuarantee standardGuarantee(Consistency level) {
    return level == Consistency.MONOTONIC
        ? new dev.replab.engine.api.SessionGuarantees.Monotonic()
        : new dev.replab.engine.api.SessionGuarantees.ReadYourWrites();
  }

  /** Plugs in other session guarantees for every client, as an exercise's grader does. */
  public void setGuarantees(
      java.util.function.Function<Consistency, dev.replab.engine.api.SessionGuarantee> factory) {
    this.guarantees = level -> Guarded.guarantee(factory.apply(level));
    for (Client client : clients.values()) {
      client.useGuarantees(guarantees);
    }
  }

  public dev.replab.engine.api.LagMonitor lagMonitor() {
    return lagMonitor;
  }

  /** Plugs in another lag monitor, as an exercise's grader does. */
  public void setLagMonitor(dev.replab.engine.api.LagMonitor monitor) {
    this.lagMonitor = Guarded.lagMonitor(monitor);
  }

  /** Measures a follower's lag now through the lag monitor. */
  public dev.replab.engine.api.LagMonitor.Reading measureLag(Node follower) {
    Node leader = leader();
    long leaderEnd = leader == null ? follower.appliedOffset() : leader.log().lastOffset();
    long missingWritten = -1;
    if (leader != null && follower.appliedOffset() < leaderEnd) {
      missingWritten = leader.log().get(follower.appliedOffset() + 1).writtenUs();
    }
    long appliedWritten = follower.appliedOffset() == 0 ? -1 : follower.appliedWrittenUs();
    return lagMonitor.measure(
        new dev.replab.engine.api.LagMonitor.Inputs(
            sim.nowUs(), leaderEnd, follower.appliedOffset(), appliedWritten, missingWritten));
  }

  public boolean hasCustomRouter() {
    return routing.hasCustomRouter();
  }

  /** Plugs in a router used by {@code policy=custom}, as an exercise's grader does. */
  public void setCustomRouter(ReadRouter router) {
    routing.setCustomRouter(Guarded.router(router));
  }

  public void setClientConsistency(String name, Consistency level) {
    client(name, null).setConsistency(level);
  }

  public void setClientPolicy(String name, String policy) {
    client(name, null).setPolicy(policy);
  }

  /** Why a read was stale, or null when it was not. */
  public Staleness staleness(long opId) {
    return staleReads.get(opId);
  }

  /** The newest committed write of a key that no failover has discarded, or null. */
  public CommitJournal.Commit latestCommitted(String key) {
    return journal.latest(key, sim.nowUs());
  }

  public CommitJournal journal() {
    return journal;
  }

  /**
   * True while some follower that the leader can reach has not applied the leader's whole log. Used
   * by {@code settle}, so that a restarted follower is caught up before the world is quiet.
   */
  public boolean catchingUp() {
    Node leader = leader();
    if (leader == null || leader.state() != NodeState.UP) {
      return false;
    }
    for (Node node : nodes.values()) {
      boolean reachable =
          node.state() == NodeState.UP
              && network.reachable(leader.id(), node.id())
              && network.reachable(node.id(), leader.id());
      if (node != leader && reachable && node.appliedOffset() < leader.log().lastOffset()) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- faults and failover

  public void crash(String id) {
    nodes.get(id).crash();
    network.loseInFlightFrom(id);
    event(id, id + " crashed");
  }

  public void restart(String id) {
    nodes.get(id).restart();
    event(id, id + " restarted from its durable log at offset " + nodes.get(id).receivedOffset());
  }

  public void pause(String id) {
    nodes.get(id).pause();
    event(id, id + " paused");
  }

  public void resume(String id) {
    nodes.get(id).resume();
    event(id, id + " resumed");
  }

  /** Adds an empty follower at run time; it copies the leader's whole log. Returns its name. */
  public String addFollower(String region) {
    String id = "n" + (++nodesCreated);
    String home =
        region != null
            ? region
            : config.regions().get((nodesCreated - 1) % config.regions().size());
    Node leader = leader();
    Node node = new Node(id, home, this, Role.FOLLOWER, leader == null ? null : leader.id());
    nodes.put(id, node);
    network.register(id, home, node::deliver);
    node.join();
    for (Node other : nodes.values()) {
      other.addFollowerLink(id);
    }
    event(
        id, id + " added as a follower in " + home + "; it copies the leader's log from the start");
    return id;
  }

  /** Removes a follower from the cluster for good. */
  public void remove(String id) {
    Node node = nodes.remove(id);
    node.crash();
    network.loseInFlightFrom(id);
    for (Node other : nodes.values()) {
      other.removeFollowerLink(id);
    }
    event(id, id + " removed from the cluster");
  }

  /** Makes a node the leader of a new epoch; the others learn of it from its heartbeats. */
  public int promote(String id) {
    int newEpoch = nodes.values().stream().mapToInt(Node::epoch).max().orElse(0) + 1;
    event(
        id,
        id
            + " promoted to leader of epoch "
            + newEpoch
            + " at offset "
            + nodes.get(id).receivedOffset());
    nodes.get(id).promote(newEpoch);
    return newEpoch;
  }

  // ---------------------------------------------------------------- what nodes report

  List<String> peersOf(String id) {
    List<String> peers = new ArrayList<>(nodes.keySet());
    peers.remove(id);
    return peers;
  }

  long serviceUs() {
    return config.serviceUs();
  }

  long applyUs() {
    return config.applyUs();
  }

  long heartbeatUs() {
    return heartbeatUs;
  }

  /** The leader's heartbeat interval now. */
  public long heartbeat() {
    return heartbeatUs;
  }

  /** How long a leader still counts a silent follower as connected. */
  long connectionTimeoutUs() {
    return Math.max(10 * config.heartbeatUs(), 1_000_000);
  }

  int maxBatch() {
    return 1_000;
  }

  boolean ackOnApply() {
    return policy.ack() == QuorumPolicy.AckLevel.APPLIED && !policy.isAsync();
  }

  void committed(Node leader, LogEntry entry) {
    journal.add(entry, leader.id(), sim.nowUs());
  }

  void discarded(Node node, List<LogEntry> removed, String newLeader, int newEpoch) {
    Node leaderNode = newLeader == null ? null : nodes.get(newLeader);
    List<LogEntry> entries = new ArrayList<>();
    for (LogEntry entry : removed) {
      boolean leaderHasIt =
          leaderNode != null
              && entry.offset() <= leaderNode.log().lastOffset()
              && leaderNode.log().epochAt(entry.offset()) == entry.epoch();
      if (!leaderHasIt) {
        entries.add(entry);
      }
    }
    if (entries.isEmpty()) {
      return;
    }
    for (LogEntry entry : entries) {
      boolean wasCommitted = journal.markLost(entry, sim.nowUs());
      Operation op = history.get(entry.opId());
      if (op != null) {
        op.markLost(
            "offset "
                + entry.offset()
                + " of epoch "
                + entry.epoch()
                + " discarded by "
                + node.id()
                + " when it followed "
                + (newLeader == null ? "a newer leader" : newLeader)
                + " in epoch "
                + newEpoch
                + (wasCommitted ? " (it had been acknowledged)" : ""));
      }
    }
    event(
        node.id(),
        node.id()
            + " discarded "
            + entries.size()
            + (entries.size() == 1 ? " entry" : " entries")
            + " (offsets "
            + entries.get(0).offset()
            + ".."
            + entries.get(entries.size() - 1).offset()
            + ") that the leader of epoch "
            + newEpoch
            + " does not have");
  }

  void readServed(long opId, Node node, Versioned seen) {
    Operation op = history.get(opId);
    if (op == null) {
      return;
    }
    CommitJournal.Commit latest = journal.latest(op.key(), sim.nowUs());
    if (latest == null || !latest.version().newerThan(seen)) {
      return;
    }
    Node leader = leader();
    if (leader != null && !holds(leader, latest)) {
      staleReads.put(
          opId,
          new Staleness(
              node.id(), latest.value(), latest.offset(), latest.epoch(), 0, 0, latest.leader()));
      return;
    }
    long behindEntries =
        leader == null ? 0 : Math.max(0, leader.commitOffset() - node.appliedOffset());
    long behindUs = 0;
    if (leader != null && node.appliedOffset() < leader.log().lastOffset()) {
      behindUs = sim.nowUs() - leader.log().get(node.appliedOffset() + 1).writtenUs();
    }
    staleReads.put(
        opId,
        new Staleness(
            node.id(),
            latest.value(),
            latest.offset(),
            latest.epoch(),
            behindEntries,
            behindUs,
            null));
  }

  private static boolean holds(Node leader, CommitJournal.Commit commit) {
    return commit.offset() <= leader.log().lastOffset()
        && leader.log().epochAt(commit.offset()) == commit.epoch();
  }

  void replyArrived(Operation op, Message.ClientReply reply) {
    if (op.isWrite()) {
      op.acknowledged(reply.ackedBy(), reply.fellBackAfterUs());
    } else if (staleReads.containsKey(op.id())) {
      op.markStale();
    }
  }

  void leaderBegan(Node node) {
    terms.add(new RunRecord.Term(node.id(), node.epoch(), sim.nowUs()));
  }

  /** What the checkers read: operations, leadership terms and which writes survive. */
  public RunRecord runRecord() {
    Node leader = leader();
    java.util.Set<Long> surviving = new java.util.HashSet<>();
    if (leader != null) {
      for (long offset = 1; offset <= leader.log().lastOffset(); offset++) {
        surviving.add(leader.log().get(offset).opId());
      }
    }
    return new RunRecord(
        history.operations(),
        terms,
        leader == null ? null : leader.id(),
        surviving,
        journal.forCheckers());
  }

  /** Records the summary of a load that ran in the background. */
  public void noteLoad(String summary) {
    event(
        null, "background load finished: " + summary.replace("\n", "; ").replaceAll(" {2,}", " "));
  }

  void noteMonitor(String text) {
    event(Monitor.ID, text);
  }

  void noteMode(Node node, String what) {
    event(node.id(), node.id() + " " + what);
  }

  private void event(String node, String text) {
    events.add(new ClusterEvent(sim.nowUs(), node, text));
  }

  /** A read saw an older value than one already committed. */
  public record Staleness(
      String node,
      String latestValue,
      long latestOffset,
      int latestEpoch,
      long behindEntries,
      long behindUs,
      String orphanedBy) {
    /** One sentence for a learner. */
    public String explain() {
      if (orphanedBy != null) {
        return "the newest acknowledged write is "
            + (latestValue == null ? "a delete" : latestValue)
            + " at offset "
            + latestOffset
            + " of epoch "
            + latestEpoch
            + ", committed by "
            + orphanedBy
            + ", but the current leader's log does not have it: that write is lost";
      }
      return "newest committed is "
          + (latestValue == null ? "a delete" : latestValue)
          + " at offset "
          + latestOffset
          + "; "
          + node
          + " is "
          + behindEntries
          + (behindEntries == 1 ? " entry" : " entries")
          + " ("
          + Durations.format(behindUs)
          + ") behind";
    }
  }

  /** Something that happened to the cluster rather than to a client operation. */
  public record ClusterEvent(long atUs, String node, String text) {}

  /** Keys known to any node, sorted, for completion and {@code inspect}. */
  public List<String> knownKeys() {
    TreeMap<String, Boolean> keys = new TreeMap<>();
    for (Node node : nodes.values()) {
      for (String key : node.keys()) {
        keys.put(key, true);
      }
    }
    for (Operation op : history.operations()) {
      keys.put(op.key(), true);
    }
    return List.copyOf(keys.keySet());
  }

  /** A one-line picture of the cluster, as {@code :java cluster} shows it. */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder("leader-follower cluster at t=" + Durations.format(sim.nowUs()) + ":");
    for (Node node : nodes.values()) {
      text.append(' ')
          .append(node.id())
          .append(" (")
          .append(node.role().name().toLowerCase(java.util.Locale.ROOT))
          .append(
              node.state() == NodeState.UP
                  ? ""
                  : ", " + node.state().name().toLowerCase(java.util.Locale.ROOT))
          .append(", epoch ")
          .append(node.epoch())
          .append(", offset ")
          .append(node.receivedOffset())
          .append(')');
    }
    return text.append("; setquorum ").append(policy.describe()).toString();
  }
}
