package dev.replab.engine.leaderless;

import dev.replab.engine.cluster.Reply;
import dev.replab.engine.sim.Durations;
import dev.replab.engine.sim.Timer;
import dev.replab.engine.store.LwwRegister;
import dev.replab.engine.store.LwwStamp;
import dev.replab.engine.store.VersionVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's part as coordinator: it sends a client's write to all N replicas of the key and answers
 * once W have acknowledged, or a read to all N and answers once R have replied, with the newest
 * version among them; late and stale replicas get read repair. What it is coordinating is volatile:
 * a crash loses it, and the clients hear nothing.
 */
final class Coordinator {
  private final Replica replica;
  private final Leaderless model;
  private final Map<Long, PendingWrite> writes = new HashMap<>();
  private final Map<Long, PendingRead> reads = new HashMap<>();
  private long nextRequestId = 1;

  Coordinator(Replica replica, Leaderless model) {
    this.replica = replica;
    this.model = model;
  }

  /** A crash: the requests in progress are gone; their timers never fire. */
  void forget() {
    writes.clear();
    reads.clear();
  }

  void deliver(String source, Message message) {
    if (message instanceof Message.Stored stored) {
      PendingWrite write = writes.get(stored.requestId());
      if (write != null) {
        write.acked(source);
      }
    } else if (message instanceof Message.Fetched fetched) {
      PendingRead read = reads.get(fetched.requestId());
      if (read != null) {
        read.answered(source, fetched.version());
      }
    }
  }

  // ---------------------------------------------------------------- writes

  /**
   * A client's write. Under version vectors only a replica of the key can give the write its dot,
   * so another node forwards it to the first replica it can reach, as Riak does.
   */
  void put(String client, Message.Put put) {
    List<String> preference = model.preferenceList(put.key());
    if (model.settings().vector() && !preference.contains(replica.id())) {
      for (String owner : preference) {
        if (model.healthyFrom(replica.id(), owner)) {
          replica.send(owner, new Message.Forward(client, put));
          return;
        }
      }
      refuse(
          client,
          put.opId(),
          "none of "
              + put.key()
              + "'s replicas ("
              + String.join(" ", preference)
              + ") is reachable"
              + " from "
              + replica.id(),
          false);
      return;
    }
    coordinate(client, put);
  }

  /** Makes the write's version and sends it to every replica the key's placement names. */
  void coordinate(String client, Message.Put put) {
    Version version = version(put);
    long requestId = nextRequestId++;
    PendingWrite write = new PendingWrite(requestId, client, put, version);
    writes.put(requestId, write);
    List<Ring.Placement> placements = model.placements(replica.id(), put.key());
    placements.forEach(placement -> write.targets.add(placement.node()));
    for (Ring.Placement placement : placements) {
      if (placement.node().equals(replica.id()) && placement.hintFor() == null) {
        replica.keep(put.key(), version);
        write.acked(replica.id());
      } else {
        replica.send(
            placement.node(),
            new Message.Store(requestId, put.key(), version, placement.hintFor()));
      }
    }
    if (!write.done) {
      write.timer = replica.host().later(model.settings().quorumTimeoutUs(), write::timedOut);
    }
  }

  private Version version(Message.Put put) {
    if (model.settings().vector()) {
      VersionVector context = put.context() == null ? VersionVector.empty() : put.context();
      return new Version.Vector(
          replica.register(put.key()).write(replica.id(), context, put.value()));
    }
    long ts = put.tsUs() >= 0 ? put.tsUs() : replica.host().clockUs();
    LwwStamp stamp = new LwwStamp(ts, replica.id());
    return new Version.Lww(
        put.value() == null ? LwwRegister.tombstone(stamp) : LwwRegister.of(put.value(), stamp));
  }

  /** A write waiting for its W acknowledgements. */
  private final class PendingWrite {
    final long requestId;
    final String client;
    final Message.Put put;
    final Version version;
    final List<String> targets = new ArrayList<>();
    final List<String> acks = new ArrayList<>();
    boolean done;
    Timer timer;

    PendingWrite(long requestId, String client, Message.Put put, Version version) {
      this.requestId = requestId;
      this.client = client;
      this.put = put;
      this.version = version;
    }

