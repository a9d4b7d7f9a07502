package dev.replab.engine.net;

import dev.replab.engine.sim.Rng;
import dev.replab.engine.sim.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Directed links between endpoints (nodes and clients), with delays, loss and partitions.
 *
 * <p>Each directed link is first-in first-out, as a TCP connection is: a message never overtakes
 * one sent earlier on the same link. A partition is a set of cut directed links; a message that
 * arrives at a cut link is dropped.
 */
public final class Network {
  /** Where messages for one endpoint are handed over. */
  public interface Receiver {
    void deliver(String source, Payload message);
  }

  /** Observes traffic, for diagrams and counts; the network never waits on it. */
  public interface Listener {
    void sent(
        long atUs, String source, String target, Payload message, long deliverAtUs, boolean lost);

    void dropped(long atUs, String source, String target, Payload message, String why);
  }

  private final Simulation sim;
  private final List<Endpoint> endpoints = new ArrayList<>();
  private final java.util.Map<String, Endpoint> byId = new java.util.HashMap<>();
  private LinkState[][] links = new LinkState[8][8];
  private long wanUs;
  private Latency wanOverride;
  private Latency insideOverride;
  private double defaultLoss;
  private Listener listener;
  private long messagesSent;
  private int latencyVersion;

  public Network(Simulation sim) {
    this.sim = sim;
  }

  /** Adds a server in a region. */
  public void register(String id, String region, Receiver receiver) {
    add(id, region, receiver, false);
  }

  /**
   * Adds a client in a region. The cluster-wide loss setting does not apply to clients' links
   * (their requests stand for whole TCP exchanges); {@link #configureLink} can still make them
   * lossy.
   */
  public void registerClient(String id, String region, Receiver receiver) {
    add(id, region, receiver, true);
  }

  private void add(String id, String region, Receiver receiver, boolean client) {
    if (byId.containsKey(id)) {
      throw new IllegalStateException("endpoint already registered: " + id);
    }
    Endpoint endpoint = new Endpoint(endpoints.size(), id, region, receiver, client);
    endpoints.add(endpoint);
    byId.put(id, endpoint);
  }

  public boolean has(String id) {
    return byId.containsKey(id);
  }

  public String region(String id) {
    return endpoint(id).region;
  }

  public void setListener(Listener listener) {
    this.listener = listener;
  }

  /** Sets the one-way delay between any two different regions (0 restores the typical table). */
  public void setWanUs(long wanUs) {
    latencyVersion++;
    this.wanUs = wanUs;
  }

  /** Sets the delay between any two different regions as a distribution (null: as before). */
  public void setWanLatency(Latency latency) {
    latencyVersion++;
    this.wanOverride = latency;
  }

  /** Sets the delay between endpoints of the same region (null restores the default). */
  public void setInsideLatency(Latency latency) {
    latencyVersion++;
    this.insideOverride = latency;
  }

  public void setDefaultLoss(double loss) {
    this.defaultLoss = loss;
  }

  /** Counts changes to link delays, so that callers may cache what they derived from them. */
  public int latencyVersion() {
    return latencyVersion;
  }

  /** Overrides delay and/or loss on one directed link; a null leaves that part unchanged. */
  public void configureLink(String source, String target, Latency latency, Double loss) {
    latencyVersion++;
    LinkState link = link(endpoint(source), endpoint(target));
    if (latency != null) {
      link.latency = latency;
    }
    if (loss != null) {
      link.loss = loss;
    }
  }

  /** Cuts the directed link from source to target. */
  public void cut(String source, String target) {
    link(endpoint(source), endpoint(target)).cut = true;
  }

  /** Restores every cut link. */
  public void healAll() {
    for (LinkState[] row : links) {
      for (LinkState link : row) {
        if (link != null) {
          link.cut = false;
        }
      }
    }
  }

  public boolean isCut(String source, String target) {
    LinkState link = existing(endpoint(source), endpoint(target));
    return link != null && link.cut;
  }

