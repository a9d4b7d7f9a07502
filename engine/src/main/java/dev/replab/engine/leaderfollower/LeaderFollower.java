package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.CommitRule;
import dev.replab.engine.api.EpochFence;
import dev.replab.engine.api.FailureDetector;
import dev.replab.engine.api.FencingGuard;
import dev.replab.engine.api.LagMonitor;
import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.api.ReadRouter;
import dev.replab.engine.api.SessionGuarantee;
import dev.replab.engine.api.StandardCommitRule;
import dev.replab.engine.api.StandardLagMonitor;
import dev.replab.engine.api.StandardStreamApplier;
import dev.replab.engine.api.StreamApplier;
import dev.replab.engine.api.TimeoutDetector;
import dev.replab.engine.api.UpToDateVoteRule;
import dev.replab.engine.api.VoteRule;
import dev.replab.engine.check.RunRecord;
import dev.replab.engine.cluster.Client;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.cluster.NodeState;
import dev.replab.engine.cluster.Reply;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.History;
import dev.replab.engine.history.Operation;
import dev.replab.engine.model.ModelDefinition;
import dev.replab.engine.model.ReplicationModel;
import dev.replab.engine.model.Started;
import dev.replab.engine.net.Network;
import dev.replab.engine.sim.Durations;
import dev.replab.engine.sim.Simulation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Leader-follower replication on a cluster: one leader orders writes into its log and streams it to
 * followers, which apply it in order; commits wait for as many acknowledgements as {@code
 * setquorum} asks; failover is manual or automatic. This class holds the model's shared state (the
 * commit rule, failover settings, plug-ins, the simulator's record of commits) and answers the
 * kernel; the nodes themselves are {@link Node}s.
 */
public final class LeaderFollower implements ReplicationModel {
  /** How the command language knows this model: the one line {@code Models} registers. */
  public static final ModelDefinition DEFINITION = new LeaderFollowerDefinition();

  private final Cluster cluster;
  private final LeaderFollowerOptions options;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final CommitJournal journal = new CommitJournal();
  private final Map<Long, Staleness> staleReads = new HashMap<>();
  private final List<RunRecord.Term> terms = new ArrayList<>();
  private final LagRecorder lagRecorder = new LagRecorder(this);
  private final ReadRouting routing = new ReadRouting(this);
  private final Sessions sessions = new Sessions();
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
  private LagMonitor lagMonitor = new StandardLagMonitor();

  LeaderFollower(Cluster cluster, LeaderFollowerOptions options) {
    this.cluster = cluster;
    this.options = options;
    this.policy = options.policy();
    this.heartbeatUs = options.heartbeatUs();
    for (int i = 1; i <= cluster.spec().nodes(); i++) {
      Role role = i == 1 ? Role.LEADER : Role.FOLLOWER;
      cluster.addHost(null, host -> addNode(new Node(host, this, role, "n1")));
    }
    for (Node node : nodes.values()) {
      node.start();
    }
  }

  private Node addNode(Node node) {
    nodes.put(node.id(), node);
    return node;
  }

  @Override
  public void started() {
    lagRecorder.start();
  }

  @Override
  public ModelDefinition definition() {
    return DEFINITION;
  }

  @Override
  public LeaderFollowerOptions options() {
    return options;
  }

  // ---------------------------------------------------------------- parts

  /** The kernel this model runs on. */
  public Cluster cluster() {
    return cluster;
  }

  public Simulation sim() {
    return cluster.sim();
  }

  public Network network() {
    return cluster.network();
  }

  public History history() {
    return cluster.history();
  }

  /** What happened to the cluster rather than to client operations. */
  public List<Cluster.ClusterEvent> events() {
    return cluster.events();
  }

  public QuorumPolicy policy() {
    return policy;
  }

