package dev.replab.engine.multileader;

import dev.replab.engine.api.ConflictResolver;
import dev.replab.engine.check.RunRecord;
import dev.replab.engine.cluster.Client;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.cluster.Host;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Multi-leader replication across datacenters: each datacenter has a leader that accepts its local
 * clients' writes at once and replicates them asynchronously to the other leaders along a topology
 * (all-to-all, a ring or a star), and followers that copy their own leader. Two datacenters can
 * write one key at the same time; version vectors detect it, and the cluster's conflict strategy
 * (last write wins, CRDT merges, siblings, or the application's resolver) decides what stays.
 */
public final class MultiLeader implements ReplicationModel {
  /** How the command language knows this model: the one line {@code Models} registers. */
  public static final ModelDefinition DEFINITION = new MultiLeaderDefinition();

  /** How many writes {@code why} remembers the spread of. */
  static final int SPREADS_KEPT = 10_000;

  private final Cluster cluster;
  private final MultiLeaderOptions created;
  private MultiLeaderOptions options;
  private final Map<String, DcNode> nodes = new LinkedHashMap<>();
  private final Map<String, DcNode> leaders = new LinkedHashMap<>();
  private final Map<String, List<DcNode>> followers = new LinkedHashMap<>();
  private final Map<String, KeyType> types = new TreeMap<>();
  private final Resolving resolving = new Resolving();
  private final Causality causality = new Causality();
  private Counters counters;
  private Sets sets;
  private final List<Conflict> conflicts = new ArrayList<>();
  private final Map<String, Conflict> conflictsByWrites = new HashMap<>();
  private final Map<Long, RunRecord.Overwrite> overwrites = new LinkedHashMap<>();
  private final Map<Long, List<Long>> readFrom = new HashMap<>();
  private final Map<String, List<Long>> acceptedAt = new HashMap<>();
  private final List<Accepted> accepted = new ArrayList<>();
  private final LinkedHashMap<Long, Map<String, Long>> spreads =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<String, Long>> eldest) {
          return size() > SPREADS_KEPT;
        }
      };

  private final LinkedHashMap<Long, Answer> answers =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Answer> eldest) {
          return size() > SPREADS_KEPT;
        }
      };

  /** A write or update a client was told had succeeded, and the name it has in its key. */
  record Accepted(long opId, String key, String dc, dev.replab.engine.store.Dot dot) {}

  MultiLeader(Cluster cluster, MultiLeaderOptions options) {
    this.cluster = cluster;
    this.created = options;
    this.options = options;
    for (String dc : cluster.spec().regions()) {
      Host leaderHost = cluster.addHost(dc, h -> add(new DcNode(h, this, dc, true)));
      leaders.put(dc, nodes.get(leaderHost.id()));
      List<DcNode> mine = new ArrayList<>();
      for (int i = 0; i < options.followers(); i++) {
        Host host = cluster.addHost(dc, h -> add(new DcNode(h, this, dc, false)));
        mine.add(nodes.get(host.id()));
      }
      followers.put(dc, mine);
      acceptedAt.put(dc, new ArrayList<>());
    }
    for (DcNode node : nodes.values()) {
      node.start();
    }
  }

  private DcNode add(DcNode node) {
    nodes.put(node.id(), node);
    return node;
  }

  @Override
  public ModelDefinition definition() {
    return DEFINITION;
  }

  @Override
  public MultiLeaderOptions options() {
    return created;
  }

  /** The settings in force now, after any {@code conflicts <strategy>}. */
  public MultiLeaderOptions settings() {
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

  /** The datacenters, in the order {@code dcs=} named them. */
  public List<String> dcs() {
    return List.copyOf(leaders.keySet());
  }

  DcNode node(String id) {
    return nodes.get(id);
  }

  List<DcNode> nodes() {
    return List.copyOf(nodes.values());
  }

  DcNode leaderOf(String dc) {
    return leaders.get(dc);
  }

  List<DcNode> followersOf(String dc) {
    return followers.getOrDefault(dc, List.of());
  }

  /** The node ids of every datacenter's leader, in datacenter order. */
  @Override
  public List<String> writers() {
    List<String> ids = new ArrayList<>();
    leaders.values().forEach(leader -> ids.add(leader.id()));
    return ids;
  }

  // ---------------------------------------------------------------- topology

  /**
   * The leaders a leader sends a change on to: all-to-all sends only its own changes, to every
   * other leader; a ring forwards each change to the next datacenter until it is back at its
   * origin; a star's leaves send to the hub (the first datacenter), which forwards to the rest.
   */
  List<String> forwardTo(DcNode from, String origin) {
    List<String> dcs = dcs();
    List<String> targets = new ArrayList<>();
    String me = from.dc();
    switch (options.topology()) {
      case ALL_TO_ALL -> {
        if (me.equals(origin)) {
          dcs.stream().filter(dc -> !dc.equals(me)).forEach(dc -> targets.add(leaderId(dc)));
        }
      }
      case CIRCULAR -> {
        String next = dcs.get((dcs.indexOf(me) + 1) % dcs.size());
        if (!next.equals(origin) && !next.equals(me)) {
          targets.add(leaderId(next));
        }
      }
      case STAR -> {
        String hub = dcs.get(0);
        if (me.equals(hub)) {
          dcs.stream()
              .filter(dc -> !dc.equals(hub) && !dc.equals(origin))
              .forEach(dc -> targets.add(leaderId(dc)));
        } else if (me.equals(origin)) {
          targets.add(leaderId(hub));
        }
      }
    }
    return targets;
  }

  private String leaderId(String dc) {
    return leaders.get(dc).id();
  }

  /** The datacenters on a world map, with the topology's links and their one-way delays, as SVG. */
  public String mapPicture() {
    List<dev.replab.engine.render.DatacenterMapSvg.Datacenter> dcs = new ArrayList<>();
    for (String dc : dcs()) {
      List<String> mine = new ArrayList<>();
      List<String> down = new ArrayList<>();
      for (DcNode follower : followersOf(dc)) {
        mine.add(follower.id());
      }
      for (DcNode node : nodes.values()) {
        if (node.dc().equals(dc) && !node.host().up()) {
          down.add(node.id());
        }
      }
      dcs.add(
          new dev.replab.engine.render.DatacenterMapSvg.Datacenter(dc, leaderId(dc), mine, down));
    }
    List<dev.replab.engine.render.DatacenterMapSvg.Link> links = new ArrayList<>();
    List<String> names = dcs();
    for (int i = 0; i < names.size(); i++) {
      for (int j = 0; j < names.size(); j++) {
        String a = names.get(i);
        String b = names.get(j);
        boolean link =
            switch (options.topology()) {
              case ALL_TO_ALL -> i < j;
              case CIRCULAR -> j == (i + 1) % names.size() && !(names.size() == 2 && j < i);
              case STAR -> i == 0 && j > 0;
            };
        if (link) {
          double ms = network().latency(leaderId(a), leaderId(b)).meanUs() / 1_000;
          links.add(
              new dev.replab.engine.render.DatacenterMapSvg.Link(
                  a, b, options.topology() != MultiLeaderOptions.Topology.CIRCULAR, ms));
        }
      }
    }
    return dev.replab.engine.render.DatacenterMapSvg.render(
        dcs,
        links,
        "topology "
            + options.topology().word
            + ": "
            + options.topology().meaning
            + (options.topology() == MultiLeaderOptions.Topology.STAR
                ? " (the hub is " + names.get(0) + ")"
                : ""));
  }

  /** The datacenters a change from {@code origin} passes through before it reaches {@code dc}. */
  List<String> route(String origin, String dc) {
    List<String> dcs = dcs();
    List<String> hops = new ArrayList<>();
    switch (options.topology()) {
      case ALL_TO_ALL -> {}
      case CIRCULAR -> {
        int at = (dcs.indexOf(origin) + 1) % dcs.size();
        while (!dcs.get(at).equals(dc)) {
          hops.add(dcs.get(at));
          at = (at + 1) % dcs.size();
        }
      }
      case STAR -> {
        if (!origin.equals(dcs.get(0)) && !dc.equals(dcs.get(0))) {
          hops.add(dcs.get(0));
        }
      }
    }
    return hops;
  }

  // ---------------------------------------------------------------- conflicts and types

  /** The type {@code type} gave a key, or what the cluster's strategy makes of an untyped key. */
  KeyType keyType(String key) {
    KeyType type = types.get(key);
    if (type != null) {
      return type;
    }
    return options.conflicts() == MultiLeaderOptions.Strategy.LWW
        ? KeyType.REGISTER
        : KeyType.MV_REGISTER;
  }

  /** True when the key was given a type with {@code type}. */
  boolean typed(String key) {
    return types.containsKey(key);
  }

  Map<String, KeyType> types() {
    return Map.copyOf(types);
  }

  void setType(String key, KeyType type) {
    types.put(key, type);
    cluster.event(null, key + " is now a " + type.word);
  }

  /** True when some node holds data for {@code key}. */
  boolean holds(String key) {
    for (DcNode node : nodes.values()) {
      if (node.keys().contains(key)) {
        return true;
      }
    }
    return false;
  }

  boolean lastWriteWins(String key) {
    return keyType(key) == KeyType.REGISTER;
  }

  void setConflicts(MultiLeaderOptions.Strategy strategy) {
    options = options.withConflicts(strategy);
    cluster.event(null, "conflicts are now resolved by " + strategy.word);
  }

  /**
   * Installs the application's resolver for {@code conflicts custom}, as a {@code :java} cell does.
   */
  public void resolveWith(ConflictResolver resolver) {
    resolving.install(resolver);
    cluster.event(null, "a custom conflict resolver is installed");
  }

  boolean hasResolver() {
    return resolving.installed();
  }

  /**
   * Makes every node tell which writes saw which with {@code rule} instead of the engine's own
   * version vectors, as an exercise plugs in its code; null goes back to the engine's.
   */
  public void useVersionRule(dev.replab.engine.api.VersionVectorRule rule) {
    causality.use(rule);
    cluster.event(
        null,
        rule == null
            ? "version vectors are compared by the engine again"
            : "version vectors are compared by " + rule.getClass().getSimpleName());
  }

  Causality causality() {
    return causality;
  }

  /**
   * Makes last write wins keep the greatest write by {@code order} instead of the engine's order,
   * as an exercise plugs in its code; null goes back to the engine's.
   */
  public void useLwwOrder(dev.replab.engine.api.LwwOrder order) {
    causality.useLww(order);
    cluster.event(
        null,
        order == null
            ? "last write wins uses the engine's order again"
            : "last write wins orders writes with " + order.getClass().getSimpleName());
  }

  /**
   * Makes every counter and pn-counter keep its state with {@code rule} instead of the engine's
   * G-counters and PN-counters, as an exercise plugs in its code. Only before any counter holds
   * data: states of two kinds cannot merge.
   */
  public void useCounters(dev.replab.engine.api.CounterCrdt rule) {
    for (String key : keysStored()) {
      if (typed(key) && keyType(key).merges() && keyType(key) != KeyType.SET && holds(key)) {
        throw new IllegalStateException(
            "counter " + key + " already holds data; plug a counter in before the first incr");
      }
    }
    counters = rule == null ? null : new Counters(rule);
    cluster.event(
        null,
        rule == null
            ? "counters are the engine's again"
            : "counters keep their state with " + rule.getClass().getSimpleName());
  }

  /** The plugged-in counter CRDT, or null for the engine's. */
  Counters counters() {
    return counters;
  }

  /**
   * Makes every set keep its state with {@code rule} instead of the engine's OR-set, as an exercise
   * plugs in its code; only before any set holds data.
   */
  public void useSets(dev.replab.engine.api.SetCrdt rule) {
    for (String key : keysStored()) {
      if (typed(key) && keyType(key) == KeyType.SET && holds(key)) {
        throw new IllegalStateException(
            "set " + key + " already holds data; plug a set in before the first add");
      }
    }
    sets = rule == null ? null : new Sets(rule);
    cluster.event(
        null,
        rule == null
            ? "sets are the engine's again"
            : "sets keep their state with " + rule.getClass().getSimpleName());
  }

  /** The plugged-in set CRDT, or null for the engine's. */
  Sets sets() {
    return sets;
  }

  /** The resolver {@code resolveWith} installed, or null. */
  public ConflictResolver resolver() {
    return resolving.resolver();
  }

  List<Conflict> conflicts() {
    return List.copyOf(conflicts);
  }

  Map<Long, RunRecord.Overwrite> overwrites() {
    return Map.copyOf(overwrites);
  }

  // ---------------------------------------------------------------- clients

  /** The leader of the datacenter a client lives in. */
  String homeLeader(String clientName) {
    Client client = cluster.client(clientName, null);
    DcNode leader = leaders.get(client.region());
    return (leader != null ? leader : leaders.values().iterator().next()).id();
  }

  Operation startWrite(
      String client, String key, String value, String via, Consumer<Operation> done) {
    Operation.Kind kind = value == null ? Operation.Kind.DELETE : Operation.Kind.WRITE;
    return cluster.startOperation(
        kind, client, via, key, value, id -> new Message.Write(id, key, value), done);
  }

  Operation startRead(String client, String key, String from, Consumer<Operation> done) {
    return cluster.startOperation(
        Operation.Kind.READ, client, from, key, null, id -> new Message.Read(id, key), done);
  }

  /** Starts {@code incr}, {@code decr}, {@code add} or {@code remove}: a write in the history. */
  Operation startUpdate(String client, String key, Crdt.Update update, String via) {
    return cluster.startOperation(
        Operation.Kind.WRITE,
        client,
        via,
        key,
        update.written(),
        id -> new Message.Update(id, key, update),
        null);
  }

  @Override
  public Operation startWrite(String client, String key, String value, Consumer<Operation> done) {
    return startWrite(client, key, value, homeLeader(client), done);
  }

  @Override
  public Operation startRead(
      String client, String key, Consistency level, String policy, Consumer<Operation> done) {
    return startRead(client, key, homeLeader(client), done);
  }

  @Override
  public Started write(Command.Write command, String client) {
    return MultiLeaderViews.write(this, command, client);
  }

  @Override
  public Started read(Command.Read command, String client) {
    return MultiLeaderViews.read(this, command, client);
  }

  @Override
  public void answered(Client client, Operation op, Reply reply) {
    Answer answer = Answer.of(reply);
    if (answer == null) {
      return;
    }
    answers.put(op.id(), answer);
    if (!op.isWrite()) {
      if (answer.from() != null) {
        readFrom.put(op.id(), answer.from());
      }
      return;
    }
    if (answer.dot() != null) {
      accepted.add(new Accepted(op.id(), op.key(), answer.dc(), answer.dot()));
    }
  }

  /** What the node that answered a recent operation added to its answer, or null. */
  Answer lastAnswer(long opId) {
    return answers.get(opId);
  }

  // ---------------------------------------------------------------- what nodes tell the model

  /** A leader accepted a client's write: its answer. */
  Reply wrote(DcNode leader, Change change) {
    Sibling put = change.put();
    String label =
        change.origin()
            + "#"
            + change.seq()
            + (lastWriteWins(change.key())
                ? " ts " + stamp(put.stamp())
                : " vector " + put.seen().describe());
    return new Reply(
        change.opId(),
        true,
        put.value(),
        put.stamp(),
        0,
        "@" + change.origin() + "#" + change.seq(),
        label,
        null,
        false,
        new Answer(leader.id(), leader.dc(), put.dot(), null, List.of(), null));
  }

  /** A leader applied a client's update of a counter or set: its answer. */
  Reply updated(DcNode leader, Change change) {
    return new Reply(
        change.opId(),
        true,
        leader.crdt(change.key()).value(),
        change.seq(),
        0,
        "@" + change.origin() + "#" + change.seq(),
        change.origin() + "#" + change.seq() + " vector " + change.seenForKey().describe(),
        null,
        false,
        new Answer(leader.id(), leader.dc(), change.dot(), null, List.of(), null));
  }

  /** A node's answer to a read: its value, its siblings, or its resolver's choice. */
  Reply answerRead(DcNode node, Message.Read read) {
    Answer plain = new Answer(node.id(), node.dc(), null, null, List.of(), null);
    Crdt crdt = node.crdt(read.key());
    if (crdt != null) {
      return new Reply(
          read.opId(), true, crdt.value(), 0, 0, "", crdt.describe(), null, false, plain);
    }
    Register register = node.register(read.key());
    List<Long> from = new ArrayList<>();
    for (Sibling sibling : register.siblings()) {
      from.add(sibling.opId());
    }
    List<String> values = register.values();
    String value =
        values.isEmpty()
            ? null
            : values.size() == 1 ? values.get(0) : "{" + String.join(", ", values) + "}";
    String note = null;
    if (values.size() > 1
        && options.conflicts() == MultiLeaderOptions.Strategy.CUSTOM
        && !typed(read.key())) {
      Resolving.Resolved resolved = resolve(read.key(), register);
      value = resolved.value();
      note = resolved.note();
    }
    String label = register.siblings().isEmpty() ? null : "vector " + register.seen().describe();
    long version = register.siblings().isEmpty() ? 0 : register.siblings().get(0).stamp();
    return new Reply(
        read.opId(),
        true,
        value,
        version,
        0,
        "",
        label,
        null,
        false,
        new Answer(node.id(), node.dc(), null, from, values.size() > 1 ? values : List.of(), note));
  }

  Resolving.Resolved resolve(String key, Register register) {
    Sibling fallback = null;
    for (Sibling sibling : register.siblings()) {
      if (fallback == null || Sibling.LWW_ORDER.compare(sibling, fallback) > 0) {
        fallback = sibling;
      }
    }
    return resolving.resolve(key, register.values(), fallback.shown());
  }

  /** A node applied a change of a register: note conflicts and writes thrown away. */
  void registerApplied(DcNode node, Change change, Register.Applied outcome) {
    if (outcome.conflict()) {
      List<Sibling> all = new ArrayList<>(outcome.concurrent());
      all.add(change.put());
      all.sort(java.util.Comparator.comparing(Sibling::dot));
      List<String> names = new ArrayList<>();
      List<String> values = new ArrayList<>();
      List<Long> ops = new ArrayList<>();
      for (Sibling sibling : all) {
        names.add(sibling.dot().describe());
        values.add(sibling.shown());
        ops.add(sibling.opId());
      }
      String id = change.key() + " " + names;
      Conflict known = conflictsByWrites.get(id);
      if (known != null) {
        if (!known.seenAt.contains(node.id())) {
          known.seenAt.add(node.id());
        }
      } else if (node.leader()) {
        String resolution = resolution(change.key(), outcome);
        Conflict conflict =
            new Conflict(
                conflicts.size() + 1,
                sim().nowUs(),
                change.key(),
                values,
                ops,
                resolution,
                node.id());
        conflicts.add(conflict);
        conflictsByWrites.put(id, conflict);
        cluster.event(
            node.id(),
            node.id()
                + " ("
                + node.dc()
                + ") found concurrent writes of "
                + change.key()
                + ": "
                + String.join(" vs ", values)
                + "; "
                + resolution);
      }
    }
    Sibling lost = outcome.lost();
    if (lost != null && lost.opId() > 0 && !overwrites.containsKey(lost.opId())) {
      Sibling kept = outcome.kept();
      String why =
          outcome.lostToAnEarlierWrite()
              ? "it came after that write, but its timestamp "
                  + stamp(lost.stamp())
                  + " is earlier than "
                  + stamp(kept.stamp())
                  + " (a clock behind the other's), and last write wins keeps the higher one"
              : "the two were concurrent and last write wins kept the one with the higher timestamp ("
                  + stamp(kept.stamp())
                  + " over "
                  + stamp(lost.stamp())
                  + ")";
      overwrites.put(
          lost.opId(),
          new RunRecord.Overwrite(
              change.key(),
              lost.opId(),
              kept.opId(),
              node.id() + " (" + node.dc() + ")",
              sim().nowUs(),
              why));
      Operation op = history().get(lost.opId());
      if (op != null) {
        op.markLost(
            "last write wins discarded it at "
                + node.id()
                + " for "
                + kept.shown()
                + (kept.opId() > 0 ? " (op #" + kept.opId() + ")" : "")
                + ": "
                + why);
      }
    }
  }

  private String resolution(String key, Register.Applied outcome) {
    if (lastWriteWins(key)) {
      return "last write wins kept "
          + outcome.kept().shown()
          + " ("
          + stamp(outcome.kept().stamp())
          + ")";
    }
    if (options.conflicts() == MultiLeaderOptions.Strategy.CUSTOM && !typed(key)) {
      return "kept both; reads ask "
          + (hasResolver() ? "your resolver" : "a resolver (none installed yet)");
    }
    return "kept both as siblings until a write replaces them";
  }

  /** A node merged a concurrent update of a counter or a set. */
  void merged(DcNode node, Change change, Crdt state) {
    if (!node.leader()) {
      return;
    }
    Conflict conflict =
        new Conflict(
            conflicts.size() + 1,
            sim().nowUs(),
            change.key(),
            List.of(change.what()),
            List.of(change.opId()),
            "merged as a " + keyType(change.key()).word + ": now " + state.value(),
            node.id());
    conflicts.add(conflict);
  }

  /** A node applied a change: keep what lag and {@code why} need. */
  void applied(DcNode node, Change change) {
    if (node.leader() && node.dc().equals(change.origin())) {
      acceptedAt.get(change.origin()).add(change.acceptedUs());
    }
    if (change.opId() > 0) {
      spreads
          .computeIfAbsent(change.opId(), id -> new LinkedHashMap<>())
          .put(node.id(), sim().nowUs());
    }
  }

  /** When each node applied a recent write, in the order they did. */
  Map<String, Long> spread(long opId) {
    return spreads.getOrDefault(opId, Map.of());
  }

  /** How many changes of {@code origin} a node lacks, and how long the oldest has waited. */
  record Behind(long changes, long ageUs) {}

  Behind behind(DcNode node, String origin) {
    List<Long> times = acceptedAt.get(origin);
    long has = node.applied().get(origin);
    long missing = times.size() - has;
    if (missing <= 0) {
      return new Behind(0, 0);
    }
    return new Behind(missing, sim().nowUs() - times.get((int) has));
  }

  /** {@code 12.3ms}, or {@code L7} for a Lamport clock. */
  String stamp(long stamp) {
    if (options.clock() == MultiLeaderOptions.Clock.LAMPORT) {
      return "L" + stamp;
    }
    // A clock set far enough behind reads before the simulation began.
    return stamp < 0 ? "-" + Durations.format(-stamp) : Durations.format(stamp);
  }

  // ---------------------------------------------------------------- the kernel's questions

  @Override
  public boolean catchingUp() {
    for (DcNode node : nodes.values()) {
      if (!node.host().up()) {
        continue;
      }
      for (String peer : node.links().peers()) {
        if (node.links().unacked(peer) > 0
            && cluster.host(peer).up()
            && network().reachable(node.id(), peer)
            && network().reachable(peer, node.id())) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public Result created(long seed) {
    return MultiLeaderViews.created(this, seed);
  }

  @Override
  public String faultDone(Command.Fault.Kind kind, String node) {
    return MultiLeaderViews.faultDone(this, kind, node);
  }

  @Override
  public String restartEvent(String node) {
    return node + " restarted with everything it had applied; its peers resend what it missed";
  }

  @Override
  public String clockNote(String node) {
    DcNode target = nodes.get(node);
    if (target == null || !target.leader()) {
      return "; only leaders stamp writes, so this clock stamps nothing";
    }
    return switch (options.clock()) {
      case WALL ->
          "; writes "
              + node
              + " accepts carry its clock's timestamps, and last write wins keeps the highest";
      case LAMPORT ->
          "; clock=lamport stamps writes with counters, so nothing here reads that clock";
      case HYBRID ->
          "; clock=hybrid stamps writes with that clock, but never below a timestamp "
              + node
              + " has seen";
    };
  }

  @Override
  public Result status() {
    return MultiLeaderViews.status(this);
  }

  @Override
  public Result inspect(String key) {
    return MultiLeaderViews.inspect(this, key);
  }

  @Override
  public Result why(Operation op) {
    return MultiLeaderViews.why(this, op);
  }

  @Override
  public List<String> frame(boolean unicode) {
    return MultiLeaderViews.frame(this, unicode);
  }

  @Override
  public List<LagNow> lagNow() {
    List<LagNow> lag = new ArrayList<>();
    for (DcNode node : nodes.values()) {
      long entries = 0;
      long oldest = 0;
      for (String dc : dcs()) {
        Behind behind = behind(node, dc);
        entries += behind.changes();
        oldest = Math.max(oldest, behind.ageUs());
      }
      if (entries > 0) {
        lag.add(new LagNow(node.id(), entries, oldest));
      }
    }
    return lag;
  }

  @Override
  public Collection<String> keysStored() {
    Set<String> keys = new TreeSet<>(types.keySet());
    for (DcNode node : nodes.values()) {
      keys.addAll(node.keys());
    }
    return keys;
  }

  @Override
  public RunRecord runRecord() {
    Set<Long> surviving = new HashSet<>();
    for (Accepted write : accepted) {
      if (overwrites.containsKey(write.opId())) {
        continue;
      }
      for (DcNode node : nodes.values()) {
        if (node.hasSeen(write.key(), write.dot())) {
          surviving.add(write.opId());
          break;
        }
      }
    }
    RunRecord.Shape shape =
        new RunRecord.Shape(
            false,
            false,
            "no datacenter holds it: a write that had never seen it replaced it",
            null,
            !sim().busy(),
            options.conflicts() == MultiLeaderOptions.Strategy.LWW);
    return new RunRecord(
        history().operations(),
        List.of(),
        null,
        surviving,
        List.of(),
        shape,
        copies(),
        List.copyOf(overwrites.values()),
        readFrom);
  }

  private List<RunRecord.Copies> copies() {
    List<RunRecord.Copies> copies = new ArrayList<>();
    for (String key : keysStored()) {
      Map<String, String> byNode = new LinkedHashMap<>();
      for (DcNode node : nodes.values()) {
        if (node.host().up()) {
          byNode.put(node.id(), node.describe(key));
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
            "multi-leader cluster at t="
                + Durations.format(sim().nowUs())
                + " ("
                + options.topology().word
                + ", conflicts "
                + options.conflicts().word
                + "):");
    for (DcNode node : nodes.values()) {
      text.append(' ')
          .append(node.id())
          .append(" (")
          .append(node.dc())
          .append(' ')
          .append(node.leader() ? "leader" : "follower")
          .append(", ")
          .append(node.host().state().name().toLowerCase(java.util.Locale.ROOT))
          .append(", applied ")
          .append(node.appliedCount())
          .append(")");
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
