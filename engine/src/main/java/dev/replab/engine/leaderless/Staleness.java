package dev.replab.engine.leaderless;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.cluster.ClusterSpec;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.net.Latency;
import dev.replab.engine.net.Network;
import dev.replab.engine.net.Regions;
import dev.replab.engine.sim.Rng;
import dev.replab.engine.sim.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Probabilistically bounded staleness, measured: how likely a read that starts t after a write
 * commits is to return that write. Trials run the real coordinators and replicas on a fresh
 * cluster, as in the WARS model of Bailis et al. (VLDB 2012): the write coordinator and the read
 * coordinator are not replicas, so each of the four legs (write, ack, read, response) to each
 * replica is a network message with its own independently drawn delay. The same legs are also
 * sampled straight from the model, without the simulator, so the two can be compared.
 */
final class Staleness {
  /** The four legs of a quorum exchange with one replica, each a delay distribution. */
  record Legs(Latency write, Latency ack, Latency read, Latency response) {
    static Legs all(Latency latency) {
      return new Legs(latency, latency, latency, latency);
    }

    Legs shifted(long byUs) {
      return new Legs(
          new Latency.Shifted(byUs, write),
          new Latency.Shifted(byUs, ack),
          new Latency.Shifted(byUs, read),
          new Latency.Shifted(byUs, response));
    }

    String describe() {
      String w = write.describe();
      if (w.equals(ack.describe()) && w.equals(read.describe()) && w.equals(response.describe())) {
        return "write=ack=read=response=" + w;
      }
      return "write="
          + w
          + " ack="
          + ack.describe()
          + " read="
          + read.describe()
          + " response="
          + response.describe();
    }
  }

  /** One point of the curve. */
  /** How many trials share one cluster before the next batch starts on a fresh one. */
  static final int TRIALS_PER_CLUSTER = 2_000;

  record Point(long tUs, int trials, int fresh, double model) {
    double p() {
      return trials == 0 ? 0 : (double) fresh / trials;
    }
  }

  private final int n;
  private final int w;
  private final int r;
  private final List<Legs> legs;
  private final long seed;

  /** Trials of N/W/R where replica {@code i} (from 0) is reached over {@code legs.get(i)}. */
  Staleness(int n, int w, int r, List<Legs> legs, long seed) {
    this.n = n;
    this.w = w;
    this.r = r;
    this.legs = List.copyOf(legs);
    this.seed = seed;
  }

  // ---------------------------------------------------------------- measured

  /**
   * Runs {@code trials} write-then-read experiments through the protocol, spread evenly over the
   * read delays {@code tsUs}, and counts the fresh reads at each.
   */
  List<Point> measure(long[] tsUs, int trials) {
    Cluster cluster = null;
    Leaderless model = null;
    int[] fresh = new int[tsUs.length];
    int[] count = new int[tsUs.length];
    for (int i = 0; i < trials; i++) {
      if (i % TRIALS_PER_CLUSTER == 0) {
        cluster = trialCluster(i / TRIALS_PER_CLUSTER);
        model = cluster.model(Leaderless.class);
      }
      int slot = i % tsUs.length;
      count[slot]++;
      if (trial(cluster, model, "k" + i, tsUs[slot])) {
        fresh[slot]++;
      }
    }
    double[] predicted = model(tsUs, trials);
    List<Point> points = new ArrayList<>();
    for (int slot = 0; slot < tsUs.length; slot++) {
      points.add(new Point(tsUs[slot], count[slot], fresh[slot], predicted[slot]));
    }
    return points;
  }

  /** One write, committed at W acknowledgements; then, t later, one read of it. */
  private boolean trial(Cluster cluster, Leaderless model, String key, long tUs) {
    Simulation sim = cluster.sim();
    Operation write = model.startWrite(Cluster.DEFAULT_CLIENT, key, "v", writer(), -1, null);
    cluster.runUntilDone(write);
    if (write.outcome() != Outcome.OK) {
      return false;
    }
    sim.runUntil(write.completeUs() + tUs);
    Operation read = model.startRead(Cluster.DEFAULT_CLIENT, key, reader(), null);
    cluster.runUntilDone(read);
    // Let every late message land before the next trial, so no link carries one trial's slow
    // message into the next: each leg's delay stays independent of the others'.
    sim.settle(Long.MAX_VALUE);
    return read.outcome() == Outcome.OK && "v".equals(read.value());
  }

