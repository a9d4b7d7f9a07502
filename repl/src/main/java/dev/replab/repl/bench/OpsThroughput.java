package dev.replab.repl.bench;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.leaderfollower.LeaderFollower;
import dev.replab.engine.sim.Simulation;
import java.util.Locale;

/**
 * Wall time for a stream of client operations on 5 nodes: writes to the leader alternating with
 * reads spread over every node, until the last one has an answer.
 */
final class OpsThroughput {
  static final int BUDGET_OPS = 1_000_000;
  static final double BUDGET_SECONDS = 2.0;
  private static final long OP_INTERVAL_US = 50;
  private static final int WARMUP_OPS_MAX = 100_000;

  private final int ops;
  private final int rounds;

  OpsThroughput(int ops, int rounds) {
    this.ops = ops;
    this.rounds = rounds;
  }

  void report(Table table) {
    runOnce(Math.min(ops, WARMUP_OPS_MAX));
    double[] seconds = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      seconds[i] = runOnce(ops);
    }
    Stats stats = Stats.of(seconds);
    double opsPerSecond = ops / stats.median();
    String measured =
        String.format(
            Locale.ROOT, "%.2f s (min %.2f, max %.2f)", stats.median(), stats.min(), stats.max());
    String budget = String.format(Locale.ROOT, "< %.1f s", BUDGET_SECONDS);
    if (ops == BUDGET_OPS) {
      table.add("1 M client ops on 5 nodes", budget, measured, stats.median() < BUDGET_SECONDS);
    } else {
      double projected = BUDGET_OPS / opsPerSecond;
      table.info(String.format(Locale.ROOT, "%,d client ops on 5 nodes", ops), measured);
      table.add(
          "1 M client ops, projected",
          budget,
          String.format(Locale.ROOT, "%.2f s", projected),
          projected < BUDGET_SECONDS);
      table.note(
          "the projection is linear: a lower bound whenever an op costs more as the history grows; "
              + "measure the budget itself with --only ops --ops 1000000 --rounds 1");
    }
    table.info("client ops/s", String.format(Locale.ROOT, "%,.0f", opsPerSecond));
    table.note(
        String.format(
            Locale.ROOT,
            "ops: %s, one op every %d us (writes to %s, reads round-robin over all nodes), "
                + "timed until every op has an answer; 1 warm-up + %d rounds",
            Workload.CREATE,
            OP_INTERVAL_US,
            Workload.LEADER,
            rounds));
  }

  /** Runs {@code count} operations on a fresh cluster and returns the wall time in seconds. */
  private static double runOnce(int count) {
    Cluster cluster = Workload.freshCluster();
    Simulation sim = cluster.sim();
    Operation[] started = new Operation[count];
    long startNs = System.nanoTime();
    for (int i = 0; i < count; i++) {
      started[i] = start(cluster, i);
      sim.runUntil(sim.nowUs() + OP_INTERVAL_US);
    }
    Answered answered = new Answered(started);
    boolean allAnswered =
        sim.runUntil(answered::all, sim.nowUs() + Workload.clientTimeoutUs(cluster) + 1_000_000);
    long elapsedNs = System.nanoTime() - startNs;
    if (!allAnswered) {
      throw new IllegalStateException(
          "operation " + (answered.next + 1) + " of " + count + " never finished");
    }
    if (answered.failed > 0) {
      throw new IllegalStateException(
          answered.failed
              + " of "
              + count
              + " operations did not succeed, so the timing means little");
    }
    return elapsedNs / 1e9;
  }

  private static Operation start(Cluster cluster, int i) {
    int pair = i / 2;
    if (i % 2 == 0) {
      return cluster
          .model(LeaderFollower.class)
          .write(Cluster.DEFAULT_CLIENT, Workload.key(pair), Workload.key(i), Workload.LEADER);
    }
    String node = Workload.NODES[pair % Workload.NODES.length];
    return cluster
        .model(LeaderFollower.class)
        .read(Cluster.DEFAULT_CLIENT, Workload.key(pair), node);
  }

  /** Answers whether every operation has finished, looking at each one only until it has. */
  private static final class Answered {
    private final Operation[] ops;
    private int next;
    private int failed;

    Answered(Operation[] ops) {
      this.ops = ops;
    }

    boolean all() {
      while (next < ops.length && ops[next].outcome() != Outcome.PENDING) {
        if (ops[next].outcome() != Outcome.OK) {
          failed++;
        }
        next++;
      }
      return next == ops.length;
    }
  }
}
