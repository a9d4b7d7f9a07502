package dev.replab.engine.multileader;

import dev.replab.engine.cluster.Host;
import dev.replab.engine.cluster.Reply;
import dev.replab.engine.net.Payload;
import dev.replab.engine.store.Dot;
import dev.replab.engine.store.VersionVector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One node of a multi-leader cluster: its datacenter's leader, which accepts local clients' writes
 * and replicates them to the other leaders, or a follower that applies what its leader sends. All
 * of its data, and its replication streams, are on disk and survive a crash.
 */
final class DcNode implements Host.Process {
  private final Host host;
  private final MultiLeader model;
  private final String dc;
  private final boolean leader;

  private final Map<String, Register> registers = new TreeMap<>();
  private final Map<String, Crdt> crdts = new TreeMap<>();
  private final Map<String, VersionVector> crdtSeen = new TreeMap<>();
  private final List<Change> waiting = new ArrayList<>();
  private final Links links = new Links();
  private VersionVector applied = VersionVector.empty();
  private long lastStamp;
  private long appliedCount;

  DcNode(Host host, MultiLeader model, String dc, boolean leader) {
    this.host = host;
    this.model = model;
    this.dc = dc;
    this.leader = leader;
  }

  void start() {
    host.begin();
    resendLater();
  }

  private void resendLater() {
    host.chore(
        model.settings().retryUs(),
        () -> {
          links.resend(this::send);
          resendLater();
        });
  }

  String id() {
    return host.id();
  }

  Host host() {
    return host;
  }

  String dc() {
    return dc;
  }

  boolean leader() {
    return leader;
  }

  Links links() {
    return links;
  }

  /** Per datacenter, how many of its changes this node has applied. */
  VersionVector applied() {
    return applied;
  }

  long appliedCount() {
    return appliedCount;
  }

  /** Changes that arrived but wait for one they depend on. */
  List<Change> waiting() {
    return List.copyOf(waiting);
  }

  Register register(String key) {
    return registers.getOrDefault(key, Register.empty());
  }

  Crdt crdt(String key) {
    return crdts.get(key);
  }

  /** Every key this node holds, in order. */
  List<String> keys() {
    TreeSet<String> keys = new TreeSet<>(registers.keySet());
    keys.addAll(crdts.keySet());
    return List.copyOf(keys);
  }

  /** What this node holds for a key, in one short line; "(none)" when nothing. */
  String describe(String key) {
    Crdt crdt = crdts.get(key);
    return crdt != null ? crdt.describe() : register(key).describe();
  }

  /** True when this node has applied the update named {@code dot} of {@code key}. */
  boolean hasSeen(String key, Dot dot) {
    VersionVector seen = crdtSeen.get(key);
    return seen != null ? seen.covers(dot) : register(key).hasSeen(dot);
  }

  // ---------------------------------------------------------------- faults

  @Override
  public void crashed() {}

  @Override
  public void restarted() {
    resendLater();
  }

  // ---------------------------------------------------------------- delivery

  @Override
  public void deliver(String source, Payload payload) {
    Message message = (Message) payload;
    if (message instanceof Message.Write write) {
      host.serve(() -> acceptWrite(source, write));
    } else if (message instanceof Message.Update update) {
      host.serve(() -> acceptUpdate(source, update));
    } else if (message instanceof Message.Read read) {
      host.serve(() -> send(source, model.answerRead(this, read)));
    } else if (message instanceof Message.Ship ship) {
      for (Change change : links.received(source, ship)) {
        arrive(change);
      }
      send(source, new Message.Shipped(links.receivedFrom(source)));
    } else if (message instanceof Message.Shipped shipped) {
      links.acked(source, shipped.count());
    }
  }

  private void send(String target, Payload message) {
    model.network().send(host.id(), target, message);
  }

  // ---------------------------------------------------------------- local writes

  private boolean refuseUnlessLeader(String client, long opId) {
    if (leader) {
      return false;
    }
    send(
        client,
        Reply.refused(
            opId,
            id()
                + " is a follower in "
                + dc
                + "; writes there go to its leader "
                + model.leaderOf(dc).id(),
            false));
    return true;
  }

  private void acceptWrite(String client, Message.Write write) {
    if (refuseUnlessLeader(client, write.opId())) {
      return;
    }
    if (crdts.containsKey(write.key()) || model.keyType(write.key()).merges()) {
      KeyType type = model.keyType(write.key());
      send(
          client,
          Reply.refused(
              write.opId(),
              write.key()
                  + " is a "
                  + type.word
                  + "; change it with "
                  + (type == KeyType.SET ? "add and remove" : "incr and decr")
                  + ", not write",
              false));
      return;
    }
    Sibling put = register(write.key()).write(dc, write.value(), nextStamp(), write.opId());
    String what =
        write.value() == null ? "delete " + write.key() : write.key() + "=" + write.value();
    Change change = newChange(write.key(), put, null, null, put.seen(), write.opId(), what);
    applyRegister(change);
    send(client, model.wrote(this, change));
    propagate(change);
  }

