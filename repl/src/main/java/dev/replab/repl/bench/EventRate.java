package dev.replab.repl.bench;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.leaderfollower.LeaderFollower;
import dev.replab.engine.sim.Simulation;
import java.util.Locale;

/**
 * Simulated events per second of wall time on a 5-node cluster under a steady write stream, beside
 * a bare priority-queue loop that runs as many events in the same JVM.
 *
 * <p>The budget compares against the bare loop as anyone would write it, with only live events
 * queued. A second ratio gives the bare loop the engine's queue depth too, which shows how much of
 * the gap is the engine keeping cancelled timers queued rather than the work per event.
 */
final class EventRate {
  private static final long WRITE_INTERVAL_US = 100;
  private static final int WRITES_PER_ROUND = 50_000;
  private static final int WARMUP_ROUNDS = 2;
  private static final double BUDGET_SHARE = 0.40;

  private final int rounds;
  private final BareEventLoop bare = new BareEventLoop();

  EventRate(int rounds) {
    this.rounds = rounds;
  }

  /** What one engine round did: how many events it ran, how fast, and how deep its queue was. */
  private record EngineRound(long events, double eventsPerSecond, int idleDepth) {}

  void report(Table table) {
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      EngineRound warm = engineRound();
      bare.eventsPerSecond(warm.events(), 0);
      bare.eventsPerSecond(warm.events(), warm.idleDepth());
    }
    double[] engineRates = new double[rounds];
    double[] bareRates = new double[rounds];
    double[] shares = new double[rounds];
    double[] sameDepthShares = new double[rounds];
    EngineRound last = null;
    for (int i = 0; i < rounds; i++) {
      last = engineRound();
      engineRates[i] = last.eventsPerSecond();
      bareRates[i] = bare.eventsPerSecond(last.events(), 0);
      shares[i] = engineRates[i] / bareRates[i];
      sameDepthShares[i] = engineRates[i] / bare.eventsPerSecond(last.events(), last.idleDepth());
    }
    // Each round's engine and bare runs are neighbours in time, so the median of the per-round
    // ratios is steadier on a busy machine than a ratio of medians.
    double share = Stats.of(shares).median();
    table.info("engine events/s (5 nodes, write stream)", rate(Stats.of(engineRates)));
    table.info("bare PriorityQueue loop events/s", rate(Stats.of(bareRates)));
    table.add("engine / bare loop", ">= 40%", percent(share), share >= BUDGET_SHARE);
    table.info(
        "engine / bare loop at the engine's depth", percent(Stats.of(sameDepthShares).median()));
    table.note(
        String.format(
            Locale.ROOT,
            "events: %s, one write every %d us, %,d writes (%,d events) per round; %d warm-up + %d rounds",
            Workload.CREATE,
            WRITE_INTERVAL_US,
            WRITES_PER_ROUND,
            last.events(),
            WARMUP_ROUNDS,
            rounds));
    table.note(
        String.format(
            Locale.ROOT,
            "the bare loop keeps %d live events queued; at the engine's depth it also holds %,d idle ones, "
                + "as many as the cancelled client timeouts the engine's queue holds on average",
            BareEventLoop.LIVE_EVENTS,
            last.idleDepth()));
  }

  private EngineRound engineRound() {
    Cluster cluster = Workload.freshCluster();
    LeaderFollower model = cluster.model(LeaderFollower.class);
    Simulation sim = cluster.sim();
    long eventsBefore = sim.eventsRun();
    long startNs = System.nanoTime();
    for (int i = 0; i < WRITES_PER_ROUND; i++) {
      model.write(Cluster.DEFAULT_CLIENT, Workload.key(i), Workload.key(i + 1), Workload.LEADER);
      sim.runUntil(sim.nowUs() + WRITE_INTERVAL_US);
    }
    long elapsedNs = System.nanoTime() - startNs;
    long events = sim.eventsRun() - eventsBefore;
    return new EngineRound(
        events, events / (elapsedNs / 1e9), idleDepth(Workload.clientTimeoutUs(cluster)));
  }

  /**
   * How many answered requests' timeouts the engine's queue holds on average during a round: each
   * write leaves a cancelled timer queued until its timeout would have fired.
   */
  private static int idleDepth(long clientTimeoutUs) {
    long window = Math.max(1, clientTimeoutUs / WRITE_INTERVAL_US);
    long sum = 0;
    for (long i = 0; i < WRITES_PER_ROUND; i++) {
      sum += Math.min(i, window);
    }
    return (int) (sum / WRITES_PER_ROUND);
  }

  static String rate(Stats stats) {
    return String.format(
        Locale.ROOT,
        "%.2f M/s (min %.2f, max %.2f)",
        stats.median() / 1e6,
        stats.min() / 1e6,
        stats.max() / 1e6);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