  /** Changes the commit rule's setting; every leader starts over under it. */
  public void setPolicy(QuorumPolicy policy) {
    this.policy = policy;
    cluster.event(null, "commit rule set to setquorum " + policy.describe());
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

  @Override
  public Map<String, List<LagPoint>> lagTimeline() {
    Map<String, List<LagPoint>> timeline = new LinkedHashMap<>();
    lagHistory()
        .forEach(
            (node, samples) ->
                timeline.put(
                    node, samples.stream().map(s -> new LagPoint(s.atUs(), s.lagUs())).toList()));
    return timeline;
  }

  // ---------------------------------------------------------------- failover

  public FailoverSettings failover() {
    return failover;
  }

  /** Changes how failover works; heartbeats change to {@code newHeartbeatUs}. */
  public void setFailover(FailoverSettings settings, long newHeartbeatUs) {
    this.failover = settings;
    this.heartbeatUs = newHeartbeatUs;
    for (Node node : nodes.values()) {
      node.resetDetector();
    }
    cluster.event(
        null, "failover " + settings.describe() + " heartbeat=" + Durations.format(newHeartbeatUs));
    if (settings.auto() && settings.monitor()) {
      if (monitor == null) {
        monitor = new Monitor(this, cluster.spec().regions().get(0));
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
    return detectors.apply(failover.detectUs(), sim().nowUs());
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
        cluster.event(
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
      cluster.crash(
          target, "STONITH: " + by + " powered off " + target + " before a new leader took over");
    }
  }

  // ---------------------------------------------------------------- nodes

  /** The nodes in creation order, without copying (for the hot path of read routing). */
  Collection<Node> nodesInOrder() {
    return java.util.Collections.unmodifiableCollection(nodes.values());
  }

  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  public Node node(String id) {
    return nodes.get(id);
  }

  public List<String> nodeIds() {
    return cluster.nodeIds();
  }

  List<String> peersOf(String id) {
    return cluster.peersOf(id);
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

  /** The leader's name, or null when none is up. */
  public String leaderName() {
    Node leader = leader();
    return leader == null ? null : leader.id();
  }

  @Override
  public List<String> writers() {
    Node leader = leader();
    return leader == null ? List.of() : List.of(leader.id());
  }

  /**
   * Where a client sends an operation that names no node. Through a proxy that is always the
   * current leader; through DNS it is whatever the client's cached record says until it expires.
   */
  public String route(String clientName) {
    Client client = cluster.client(clientName, null);
    if (failover.redirect() == FailoverSettings.Redirect.DNS) {
      return client.resolve(sim().nowUs(), dnsRecord, failover.ttlUs());
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

  /** Adds an empty follower at run time; it copies the leader's whole log. Returns its name. */
  public String addFollower(String region) {
    Node leader = leader();
    String leaderId = leader == null ? null : leader.id();
    String id =
        cluster
            .addHost(region, host -> addNode(new Node(host, this, Role.FOLLOWER, leaderId)))
            .id();
    Node node = nodes.get(id);
    node.join();
    for (Node other : nodes.values()) {
      other.addFollowerLink(node.id());
    }
    cluster.event(
        node.id(),
        node.id()
            + " added as a follower in "
            + node.region()
            + "; it copies the leader's log from the start");
    return node.id();
  }

  /** Removes a follower from the cluster for good. */
  public void remove(String id) {
    cluster.removeHost(id);
    nodes.remove(id);
    for (Node other : nodes.values()) {
      other.removeFollowerLink(id);
    }
    cluster.event(id, id + " removed from the cluster");
  }

  /** Makes a node the leader of a new epoch; the others learn of it from its heartbeats. */
  public int promote(String id) {
    int newEpoch = nodes.values().stream().mapToInt(Node::epoch).max().orElse(0) + 1;
    cluster.event(
        id,
        id
            + " promoted to leader of epoch "
            + newEpoch
            + " at offset "
            + nodes.get(id).receivedOffset());
    nodes.get(id).promote(newEpoch);
    return newEpoch;
  }

  // ---------------------------------------------------------------- clients

  @Override
  public void clientAdded(Client client) {
    client.setPolicy(options.readPolicy());
    sessions.open(client.name());
  }

  @Override
  public void answered(Client client, Operation op, Reply reply) {
    Answer answer = Answer.of(reply);
    sessions.answered(client.name(), op.isWrite(), reply.version(), answer.appliedOffset());
    if (op.isWrite()) {
      op.acknowledged(answer.ackedBy(), answer.fellBackAfterUs());
    } else if (staleReads.containsKey(op.id())) {
      op.markStale();
    }
  }

  /** Starts a write (a delete when {@code value} is null) from a client to a node. */
  public Operation write(String clientName, String key, String value, String nodeId) {
    return write(clientName, key, value, nodeId, null);
  }

  /** Starts a write and calls {@code whenDone} when the client has its answer (or gave up). */
  public Operation write(
      String clientName, String key, String value, String nodeId, Consumer<Operation> whenDone) {
    Operation.Kind kind = value == null ? Operation.Kind.DELETE : Operation.Kind.WRITE;
    return cluster.startOperation(
        kind,
        clientName,
        nodeId,
        key,
        value,
        id -> new Message.ClientWrite(id, key, value),
        whenDone);
  }

  /** Starts a read of a key from a node; the node answers once it has applied {@code minOffset}. */
  public Operation read(String clientName, String key, String nodeId, long minOffset) {
    return read(clientName, key, nodeId, minOffset, null);
  }

  /** Starts a read and calls {@code whenDone} when the client has its answer (or gave up). */
  public Operation read(
      String clientName, String key, String nodeId, long minOffset, Consumer<Operation> whenDone) {
    return cluster.startOperation(
        Operation.Kind.READ,
        clientName,
        nodeId,
        key,
        null,
        id -> new Message.ClientRead(id, key, minOffset),
        whenDone);
  }

  /** Starts a read with no session guarantee. */
  public Operation read(String clientName, String key, String nodeId) {
    return read(clientName, key, nodeId, 0);
  }

  @Override
  public Operation startWrite(String client, String key, String value, Consumer<Operation> done) {
    return write(client, key, value, route(client), done);
  }

  @Override
  public Operation startRead(
      String client, String key, Consistency level, String policy, Consumer<Operation> done) {
    String node = routeRead(client, key, level, policy);
    return read(client, key, node, readToken(client, level), done);
  }

  @Override
  public Started write(Command.Write command, String client) {
    return ClientOps.write(this, command, client);
  }

  @Override
  public Started read(Command.Read command, String client) {
    return ClientOps.read(this, command, client);
  }

  /** The offset token a client's read carries at a consistency level. */
  public long readToken(String clientName, Consistency level) {
    return sessions.tokenFor(clientName, level);
  }

  /**
   * Where a client's read goes when it names no node: the leader for {@code consistency=leader} or
   * the default policy, otherwise the client's read router's choice.
   */
  public String routeRead(String clientName, String key, Consistency level, String policy) {
    return routing.route(cluster.client(clientName, null), key, level, policy);
  }

  /** Plugs in other session guarantees for every client, as an exercise's grader does. */
  public void setGuarantees(Function<Consistency, SessionGuarantee> factory) {
    sessions.setGuarantees(level -> Guarded.guarantee(factory.apply(level)));
  }

  public LagMonitor lagMonitor() {
    return lagMonitor;
  }

  /** Plugs in another lag monitor, as an exercise's grader does. */
  public void setLagMonitor(LagMonitor monitor) {
    this.lagMonitor = Guarded.lagMonitor(monitor);
  }

  /** Measures a follower's lag now through the lag monitor. */
  public LagMonitor.Reading measureLag(Node follower) {
    Node leader = leader();
    long leaderEnd = leader == null ? follower.appliedOffset() : leader.log().lastOffset();
    long missingWritten = -1;
    if (leader != null && follower.appliedOffset() < leaderEnd) {
      missingWritten = leader.log().get(follower.appliedOffset() + 1).writtenUs();
    }
    long appliedWritten = follower.appliedOffset() == 0 ? -1 : follower.appliedWrittenUs();
    return lagMonitor.measure(
        new LagMonitor.Inputs(
            sim().nowUs(), leaderEnd, follower.appliedOffset(), appliedWritten, missingWritten));
  }

  @Override
  public boolean hasCustomRouter() {
    return routing.hasCustomRouter();
  }

  /** Plugs in a router used by {@code policy=custom}, as an exercise's grader does. */
  public void setCustomRouter(ReadRouter router) {
    routing.setCustomRouter(Guarded.router(router));
  }

  /** Why a read was stale, or null when it was not. */
  public Staleness staleness(long opId) {
    return staleReads.get(opId);
  }

  /** The newest committed write of a key that no failover has discarded, or null. */
  public CommitJournal.Commit latestCommitted(String key) {
    return journal.latest(key, sim().nowUs());
  }

  public CommitJournal journal() {
    return journal;
  }

  // ---------------------------------------------------------------- the kernel's questions

  /**
   * True while some follower that the leader can reach has not applied the leader's whole log. Used
   * by {@code settle}, so that a restarted follower is caught up before the world is quiet.
   */
  @Override
  public boolean catchingUp() {
    Node leader = leader();
    if (leader == null || leader.state() != NodeState.UP) {
      return false;
    }
    for (Node node : nodes.values()) {
      boolean reachable =
          node.state() == NodeState.UP
              && network().reachable(leader.id(), node.id())
              && network().reachable(node.id(), leader.id());
      if (node != leader && reachable && node.appliedOffset() < leader.log().lastOffset()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Result created(long seed) {
    return LeaderFollowerViews.created(this, seed);
  }

  @Override
  public String faultDone(Command.Fault.Kind kind, String node) {
    return LeaderFollowerViews.faultDone(this, kind, node);
  }

  @Override
  public String restartEvent(String node) {
    return node + " restarted from its durable log at offset " + nodes.get(node).receivedOffset();
  }

  @Override
  public String partitioned(List<String> sources, List<String> targets, boolean oneWay) {
    if (monitor == null || oneWay) {
      return "";
    }
    // The monitor runs beside the larger group, as an operator would place it.
    List<String> far = sources.size() > targets.size() ? targets : sources;
    for (String node : far) {
      network().cut(Monitor.ID, node);
      network().cut(node, Monitor.ID);
    }
    return "; the monitor stays with " + String.join(" ", far == sources ? targets : sources);
  }

  @Override
  public Result status() {
    return LeaderFollowerViews.status(this);
  }

  @Override
  public Result inspect(String key) {
    return LeaderFollowerViews.inspect(this, key);
  }

  @Override
  public Result why(Operation op) {
    return Why.explain(this, op);
  }

  @Override
  public List<String> frame(boolean unicode) {
    return WatchFrame.frame(this, unicode);
  }

  @Override
  public List<LagNow> lagNow() {
    Node leader = leader();
    if (leader == null) {
      return List.of();
    }
    long now = sim().nowUs();
    List<LagNow> lagging = new ArrayList<>();
    for (Node node : nodes.values()) {
      long behind = leader.log().lastOffset() - node.appliedOffset();
      if (node != leader && behind > 0) {
        long lagUs = now - leader.log().get(node.appliedOffset() + 1).writtenUs();
        lagging.add(new LagNow(node.id(), behind, lagUs));
      }
    }
    return lagging;
  }

  @Override
  public Collection<String> keysStored() {
    TreeSet<String> keys = new TreeSet<>();
    for (Node node : nodes.values()) {
      keys.addAll(node.keys());
    }
    return keys;
  }

  /** What the checkers read: operations, leadership terms and which writes survive. */
  @Override
  public RunRecord runRecord() {
    Node leader = leader();
    java.util.Set<Long> surviving = new java.util.HashSet<>();
    if (leader != null) {
      for (long offset = 1; offset <= leader.log().lastOffset(); offset++) {
        surviving.add(leader.log().get(offset).opId());
      }
    }
    String leaderId = leader == null ? null : leader.id();
    RunRecord.Shape shape = RunRecord.Shape.leaderLog(leaderId);
    boolean quiet = !sim().busy() && !catchingUp();
    return new RunRecord(
        history().operations(),
        terms,
        leaderId,
        surviving,
        journal.forCheckers(),
        new RunRecord.Shape(
            shape.leaders(), shape.totalOrder(), shape.notHeld(), shape.noHolder(), quiet, false),
        copies());
  }

  /** Every key's value on each node that is up: after settle, every follower should agree. */
  private List<RunRecord.Copies> copies() {
    List<RunRecord.Copies> copies = new ArrayList<>();
    for (String key : keysStored()) {
      Map<String, String> byNode = new LinkedHashMap<>();
      for (Node node : nodes.values()) {
        if (node.state() == NodeState.UP) {
          Versioned seen = node.valueOf(key);
          byNode.put(
              node.id(),
              (seen.value() == null ? "(none)" : seen.value()) + " at offset " + seen.offset());
        }
      }
      copies.add(new RunRecord.Copies(key, byNode));
    }
    return copies;
  }

  @Override
  public String clockNote(String node) {
    return "; leader-follower orders writes by log position, so nothing here reads that clock";
  }

  // ---------------------------------------------------------------- what nodes report

  long applyUs() {
    return options.applyUs();
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
    return Math.max(10 * options.heartbeatUs(), 1_000_000);
  }

  int maxBatch() {
    return 1_000;
  }

  boolean ackOnApply() {
    return policy.ack() == QuorumPolicy.AckLevel.APPLIED && !policy.isAsync();
  }

  void committed(Node leader, LogEntry entry) {
    journal.add(entry, leader.id(), sim().nowUs());
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
      boolean wasCommitted = journal.markLost(entry, sim().nowUs());
      Operation op = history().get(entry.opId());
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
    cluster.event(
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
    Operation op = history().get(opId);
    if (op == null) {
      return;
    }
    CommitJournal.Commit latest = journal.latest(op.key(), sim().nowUs());
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
      behindUs = sim().nowUs() - leader.log().get(node.appliedOffset() + 1).writtenUs();
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

  void leaderBegan(Node node) {
    terms.add(new RunRecord.Term(node.id(), node.epoch(), sim().nowUs()));
  }

  void noteMonitor(String text) {
    cluster.event(Monitor.ID, text);
  }

  void noteMode(Node node, String what) {
    cluster.event(node.id(), node.id() + " " + what);
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

  /** A one-line picture of the cluster, as {@code :java cluster} shows it. */
  @Override
  public String describe() {
    StringBuilder text =
        new StringBuilder("leader-follower cluster at t=" + Durations.format(sim().nowUs()) + ":");
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

  @Override
  public String toString() {
    return describe();
  }
}