  /**
   * A cluster of N replicas and two coordinators off the ring: one writes, the other reads, and
   * each leg between a coordinator and a replica has its own distribution. The client sits beside
   * both coordinators.
   */
  private Cluster trialCluster(int batch) {
    ClusterSpec spec =
        new ClusterSpec(n + 2, List.of(Regions.DEFAULT), null, 0, 0.0, 3_600_000_000L, 0);
    LeaderlessOptions options =
        new LeaderlessOptions(n, w, r, false, 0, false, 0, false, 1, 3_600_000_000L, 2);
    // Each batch of trials gets a fresh cluster on a seed of its own: one cluster for every trial
    // kept every trial's key, versions and operations alive, and copying them made the collector
    // the largest cost of a long run. The first batch runs on the command's own seed, so a run of
    // up to TRIALS_PER_CLUSTER trials is the same as before.
    Cluster cluster =
        new Cluster(
            new Simulation(seed ^ (batch * 0x9E37_79B9_7F4A_7C15L)),
            spec,
            Leaderless.DEFINITION,
            options);
    Network network = cluster.network();
    for (int i = 1; i <= n; i++) {
      String replica = "n" + i;
      Legs leg = legs.get(i - 1);
      network.configureLink(writer(), replica, leg.write(), 0.0);
      network.configureLink(replica, writer(), leg.ack(), 0.0);
      network.configureLink(reader(), replica, leg.read(), 0.0);
      network.configureLink(replica, reader(), leg.response(), 0.0);
    }
    Latency none = new Latency.Constant(0);
    for (String coordinator : List.of(writer(), reader())) {
      network.configureLink(Cluster.DEFAULT_CLIENT, coordinator, none, 0.0);
      network.configureLink(coordinator, Cluster.DEFAULT_CLIENT, none, 0.0);
    }
    return cluster;
  }

  private String writer() {
    return "n" + (n + 1);
  }

  private String reader() {
    return "n" + (n + 2);
  }

  // ---------------------------------------------------------------- the model itself

  /**
   * The WARS model sampled directly: a write commits when the W-th of the N (write + ack) round
   * trips ends; a read starting t later returns the first R of the N (read + response) round trips;
   * it is fresh when one of those R replicas had the write before the read reached it.
   */
  double[] model(long[] tsUs, int trials) {
    Rng rng = new Simulation(seed).rng("wars model");
    int[] fresh = new int[tsUs.length];
    int[] count = new int[tsUs.length];
    long[] arrive = new long[n];
    long[] roundTrip = new long[n];
    Integer[] order = new Integer[n];
    long[] readLeg = new long[n];
    long[] reply = new long[n];
    for (int i = 0; i < trials; i++) {
      int slot = i % tsUs.length;
      count[slot]++;
      for (int j = 0; j < n; j++) {
        arrive[j] = legs.get(j).write().sampleUs(rng);
        roundTrip[j] = arrive[j] + legs.get(j).ack().sampleUs(rng);
      }
      long[] sorted = roundTrip.clone();
      Arrays.sort(sorted);
      long commit = sorted[w - 1];
      for (int j = 0; j < n; j++) {
        readLeg[j] = legs.get(j).read().sampleUs(rng);
        reply[j] = readLeg[j] + legs.get(j).response().sampleUs(rng);
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> Long.compare(reply[a], reply[b]));
      long start = commit + tsUs[slot];
      for (int k = 0; k < r; k++) {
        int j = order[k];
        if (arrive[j] <= start + readLeg[j]) {
          fresh[slot]++;
          break;
        }
      }
    }
    double[] p = new double[tsUs.length];
    for (int slot = 0; slot < tsUs.length; slot++) {
      p[slot] = count[slot] == 0 ? 0 : (double) fresh[slot] / count[slot];
    }
    return p;
  }

  // ---------------------------------------------------------------- versions

  /**
   * The paper's closed form for k-staleness with quorums picked at random: the chance that a read
   * quorum of R misses all of the last k write quorums of W is (C(N-W, R) / C(N, R))^k.
   */
  static double closedFormKStaleness(int n, int w, int r, int k) {
    double miss = choose(n - w, r) / choose(n, r);
    return 1 - Math.pow(miss, k);
  }

  private static double choose(int n, int k) {
    if (k < 0 || k > n) {
      return 0;
    }
    double result = 1;
    for (int i = 1; i <= k; i++) {
      result = result * (n - k + i) / i;
    }
    return result;
  }

  /**
   * Measures k-staleness through the protocol: k writes of one key, each committed before the next,
   * then a read at once; it counts as fresh enough when it returns one of those k values.
   */
  double measureKStaleness(int k, int trials) {
    Cluster cluster = null;
    Leaderless model = null;
    int within = 0;
    for (int i = 0; i < trials; i++) {
      if (i % TRIALS_PER_CLUSTER == 0) {
        cluster = trialCluster(i / TRIALS_PER_CLUSTER);
        model = cluster.model(Leaderless.class);
      }
      String key = "k" + i;
      List<String> written = new ArrayList<>();
      for (int version = 0; version <= k; version++) {
        Operation write =
            model.startWrite(Cluster.DEFAULT_CLIENT, key, "v" + version, writer(), -1, null);
        cluster.runUntilDone(write);
        written.add("v" + version);
      }
      Operation read = model.startRead(Cluster.DEFAULT_CLIENT, key, reader(), null);
      cluster.runUntilDone(read);
      cluster.sim().settle(Long.MAX_VALUE);
      if (read.value() != null && written.subList(1, k + 1).contains(read.value())) {
        within++;
      }
    }
    return (double) within / trials;
  }
}
