package dev.replab.engine.leaderless;

import dev.replab.engine.check.RunRecord;
import dev.replab.engine.cluster.Client;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.cluster.Host;
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
import dev.replab.engine.sim.Rng;
import dev.replab.engine.sim.Simulation;
import dev.replab.engine.store.VersionVector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Leaderless replication in the style of Dynamo, Riak and Cassandra: every key lives on the first N
 * nodes of a consistent-hashing ring; any node coordinates a client's request, sends it to all N
 * replicas and answers once W (for a write) or R (for a read) of them replied. Read repair,
 * anti-entropy with Merkle trees and hinted handoff bring stale replicas back in line.
 */
public final class Leaderless implements ReplicationModel {
  /** How the command language knows this model: the one line {@code Models} registers. */
  public static final ModelDefinition DEFINITION = new LeaderlessDefinition();

  /** How many read stories {@code why} keeps. */
  static final int TRACES_KEPT = 10_000;

  private final Cluster cluster;
  private final LeaderlessOptions created;
  private LeaderlessOptions options;
  private Ring ring;
  private final Map<String, Replica> replicas = new LinkedHashMap<>();
  private final Maintenance maintenance = new Maintenance(this);
  private final Map<String, Map<String, VersionVector>> contexts = new HashMap<>();
  private final Map<String, List<Acked>> acked = new HashMap<>();
  private final Map<String, List<Version>> ackedSoFar = new HashMap<>();
  private final List<Acked> ackedInOrder = new ArrayList<>();
  private final Map<Long, String> staleWhy = new HashMap<>();
  private final LinkedHashMap<Long, ReadTrace> traces =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ReadTrace> eldest) {
          return size() > TRACES_KEPT;
        }
      };
  private final LinkedHashMap<Long, Answer> answers =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Answer> eldest) {
          return size() > TRACES_KEPT;
        }
      };
  private final Map<String, Integer> turns = new HashMap<>();
  private final Rng pick;

  /**
   * A write a client was told had succeeded, with the version W replicas took and when its
   * coordinator had their acknowledgements (the moment a later read must see it).
   */
  record Acked(long opId, String key, String value, Version version, long atUs) {}

  Leaderless(Cluster cluster, LeaderlessOptions options) {
    this.cluster = cluster;
    this.created = options;
    this.options = options;
    this.pick = cluster.sim().rng("coordinator choice");
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= cluster.spec().nodes(); i++) {
      Host host = cluster.addHost(null, h -> add(new Replica(h, this)));
      ids.add(host.id());
    }
    this.ring = Ring.of(options.vnodes(), ids.subList(0, ids.size() - options.coordinators()));
    for (Replica replica : replicas.values()) {
      replica.start();
    }
  }

  private Replica add(Replica replica) {
    replicas.put(replica.id(), replica);
    return replica;
  }

  @Override
  public ModelDefinition definition() {
    return DEFINITION;
  }

  /** The options the cluster was created with. */
  @Override
  public LeaderlessOptions options() {
    return created;
  }

  /** The settings in force now, after any {@code setquorum}. */
  LeaderlessOptions settings() {
    return options;
  }

  // ---------------------------------------------------------------- parts

  public Cluster cluster() {
    return cluster;
  }

  Simulation sim() {
    return cluster.sim();
  }

  Network network() {
    return cluster.network();
  }

  History history() {
    return cluster.history();
  }

  Maintenance maintenance() {
    return maintenance;
  }

  Ring ring() {
    return ring;
  }

  Replica replica(String id) {
    return replicas.get(id);
  }

  List<Replica> replicas() {
    return List.copyOf(replicas.values());
  }

  List<Replica> replicasUp() {
    List<Replica> up = new ArrayList<>();
    for (Replica replica : replicas.values()) {
      if (replica.host().up()) {
        up.add(replica);
      }
    }
    return up;
  }

  List<String> peersOf(String id) {
    return cluster.peersOf(id);
  }

  /** The quorum now: N replicas per key, W acknowledgements per write, R answers per read. */
  public int n() {
    return options.n();
  }

  public int w() {
    return options.w();
  }

  public int r() {
    return options.r();
  }

  /** Changes N, W and R; keys keep the data they have and new writes follow the new lists. */
  void setQuorum(int n, int w, int r) {
    options = options.withQuorum(n, w, r);
    cluster.event(null, "quorum set to n=" + n + " w=" + w + " r=" + r);
  }

  /** The N nodes that should hold a key, clockwise from its place on the ring. */
  public List<String> preferenceList(String key) {
    return ring.preferenceList(key, options.n());
  }

  /** The ring as an SVG drawing, with {@code key}'s place and preference list. */
  public String ringPicture(String key) {
    List<dev.replab.engine.render.RingSvg.Token> tokens = new ArrayList<>();
    for (Ring.Token token : ring.tokens()) {
      tokens.add(new dev.replab.engine.render.RingSvg.Token(token.position(), token.node()));
    }
    return dev.replab.engine.render.RingSvg.render(
        List.copyOf(ring.nodes()), tokens, key, Ring.position(key), preferenceList(key));
  }

  /**
   * True when {@code source} can tell that {@code target} is working: it is not crashed and the
   * links both ways are not cut. (The simulator lends coordinators a perfect failure detector; a
   * paused node still looks healthy and simply does not answer.)
   */
  boolean healthyFrom(String source, String target) {
    if (source.equals(target)) {
      return true;
    }
    Host host = cluster.host(target);
    return host != null
        && host.state() != NodeState.CRASHED
        && network().reachable(source, target)
        && network().reachable(target, source);
  }

  /**
   * Where a coordinator sends a key's requests: its N owners, or under a sloppy quorum the healthy
   * owners and, for each unreachable one, the next healthy node with a hint.
   */
  List<Ring.Placement> placements(String coordinator, String key) {
    if (!options.sloppy()) {
      List<Ring.Placement> strict = new ArrayList<>();
      for (String node : preferenceList(key)) {
        strict.add(new Ring.Placement(node, null));
      }
      return strict;
    }
    Set<String> healthy = new TreeSet<>();
    for (String node : cluster.nodeIds()) {
      if (healthyFrom(coordinator, node)) {
        healthy.add(node);
      }
    }
    return ring.sloppyPreferenceList(key, options.n(), healthy);
  }

  // ---------------------------------------------------------------- clients

  @Override
  public void clientAdded(Client client) {
    client.setPolicy("nearest");
  }

  /**
   * The node a client's request goes to when it names none: by default the nearest node that is not
   * down, as a client library with a latency-aware load balancing policy picks.
   */
  String coordinatorFor(String clientName, String policy) {
    Client client = cluster.client(clientName, null);
    String chosen = policy != null ? policy : client.policy();
    List<String> candidates = new ArrayList<>();
    for (Replica replica : replicas.values()) {
      if (replica.host().state() != NodeState.CRASHED) {
        candidates.add(replica.id());
      }
    }
    if (candidates.isEmpty()) {
      return cluster.nodeIds().get(0);
    }
    return switch (chosen) {
      case "round-robin" ->
          candidates.get(turns.merge(clientName, 1, Integer::sum) % candidates.size());
      case "random" -> candidates.get(pick.nextInt(candidates.size()));
      default -> nearest(client, candidates);
    };
  }

  private String nearest(Client client, List<String> candidates) {
    String best = candidates.get(0);
    double bestUs = Double.MAX_VALUE;
    for (String node : candidates) {
      double us = client.meanLatencyTo(node, network());
      if (us < bestUs) {
        best = node;
        bestUs = us;
      }
    }
    return best;
  }

  /**
   * Starts a write through a coordinator; {@code tsUs} -1 lets the coordinator's clock stamp it.
   */
  Operation startWrite(
      String client, String key, String value, String via, long tsUs, Consumer<Operation> done) {
    Operation.Kind kind = value == null ? Operation.Kind.DELETE : Operation.Kind.WRITE;
    VersionVector context = options.vector() ? contextOf(client, key) : null;
    return cluster.startOperation(
        kind, client, via, key, value, id -> new Message.Put(id, key, value, tsUs, context), done);
  }

  Operation startRead(String client, String key, String via, Consumer<Operation> done) {
    return cluster.startOperation(
        Operation.Kind.READ, client, via, key, null, id -> new Message.Get(id, key), done);
  }

  @Override
  public Operation startWrite(String client, String key, String value, Consumer<Operation> done) {
    return startWrite(client, key, value, coordinatorFor(client, null), -1, done);
  }

  @Override
  public Operation startRead(
      String client, String key, Consistency level, String policy, Consumer<Operation> done) {
    return startRead(client, key, coordinatorFor(client, policy), done);
  }

  @Override
  public Started write(Command.Write command, String client) {
    return LeaderlessViews.write(this, command, client);
  }

  @Override
  public Started read(Command.Read command, String client) {
    return LeaderlessViews.read(this, command, client);
  }

  /** The context a client last got for a key, which its next write supersedes. */
  VersionVector contextOf(String client, String key) {
    return contexts.getOrDefault(client, Map.of()).getOrDefault(key, VersionVector.empty());
  }

  @Override
  public void answered(Client client, Operation op, Reply reply) {
    Answer answer = Answer.of(reply);
    if (answer == null) {
      return;
    }
    answers.put(op.id(), answer);
    if (answer.context() != null) {
      contexts.computeIfAbsent(client.name(), c -> new HashMap<>()).put(op.key(), answer.context());
    }
    if (op.isWrite()) {
      Acked write =
          new Acked(op.id(), op.key(), op.written(), answer.version(), answer.committedUs());
      remember(write);
      ackedInOrder.add(write);
    } else {
      judgeRead(op, answer.version());
    }
  }

  /**
   * Keeps a key's acknowledged writes in the order their coordinators committed them, each with the
   * merge of every write up to it. Answers usually arrive in that order, so the insertion point is
   * nearly always the end.
   */
  private void remember(Acked write) {
    List<Acked> writes = acked.computeIfAbsent(write.key(), k -> new ArrayList<>());
    List<Version> soFar = ackedSoFar.computeIfAbsent(write.key(), k -> new ArrayList<>());
    int at = writes.size();
    while (at > 0 && writes.get(at - 1).atUs() > write.atUs()) {
      at--;
    }
    writes.add(at, write);
    soFar.subList(at, soFar.size()).clear();
    for (int i = at; i < writes.size(); i++) {
      Version version = writes.get(i).version();
      soFar.add(i == 0 ? version : soFar.get(i - 1).merge(version));
    }
  }

  /**
   * A read is stale when a write of its key had completed before it began and the version it
   * returned does not include that write. Writes are kept in the order they completed with the
   * merge of all of them so far, so one comparison decides.
   */
  private void judgeRead(Operation read, Version returned) {
    List<Acked> writes = acked.getOrDefault(read.key(), List.of());
    int before = writes.size() - 1;
    while (before >= 0 && writes.get(before).atUs() >= read.invokeUs()) {
      before--;
    }
    if (before < 0) {
      return;
    }
    Version everything = ackedSoFar.get(read.key()).get(before);
    if (returned != null && returned.covers(everything)) {
      return;
    }
    read.markStale();
    for (int i = before; i >= 0; i--) {
      Acked write = writes.get(i);
      if (returned == null || !returned.covers(write.version())) {
        staleWhy.put(read.id(), missed(write));
        return;
      }
    }
  }

  private static String missed(Acked write) {
    return (write.value() == null
            ? "the delete of " + write.key()
            : write.key() + "=" + write.value())
        + " (op #"
        + write.opId()
        + ", "
        + write.version().stamp()
        + ") had been acknowledged at "
        + dev.replab.engine.sim.Durations.format(write.atUs())
        + ", before this read began, and none of the replicas that answered first had it";
  }

  /** The replicas whose acknowledgements completed a recent write. */
  List<String> ackedBy(long opId) {
    Answer answer = answers.get(opId);
    return answer == null ? List.of() : answer.replicas();
  }

  /** The siblings a recent read returned (empty for a single value). */
  List<String> siblings(long opId) {
    Answer answer = answers.get(opId);
    return answer == null ? List.of() : answer.siblings();
  }

  /** Why a read was stale, or null. */
  String staleWhy(long opId) {
    return staleWhy.get(opId);
  }

  ReadTrace traceRead(long opId, String coordinator) {
    ReadTrace trace = new ReadTrace(opId, coordinator, sim().nowUs());
    traces.put(opId, trace);
    return trace;
  }

  ReadTrace trace(long opId) {
    return traces.get(opId);
  }

  // ---------------------------------------------------------------- repair notes

  void repaired(Replica replica, Message.Repair repair, boolean changed) {
    maintenance.repairArrived(repair, changed);
  }

  void hinted(Replica replica, String owner, String key) {
    cluster.event(
        replica.id(),
        replica.id()
            + " holds a hint for "
            + owner
            + ": "
            + key
            + " ("
            + owner
            + " is unreachable)");
  }

  void noteHandoff(Replica replica, Replica.Hint hint) {
    cluster.event(
        replica.id(),
        replica.id()
            + " handed "
            + hint.key()
            + " back to "
            + hint.owner()
            + " and dropped the hint");
  }

  // ---------------------------------------------------------------- the kernel's questions

  @Override
  public boolean catchingUp() {
    for (Replica replica : replicas.values()) {
      if (!replica.host().up()) {
        continue;
      }
      for (Replica.Hint hint : replica.hints()) {
        if (healthyFrom(replica.id(), hint.owner()) && cluster.host(hint.owner()).up()) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public Result created(long seed) {
    return LeaderlessViews.created(this, seed);
  }

  @Override
  public String faultDone(Command.Fault.Kind kind, String node) {
    return LeaderlessViews.faultDone(this, kind, node);
  }

  @Override
  public String restartEvent(String node) {
    return node
        + " restarted with "
        + LeaderlessViews.count(replicas.get(node).keyCount(), "key")
        + " it had stored";
  }

  @Override
  public String clockNote(String node) {
    return options.vector()
        ? "; versions=vector orders writes by version vectors, so nothing here reads that clock"
        : "; writes " + node + " coordinates carry its clock's timestamps, and the highest wins";
  }

  @Override
  public Result status() {
    return LeaderlessViews.status(this);
  }

  @Override
  public Result inspect(String key) {
    return LeaderlessViews.inspect(this, key);
  }

  @Override
  public Result why(Operation op) {
    return Why.explain(this, op);
  }

  @Override
  public List<String> frame(boolean unicode) {
    return LeaderlessViews.frame(this, unicode);
  }

  @Override
  public Collection<String> keysStored() {
    Set<String> keys = new TreeSet<>();
    for (Replica replica : replicas.values()) {
      keys.addAll(replica.keys());
    }
    return keys;
  }

  @Override
  public RunRecord runRecord() {
    Set<Long> surviving = new HashSet<>();
    List<RunRecord.Commit> commits = new ArrayList<>();
    for (Acked write : ackedInOrder) {
      if (held(write)) {
        surviving.add(write.opId());
      }
      commits.add(
          new RunRecord.Commit(
              write.key(),
              write.value(),
              0,
              write.version().order(),
              write.opId(),
              write.atUs(),
              -1));
    }
    RunRecord.Shape shape =
        new RunRecord.Shape(
            false,
            !options.vector(),
            "no replica holds it, nor a version that includes it",
            null,
            !sim().busy(),
            true);
    return new RunRecord(
        history().operations(),
        List.of(),
        null,
        surviving,
        options.vector() ? List.of() : commits,
        shape,
        copies());
  }

  /** True when some replica, or some hint, holds the write or a version that includes it. */
  private boolean held(Acked write) {
    for (Replica replica : replicas.values()) {
      Version version = replica.holding(write.key());
      if (version != null && version.covers(write.version())) {
        return true;
      }
    }
    return false;
  }

  private List<RunRecord.Copies> copies() {
    List<RunRecord.Copies> copies = new ArrayList<>();
    for (String key : keysStored()) {
      Map<String, String> byNode = new LinkedHashMap<>();
      for (String node : preferenceList(key)) {
        Replica replica = replicas.get(node);
        if (replica != null && replica.host().up()) {
          Version version = replica.stored(key);
          byNode.put(node, version == null ? "(none)" : version.describe());
        }
      }
      copies.add(new RunRecord.Copies(key, byNode));
    }
    return copies;
  }

  @Override
  public String describe() {
    StringBuilder text =
        new StringBuilder(
            "leaderless cluster at t="
                + dev.replab.engine.sim.Durations.format(sim().nowUs())
                + " (n="
                + options.n()
                + " w="
                + options.w()
                + " r="
                + options.r()
                + "):");
    for (Replica replica : replicas.values()) {
      text.append(' ')
          .append(replica.id())
          .append(" (")
          .append(replica.host().state().name().toLowerCase(java.util.Locale.ROOT))
          .append(", ")
          .append(replica.keyCount())
          .append(" keys, ")
          .append(replica.hints().size())
          .append(" hints)");
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