    void acked(String node) {
      if (done || acks.contains(node)) {
        return;
      }
      acks.add(node);
      if (acks.size() >= model.settings().w()) {
        done = true;
        writes.remove(requestId);
        if (timer != null) {
          timer.cancel();
        }
        replica.send(
            client,
            Answer.wrote(put.opId(), model.sim().nowUs(), version, replica.id(), acks, targets));
      }
    }

    void timedOut() {
      if (done) {
        return;
      }
      done = true;
      writes.remove(requestId);
      int w = model.settings().w();
      refuse(
          client,
          put.opId(),
          "only "
              + acks.size()
              + " of w="
              + w
              + " replicas acknowledged within "
              + Durations.format(model.settings().quorumTimeoutUs())
              + (acks.isEmpty() ? "" : " (" + String.join(", ", acks) + ")")
              + "; the replicas it reached keep it, so a later read may still return it",
          true);
    }
  }

  // ---------------------------------------------------------------- reads

  void get(String client, Message.Get get) {
    long requestId = nextRequestId++;
    PendingRead read = new PendingRead(requestId, client, get);
    reads.put(requestId, read);
    ReadTrace trace = model.traceRead(get.opId(), replica.id());
    read.trace = trace;
    List<Ring.Placement> placements = model.placements(replica.id(), get.key());
    for (Ring.Placement placement : placements) {
      read.targets.add(placement.node());
      trace.asked(placement.node());
    }
    for (Ring.Placement placement : placements) {
      if (placement.node().equals(replica.id())) {
        read.answered(replica.id(), replica.holding(get.key()));
      } else {
        replica.send(placement.node(), new Message.Fetch(requestId, get.key()));
      }
    }
    if (!read.done) {
      read.timer = replica.host().later(model.settings().quorumTimeoutUs(), read::timedOut);
    }
  }

  /** A read collecting R answers, and afterwards the late ones for read repair. */
  private final class PendingRead {
    final long requestId;
    final String client;
    final Message.Get get;
    final List<String> targets = new ArrayList<>();
    final Map<String, Version> answers = new LinkedHashMap<>();
    final Map<String, Version> repairedWith = new HashMap<>();
    Version newest;
    boolean done;
    Timer timer;
    ReadTrace trace;

    PendingRead(long requestId, String client, Message.Get get) {
      this.requestId = requestId;
      this.client = client;
      this.get = get;
    }

    void answered(String node, Version version) {
      if (answers.containsKey(node)) {
        return;
      }
      answers.put(node, version);
      trace.answered(node, version, model.sim().nowUs(), done);
      if (version != null) {
        newest = newest == null ? version : newest.merge(version);
      }
      if (!done && answers.size() >= model.settings().r()) {
        done = true;
        trace.decided(newest);
        replica.send(
            client,
            Answer.read(get.opId(), model.sim().nowUs(), newest, replica.id(), answers.keySet()));
      }
      if (done) {
        repair();
      }
      if (answers.size() == targets.size()) {
        finish();
      }
    }

    /** Read repair: every replica that answered with less than the newest version gets it. */
    private void repair() {
      if (!model.settings().readRepair() || newest == null) {
        return;
      }
      for (Map.Entry<String, Version> answer : answers.entrySet()) {
        String node = answer.getKey();
        Version theirs = answer.getValue();
        boolean behind = theirs == null || !theirs.covers(newest);
        if (behind && !newest.equals(repairedWith.get(node))) {
          repairedWith.put(node, newest);
          trace.repaired(node);
          if (node.equals(replica.id())) {
            replica.keep(get.key(), newest);
          } else {
            replica.send(node, new Message.Repair(get.key(), newest, "read repair", -1, 0));
          }
        }
      }
    }

    void timedOut() {
      if (!done) {
        done = true;
        refuse(
            client,
            get.opId(),
            "only "
                + answers.size()
                + " of r="
                + model.settings().r()
                + " replicas answered within "
                + Durations.format(model.settings().quorumTimeoutUs()),
            false);
      }
      finish();
    }

    private void finish() {
      reads.remove(requestId);
      if (timer != null) {
        timer.cancel();
      }
    }
  }

  private void refuse(String client, long opId, String why, boolean indefinite) {
    replica.send(client, Reply.refused(opId, why, indefinite));
  }
}