  private void acceptUpdate(String client, Message.Update update) {
    if (refuseUnlessLeader(client, update.opId())) {
      return;
    }
    String key = update.key();
    Crdt state =
        crdts.getOrDefault(key, Crdt.empty(model.keyType(key), model.counters(), model.sets()));
    VersionVector seen = crdtSeen.getOrDefault(key, VersionVector.empty());
    Dot dot = seen.nextDot(dc);
    Crdt after = state.apply(dc, update.update());
    Change change =
        newChange(
            key, null, after, dot, seen.add(dot), update.opId(), update.update().describe(key));
    applyCrdt(change);
    send(client, model.updated(this, change));
    propagate(change);
  }

  private Change newChange(
      String key, Sibling put, Crdt state, Dot dot, VersionVector seen, long opId, String what) {
    return new Change(
        dc,
        applied.get(dc) + 1,
        key,
        put,
        state,
        dot,
        seen,
        applied,
        opId,
        model.sim().nowUs(),
        what);
  }

  /** The timestamp of a new local write, from the clock the cluster was created with. */
  private long nextStamp() {
    long stamp =
        switch (model.settings().clock()) {
          case WALL -> host.clockUs();
          case LAMPORT -> lastStamp + 1;
          case HYBRID -> Math.max(host.clockUs(), lastStamp + 1);
        };
    lastStamp = Math.max(lastStamp, stamp);
    return stamp;
  }

  // ---------------------------------------------------------------- replication

  private void arrive(Change change) {
    if (applied.get(change.origin()) >= change.seq()) {
      return;
    }
    waiting.add(change);
    drain();
  }

  /** Applies every waiting change whose turn has come, until none is left that can go. */
  private void drain() {
    boolean progress = true;
    while (progress) {
      progress = false;
      Iterator<Change> each = waiting.iterator();
      while (each.hasNext()) {
        Change change = each.next();
        if (applied.get(change.origin()) >= change.seq()) {
          each.remove();
        } else if (ready(change)) {
          each.remove();
          if (change.put() != null) {
            applyRegister(change);
          } else {
            applyCrdt(change);
          }
          propagate(change);
          progress = true;
          break;
        }
      }
    }
  }

  /**
   * A change can be applied once its datacenter's earlier changes have been; a causal leader also
   * waits for every change its writer had applied from the other datacenters.
   */
  private boolean ready(Change change) {
    if (applied.get(change.origin()) != change.seq() - 1) {
      return false;
    }
    if (!leader || !model.settings().causal()) {
      return true;
    }
    for (Map.Entry<String, Long> dep : change.deps().counters().entrySet()) {
      if (!dep.getKey().equals(change.origin()) && applied.get(dep.getKey()) < dep.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Sends a change on to the nodes that learn it from this one. */
  private void propagate(Change change) {
    List<String> targets = new ArrayList<>();
    if (leader) {
      targets.addAll(model.forwardTo(this, change.origin()));
      model.followersOf(dc).forEach(follower -> targets.add(follower.id()));
    }
    for (String target : targets) {
      send(target, links.queue(target, change));
    }
  }

  private Register.Applied applyRegister(Change change) {
    Register.Applied outcome =
        register(change.key())
            .apply(change.put(), model.lastWriteWins(change.key()), model.causality());
    registers.put(change.key(), outcome.after());
    noteApplied(change, change.put().stamp());
    model.registerApplied(this, change, outcome);
    return outcome;
  }

  private void applyCrdt(Change change) {
    String key = change.key();
    VersionVector mine = crdtSeen.getOrDefault(key, VersionVector.empty());
    boolean concurrent = !change.seenForKey().descends(mine);
    Crdt state = crdts.get(key);
    crdts.put(key, state == null ? change.state() : state.merge(change.state()));
    crdtSeen.put(key, mine.merge(change.seenForKey()));
    noteApplied(change, 0);
    if (concurrent && !change.origin().equals(dc)) {
      model.merged(this, change, crdts.get(key));
    }
  }

  private void noteApplied(Change change, long stamp) {
    applied = applied.add(new Dot(change.origin(), change.seq()));
    appliedCount++;
    lastStamp = Math.max(lastStamp, stamp);
    model.applied(this, change);
  }
}
