package dev.replab.engine.leaderless;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The background work that repairs replicas without a client asking: hinted handoff, which gives a
 * stand-in's hints back to their owners once they are reachable, and anti-entropy, in which two
 * replicas compare Merkle trees over the keys they share and exchange only what differs.
 */
final class Maintenance {
  private final Leaderless model;
  private final Map<String, Integer> nextPeer = new HashMap<>();
  private final Map<String, Version> handedOffSent = new HashMap<>();
  private Round round;
  private long rounds;

  /** What one anti-entropy round compared and sent, so a learner can weigh it against a scan. */
  static final class Round {
    final long id;
    int exchanges;
    int pending;
    int keysCompared;
    int hashesCompared;
    int keysDiffering;
    int keysRepaired;

    Round(long id) {
      this.id = id;
    }
  }

  Maintenance(Leaderless model) {
    this.model = model;
  }

  /** Starts a node's periodic handoff and anti-entropy (again after a restart). */
  void start(Replica replica) {
    if (model.settings().handoffUs() > 0) {
      replica.host().chore(model.settings().handoffUs(), () -> handoffTick(replica));
    }
    if (model.settings().antiEntropyUs() > 0) {
      replica.host().chore(model.settings().antiEntropyUs(), () -> antiEntropyTick(replica));
    }
  }

  // ---------------------------------------------------------------- hinted handoff

  private void handoffTick(Replica replica) {
    handOff(replica);
    replica.host().chore(model.settings().handoffUs(), () -> handoffTick(replica));
  }

  /** Sends every hint whose owner this node can reach back to it. */
  void handOff(Replica replica) {
    for (Replica.Hint hint : replica.hints()) {
      if (model.healthyFrom(replica.id(), hint.owner())) {
        handedOffSent.put(hintKey(replica, hint.id()), hint.version());
        replica.send(
            hint.owner(), new Message.Repair(hint.key(), hint.version(), "handoff", hint.id(), 0));
      }
    }
  }

  void handedOff(Replica replica, Message.HandedOff taken) {
    Version sent = handedOffSent.remove(hintKey(replica, taken.hintId()));
    Replica.Hint hint = replica.hint(taken.hintId());
    if (sent != null && hint != null) {
      replica.handedOff(taken.hintId(), sent);
      model.noteHandoff(replica, hint);
    }
  }

  private static String hintKey(Replica replica, long hintId) {
    return replica.id() + "#" + hintId;
  }

  // ---------------------------------------------------------------- anti-entropy

  private void antiEntropyTick(Replica replica) {
    List<String> peers = model.peersOf(replica.id());
    if (!peers.isEmpty()) {
      int turn = nextPeer.merge(replica.id(), 1, Integer::sum) - 1;
      String peer = peers.get(turn % peers.size());
      if (model.healthyFrom(replica.id(), peer)) {
        sync(replica, peer, null);
      }
    }
    replica.host().chore(model.settings().antiEntropyUs(), () -> antiEntropyTick(replica));
  }

  /**
   * Starts one round now in which every pair of reachable replicas compares trees; returns the
   * round, whose counts fill in as the messages arrive.
   */
  Round repairAll() {
    round = new Round(++rounds);
    List<Replica> replicas = model.replicasUp();
    for (int i = 0; i < replicas.size(); i++) {
      for (int j = i + 1; j < replicas.size(); j++) {
        if (model.healthyFrom(replicas.get(i).id(), replicas.get(j).id())) {
          sync(replicas.get(i), replicas.get(j).id(), round);
        }
      }
    }
    return round;
  }

  private void sync(Replica replica, String peer, Round counted) {
    if (counted != null) {
      counted.exchanges++;
      counted.pending++;
    }
    long id = counted == null ? 0 : counted.id;
    replica.send(peer, new Message.SyncRequest(id, tree(replica, peer)));
  }

  /** The tree over the keys this replica holds that {@code peer} should hold too. */
  private MerkleTree tree(Replica replica, String peer) {
    Map<String, String> digests = new TreeMap<>();
    replica
        .store()
        .forEach(
            (key, version) -> {
              if (model.preferenceList(key).contains(peer)) {
                digests.put(key, version.describe());
              }
            });
    return MerkleTree.build(digests);
  }

  void syncRequested(Replica replica, String source, Message.SyncRequest request) {
    MerkleTree mine = tree(replica, source);
    MerkleTree.Diff diff = mine.diff(request.tree());
    Map<String, Version> versions = new TreeMap<>();
    for (String key : diff.keys()) {
      Version version = replica.stored(key);
      if (version != null) {
        versions.put(key, version);
      }
    }
    int keys = Math.max(mine.size(), request.tree().size());
    replica.send(
        source,
        new Message.SyncReply(
            request.round(), new ArrayList<>(diff.keys()), versions, diff.hashesCompared(), keys));
  }

  void syncAnswered(Replica replica, String source, Message.SyncReply reply) {
    Round counted = round != null && reply.round() == round.id ? round : null;
    for (String key : reply.keys()) {
      Version theirs = reply.versions().get(key);
      if (theirs != null && replica.keep(key, theirs) && counted != null) {
        counted.keysRepaired++;
      }
      Version merged = replica.stored(key);
      if (merged != null && (theirs == null || !theirs.covers(merged))) {
        if (counted != null) {
          counted.pending++;
        }
        replica.send(source, new Message.Repair(key, merged, "anti-entropy", -1, reply.round()));
      }
    }
    if (counted != null) {
      counted.keysCompared += reply.keysCompared();
      counted.hashesCompared += reply.hashesCompared();
      counted.keysDiffering += reply.keys().size();
      counted.pending--;
    }
  }

  /** A repair reached its replica; anti-entropy repairs of the running round are counted. */
  void repairArrived(Message.Repair repair, boolean changed) {
    if (round != null && repair.round() == round.id && round.pending > 0) {
      round.pending--;
      if (changed) {
        round.keysRepaired++;
      }
    }
  }
}