  /** True when any link is cut. */
  public boolean anyCut() {
    for (LinkState[] row : links) {
      for (LinkState link : row) {
        if (link != null && link.cut) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True when messages from source can reach target at all: the link is not cut nor certain to lose
   * them.
   */
  public boolean reachable(String source, String target) {
    Endpoint from = endpoint(source);
    Endpoint to = endpoint(target);
    LinkState link = existing(from, to);
    double loss =
        link != null && link.loss != null ? link.loss : from.client || to.client ? 0 : defaultLoss;
    return (link == null || !link.cut) && loss < 1;
  }

  /** The delay distribution the link from source to target uses now. */
  public Latency latency(String source, String target) {
    Endpoint from = endpoint(source);
    Endpoint to = endpoint(target);
    LinkState link = existing(from, to);
    return link != null && link.latency != null ? link.latency : defaultLatency(from, to);
  }

  public long messagesSent() {
    return messagesSent;
  }

  /** Sends a message; it arrives after the link's delay unless it is lost or the link is cut. */
  public void send(String source, String target, Payload message) {
    Endpoint from = endpoint(source);
    Endpoint to = endpoint(target);
    LinkState link = link(from, to);
    messagesSent++;
    double loss = link.loss != null ? link.loss : from.client || to.client ? 0 : defaultLoss;
    Latency latency = link.latency != null ? link.latency : defaultLatency(from, to);
    long now = sim.nowUs();
    long deliverAt = Math.max(now + latency.sampleUs(link.rng), link.lastDeliveryUs);
    boolean lost = link.rng.chance(loss);
    if (listener != null) {
      listener.sent(now, source, target, message, deliverAt, lost);
    }
    if (lost) {
      return;
    }
    link.lastDeliveryUs = deliverAt;
    int senderLife = from.life;
    Runnable arrival =
        () -> {
          if (from.life != senderLife) {
            if (listener != null) {
              listener.dropped(sim.nowUs(), from.id, to.id, message, "sender crashed");
            }
            return;
          }
          arrive(from, to, link, message);
        };
    if (message.background()) {
      sim.scheduleBackground(deliverAt - now, arrival);
    } else {
      sim.schedule(deliverAt - now, arrival);
    }
  }

  private void arrive(Endpoint from, Endpoint to, LinkState link, Payload message) {
    if (link.cut) {
      if (listener != null) {
        listener.dropped(sim.nowUs(), from.id, to.id, message, "partition");
      }
      return;
    }
    to.receiver.deliver(from.id, message);
  }

  private Latency defaultLatency(Endpoint from, Endpoint to) {
    if (insideOverride != null && from.region.equals(to.region)) {
      return insideOverride;
    }
    if (wanOverride != null && !from.region.equals(to.region)) {
      return wanOverride;
    }
    return Regions.between(from.region, to.region, wanUs);
  }

  private LinkState existing(Endpoint from, Endpoint to) {
    return from.index < links.length && to.index < links.length
        ? links[from.index][to.index]
        : null;
  }

  private LinkState link(Endpoint from, Endpoint to) {
    int needed = Math.max(from.index, to.index) + 1;
    if (needed > links.length) {
      int size = Math.max(needed, links.length * 2);
      LinkState[][] grown = new LinkState[size][size];
      for (int i = 0; i < links.length; i++) {
        System.arraycopy(links[i], 0, grown[i], 0, links.length);
      }
      links = grown;
    }
    LinkState link = links[from.index][to.index];
    if (link == null) {
      link = new LinkState(sim.rng("link " + from.id + "->" + to.id));
      links[from.index][to.index] = link;
    }
    return link;
  }

  private Endpoint endpoint(String id) {
    Endpoint endpoint = byId.get(id);
    if (endpoint == null) {
      throw new IllegalArgumentException("no endpoint '" + id + "'");
    }
    return endpoint;
  }

  /**
   * Loses every message {@code id} sent that has not arrived yet, as a power failure loses what was
   * still in the machine's buffers.
   */
  public void loseInFlightFrom(String id) {
    endpoint(id).life++;
  }

  private static final class Endpoint {
    final int index;
    final String id;
    final String region;
    final Receiver receiver;
    final boolean client;
    int life;

    Endpoint(int index, String id, String region, Receiver receiver, boolean client) {
      this.index = index;
      this.id = id;
      this.region = region;
      this.receiver = receiver;
      this.client = client;
    }
  }

  /** One directed link; its own random source keeps its draws independent of other traffic. */
  private static final class LinkState {
    final Rng rng;
    Latency latency;
    Double loss;
    boolean cut;
    long lastDeliveryUs;

    LinkState(Rng rng) {
      this.rng = rng;
    }
  }
}
