package dev.replab.engine.leaderless;

import dev.replab.engine.cluster.Host;
import dev.replab.engine.net.Payload;
import dev.replab.engine.store.CausalRegister;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One node of a leaderless cluster, running on a {@link Host}: it stores the keys the ring gives
 * it, holds hints for owners that were down, coordinates the clients' requests that reach it, and
 * takes part in anti-entropy. What it stores and the hints it holds are durable; the requests it
 * coordinates are lost in a crash.
 */
final class Replica implements Host.Process {
  private final Host host;
  private final Leaderless model;
  private final Coordinator coordinator;

  // Durable state: it survives a crash, as data on disk does.
  private final HashMap<String, Version> store = new HashMap<>();
  private final TreeMap<Long, Hint> hints = new TreeMap<>();
  private long nextHintId = 1;

  /** A version this node keeps for an owner that could not be reached when it was written. */
  record Hint(long id, String owner, String key, Version version) {}

  Replica(Host host, Leaderless model) {
    this.host = host;
    this.model = model;
    this.coordinator = new Coordinator(this, model);
  }

  void start() {
    host.begin();
    model.maintenance().start(this);
  }

  String id() {
    return host.id();
  }

  Host host() {
    return host;
  }

  Coordinator coordinator() {
    return coordinator;
  }

  // ---------------------------------------------------------------- faults

  @Override
  public void crashed() {
    coordinator.forget();
  }

  @Override
  public void restarted() {
    model.maintenance().start(this);
  }

  // ---------------------------------------------------------------- delivery

  @Override
  public void deliver(String source, Payload payload) {
    Message message = (Message) payload;
    if (message instanceof Message.Put put) {
      host.serve(() -> coordinator.put(source, put));
    } else if (message instanceof Message.Get get) {
      host.serve(() -> coordinator.get(source, get));
    } else if (message instanceof Message.Forward forward) {
      coordinator.coordinate(forward.client(), forward.put());
    } else if (message instanceof Message.Store put) {
      onStore(source, put);
    } else if (message instanceof Message.Fetch fetch) {
      send(source, new Message.Fetched(fetch.requestId(), fetch.key(), holding(fetch.key())));
    } else if (message instanceof Message.Repair repair) {
      onRepair(source, repair);
    } else if (message instanceof Message.HandedOff taken) {
      model.maintenance().handedOff(this, taken);
    } else if (message instanceof Message.SyncRequest request) {
      model.maintenance().syncRequested(this, source, request);
    } else if (message instanceof Message.SyncReply reply) {
      model.maintenance().syncAnswered(this, source, reply);
    } else {
      coordinator.deliver(source, message);
    }
  }

  private void onStore(String source, Message.Store put) {
    if (put.hintFor() == null) {
      keep(put.key(), put.version());
    } else {
      hold(put.hintFor(), put.key(), put.version());
    }
    send(source, new Message.Stored(put.requestId(), put.key()));
  }

  private void onRepair(String source, Message.Repair repair) {
    boolean changed = keep(repair.key(), repair.version());
    model.repaired(this, repair, changed);
    if (repair.hintId() >= 0) {
      send(source, new Message.HandedOff(repair.hintId()));
    }
  }

  void send(String target, Payload message) {
    model.network().send(host.id(), target, message);
  }

  // ---------------------------------------------------------------- storage

  /** Merges a version into this node's copy of a key; true when that taught it something. */
  boolean keep(String key, Version version) {
    Version mine = store.get(key);
    Version merged = mine == null ? version : mine.merge(version);
    store.put(key, merged);
    return !merged.equals(mine);
  }

  /** This node's own copy of a key, or null. */
  Version stored(String key) {
    return store.get(key);
  }

  /** What this node answers a read with: its copy, and any hinted version it holds for the key. */
  Version holding(String key) {
    Version held = store.get(key);
    for (Hint hint : hints.values()) {
      if (hint.key().equals(key)) {
        held = held == null ? hint.version() : held.merge(hint.version());
      }
    }
    return held;
  }

  /** The register a vector write starts from at its coordinating replica. */
  CausalRegister register(String key) {
    Version mine = store.get(key);
    return mine instanceof Version.Vector vector ? vector.register() : CausalRegister.empty();
  }

  /** Every key this node stores with its version, in key order. */
  SortedMap<String, Version> store() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(store));
  }

  /** How many keys this node stores. */
  int keyCount() {
    return store.size();
  }

  // ---------------------------------------------------------------- hints

  private void hold(String owner, String key, Version version) {
    for (Hint hint : hints.values()) {
      if (hint.owner().equals(owner) && hint.key().equals(key)) {
        hints.put(hint.id(), new Hint(hint.id(), owner, key, hint.version().merge(version)));
        return;
      }
    }
    long id = nextHintId++;
    hints.put(id, new Hint(id, owner, key, version));
    model.hinted(this, owner, key);
  }

  List<Hint> hints() {
    return List.copyOf(hints.values());
  }

  /** The owner has taken the hint it was sent; a newer version merged since stays for later. */
  void handedOff(long hintId, Version sent) {
    Hint hint = hints.get(hintId);
    if (hint != null && hint.version().equals(sent)) {
      hints.remove(hintId);
    }
  }

  Hint hint(long hintId) {
    return hints.get(hintId);
  }

  /** Every key this node stores, for the ring's keys and inspect. */
  List<String> keys() {
    List<String> keys = new ArrayList<>(store.keySet());
    Collections.sort(keys);
    return keys;
  }
}
