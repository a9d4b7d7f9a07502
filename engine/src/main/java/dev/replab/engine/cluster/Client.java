package dev.replab.engine.cluster;

import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.sim.Durations;
import dev.replab.engine.sim.Timer;
import java.util.HashMap;
import java.util.Map;

/**
 * A named application session that sends operations to nodes and waits for answers. A client that
 * hears nothing within its timeout gives up; it cannot know whether a write took effect.
 */
public final class Client {
  private final String name;
  private final String region;
  private long timeoutUs;
  private final Map<Long, Waiting> waiting = new HashMap<>();
  private final java.util.ArrayDeque<Waiting> byDeadline = new java.util.ArrayDeque<>();
  private Timer deadlineCheck;

  /** An operation in flight: when the client gives up on it, and who wants to hear when it ends. */
  private record Waiting(
      Operation op,
      long deadlineUs,
      long timeoutUs,
      java.util.function.Consumer<Operation> whenDone) {}

  private Consistency consistency = Consistency.EVENTUAL;
  private String policy = "leader";
  private String cachedLeader;
  private long cacheExpiresUs = -1;

  Client(String name, String region, long timeoutUs) {
    this.name = name;
    this.region = region;
    this.timeoutUs = timeoutUs;
  }

  public String name() {
    return name;
  }

  public String region() {
    return region;
  }

  public long timeoutUs() {
    return timeoutUs;
  }

  void setTimeoutUs(long timeoutUs) {
    this.timeoutUs = timeoutUs;
  }

  public Consistency consistency() {
    return consistency;
  }

  void setConsistency(Consistency consistency) {
    this.consistency = consistency;
  }

  /** The read routing policy this client's reads use when they name no node. */
  public String policy() {
    return policy;
  }

  public void setPolicy(String policy) {
    this.policy = policy;
  }

  private final Map<String, Double> latencyCache = new HashMap<>();
  private int latencyCacheVersion = -1;

  /** The mean one-way delay from this client to a node, cached until a link changes. */
  public double meanLatencyTo(String node, dev.replab.engine.net.Network network) {
    if (latencyCacheVersion != network.latencyVersion()) {
      latencyCache.clear();
      latencyCacheVersion = network.latencyVersion();
    }
    return latencyCache.computeIfAbsent(node, n -> network.latency(name, n).meanUs());
  }

  /** The leader's address as this client's DNS cache has it, looking it up again once expired. */
  public String resolve(long nowUs, String record, long ttlUs) {
    if (cachedLeader == null || nowUs >= cacheExpiresUs) {
      cachedLeader = record;
      cacheExpiresUs = nowUs + ttlUs;
    }
    return cachedLeader;
  }

  void send(
      Cluster cluster,
      Operation op,
      dev.replab.engine.net.Payload request,
      java.util.function.Consumer<Operation> whenDone) {
    Waiting entry = new Waiting(op, cluster.sim().nowUs() + timeoutUs, timeoutUs, whenDone);
    waiting.put(op.id(), entry);
    byDeadline.addLast(entry);
    if (deadlineCheck == null
        || !deadlineCheck.pending()
        || entry.deadlineUs() < deadlineCheck.timeUs()) {
      armDeadlineCheck(cluster, entry.deadlineUs());
    }
    cluster.network().send(name, op.node(), request);
  }

  /**
   * One timer per client, set for the earliest deadline, instead of one per operation: a busy
   * client would otherwise leave a cancelled timer in the event queue for every answered request.
   */
  private void armDeadlineCheck(Cluster cluster, long atUs) {
    if (deadlineCheck != null) {
      deadlineCheck.cancel();
    }
    deadlineCheck =
        cluster.sim().schedule(atUs - cluster.sim().nowUs(), () -> checkDeadlines(cluster));
  }

  private void checkDeadlines(Cluster cluster) {
    deadlineCheck = null;
    long now = cluster.sim().nowUs();
    java.util.List<Waiting> expired = new java.util.ArrayList<>();
    for (java.util.Iterator<Waiting> it = byDeadline.iterator(); it.hasNext(); ) {
      Waiting entry = it.next();
      if (!waiting.containsKey(entry.op().id())) {
        it.remove();
      } else if (entry.deadlineUs() <= now) {
        it.remove();
        expired.add(entry);
      }
    }
    for (Waiting entry : expired) {
      giveUp(cluster, entry);
    }
    long next = Long.MAX_VALUE;
    for (Waiting entry : byDeadline) {
      next = Math.min(next, entry.deadlineUs());
    }
    if (next != Long.MAX_VALUE && (deadlineCheck == null || !deadlineCheck.pending())) {
      armDeadlineCheck(cluster, next);
    }
  }

  private void giveUp(Cluster cluster, Waiting entry) {
    Operation op = entry.op();
    waiting.remove(op.id());
    Outcome outcome = op.isWrite() ? Outcome.UNKNOWN : Outcome.FAIL;
    String why =
        "no answer from "
            + op.node()
            + " within "
            + Durations.format(entry.timeoutUs())
            + (op.isWrite() ? "; the write may or may not have taken effect" : "");
    op.complete(cluster.sim().nowUs(), outcome, null, 0, 0, why);
    notify(entry, op);
  }

  private static void notify(Waiting waiting, Operation op) {
    if (waiting != null && waiting.whenDone() != null) {
      waiting.whenDone().accept(op);
    }
  }

  void receive(Cluster cluster, dev.replab.engine.net.Payload message) {
    if (message instanceof Reply reply) {
      answered(cluster, reply);
    }
  }

  private void answered(Cluster cluster, Reply reply) {
    Waiting entry = waiting.remove(reply.opId());
    if (entry == null) {
      return;
    }
    while (!byDeadline.isEmpty() && !waiting.containsKey(byDeadline.peekFirst().op().id())) {
      byDeadline.pollFirst();
    }
    if (waiting.isEmpty() && deadlineCheck != null) {
      // Nothing is in flight: a pending deadline check would only keep 'settle' waiting.
      deadlineCheck.cancel();
      deadlineCheck = null;
    }
    Operation op = cluster.history().get(reply.opId());
    long now = cluster.sim().nowUs();
    if (reply.ok()) {
      op.complete(
          now,
          Outcome.OK,
          reply.value(),
          reply.version(),
          reply.epoch(),
          reply.versionLabel(),
          null);
      cluster.answered(this, op, reply);
    } else {
      Outcome outcome = reply.indefinite() && op.isWrite() ? Outcome.UNKNOWN : Outcome.FAIL;
      op.complete(now, outcome, null, 0, reply.epoch(), reply.error());
    }
    notify(entry, op);
  }
}
