package dev.replab.engine.load;

import dev.replab.engine.check.Checker;
import dev.replab.engine.check.Checkers;
import dev.replab.engine.check.RunRecord;
import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.model.ReplicationModel;
import dev.replab.engine.sim.Rng;
import dev.replab.engine.sim.Simulation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a workload through a cluster's clients, inside simulated time, and measures it. Closed
 * loop by default: each client sends its next operation when the last one is answered, so the
 * offered load adapts to how fast the cluster answers. With a rate, arrivals are a Poisson process
 * that does not wait: queues grow when the cluster cannot keep up.
 */
public final class LoadRunner {
  private static final long LIMIT_US = 24L * 3_600_000_000L;

  private final Cluster cluster;
  private final Workload workload;
  private final Simulation sim;
  private final Rng rng;
  private final KeyChooser keys;
  private final String[] clientNames;
  private long issued;
  private long done;
  private long startUs;
  private long firstOpBefore;
  private long lastAnswerUs;
  private long[] readLatencies = new long[1024];
  private long[] writeLatencies = new long[1024];
  private int readCount;
  private int writeCount;
  private long failed;
  private long stale;
  private long valueCounter;
  private long maxLagEntries;
  private long maxLagUs;
  private String maxLagNode;

  private LoadRunner(Cluster cluster, Workload workload) {
    this.cluster = cluster;
    this.workload = workload;
    this.sim = cluster.sim();
    this.rng = sim.rng("load " + cluster.history().size());
    this.keys = new KeyChooser(workload.keys(), workload.zipf());
    this.clientNames = new String[workload.clients()];
    for (int i = 0; i < clientNames.length; i++) {
      clientNames[i] = "w" + (i + 1);
      String region =
          workload.region() != null
              ? workload.region()
              : cluster.spec().regions().get(i % cluster.spec().regions().size());
      cluster.client(clientNames[i], region);
      cluster.setClientPolicy(clientNames[i], workload.policy());
      cluster.setClientConsistency(clientNames[i], workload.consistency());
    }
  }

  /** Runs the workload to completion and reports what it measured. */
  public static LoadReport run(Cluster cluster, Workload workload) {
    return new LoadRunner(cluster, workload).run();
  }

  /**
   * Starts the workload and returns at once: it runs as later commands move time (tick, watch), and
   * when it ends its summary is recorded as a cluster event.
   *
   * @param whenDone receives the report when the last operation is answered
   */
  public static void start(
      Cluster cluster, Workload workload, java.util.function.Consumer<LoadReport> whenDone) {
    LoadRunner runner = new LoadRunner(cluster, workload);
    runner.whenDone = whenDone;
    runner.begin();
  }

  private java.util.function.Consumer<LoadReport> whenDone;

  private LoadReport run() {
    begin();
    sim.runUntil(() -> !canIssue() && done == issued, startUs + LIMIT_US);
    return report();
  }

  private void begin() {
    startUs = sim.nowUs();
    firstOpBefore = cluster.history().size();
    lastAnswerUs = startUs;
    if (workload.ratePerSecond() > 0) {
      scheduleArrival(0);
    } else {
      for (int i = 0; i < clientNames.length; i++) {
        String client = clientNames[i];
        // Clients start a microsecond apart so that they do not all arrive at once.
        sim.schedule(i, () -> issueFrom(client, true));
      }
    }
  }

  private boolean canIssue() {
    boolean underCount = workload.ops() == 0 || issued < workload.ops();
    boolean inTime = workload.durationUs() == 0 || sim.nowUs() - startUs < workload.durationUs();
    return underCount && inTime;
  }

  private void scheduleArrival(long delayUs) {
    sim.schedule(
        delayUs,
        () -> {
          if (!canIssue()) {
            return;
          }
          issueFrom(clientNames[(int) (issued % clientNames.length)], false);
          double meanGapUs = 1_000_000.0 / workload.ratePerSecond();
          scheduleArrival(Math.max(1, Math.round(-Math.log(1.0 - rng.nextDouble()) * meanGapUs)));
        });
  }

  private void issueFrom(String client, boolean closedLoop) {
    if (!canIssue()) {
      return;
    }
    issued++;
    String key = keys.next(rng);
    if (rng.nextInt(100) < workload.readPercent()) {
      cluster
          .model()
          .startRead(
              client,
              key,
              workload.consistency(),
              workload.policy(),
              op -> answered(op, client, closedLoop));
    } else {
      cluster
          .model()
          .startWrite(
              client, key, Long.toString(++valueCounter), op -> answered(op, client, closedLoop));
    }
  }

  private void answered(Operation op, String client, boolean closedLoop) {
    done++;
    lastAnswerUs = sim.nowUs();
    int tick = (int) ((lastAnswerUs - startUs) / LoadReport.TICK_US);
    while (answeredPerTick.size() <= tick) {
      answeredPerTick.add(0);
    }
    answeredPerTick.set(tick, answeredPerTick.get(tick) + 1);
    long latency = op.completeUs() - op.invokeUs();
    if (op.outcome() != Outcome.OK) {
      failed++;
    } else if (op.isWrite()) {
      writeLatencies = record(writeLatencies, writeCount++, latency);
    } else {
      readLatencies = record(readLatencies, readCount++, latency);
      if (op.stale()) {
        stale++;
      }
    }
    if ((done & 63) == 0) {
      sampleLag();
    }
    if (closedLoop && op.outcome() != Outcome.OK && workload.backoffUs() > 0) {
      sim.schedule(
          workload.backoffUs(),
          () -> {
            issueFrom(client, true);
            finishIfDone();
          });
    } else if (closedLoop) {
      issueFrom(client, true);
    }
    finishIfDone();
  }

  /** Hands a background workload's report over once nothing more will be issued or answered. */
  private void finishIfDone() {
    if (whenDone != null && !canIssue() && done == issued) {
      java.util.function.Consumer<LoadReport> report = whenDone;
      whenDone = null;
      report.accept(report());
    }
  }

  private static long[] record(long[] samples, int index, long value) {
    long[] into =
        index < samples.length ? samples : java.util.Arrays.copyOf(samples, samples.length * 2);
    into[index] = value;
    return into;
  }

  private void sampleLag() {
    for (ReplicationModel.LagNow lag : cluster.model().lagNow()) {
      if (lag.entries() > maxLagEntries || lag.lagUs() > maxLagUs) {
        maxLagNode = lag.node();
      }
      maxLagEntries = Math.max(maxLagEntries, lag.entries());
      maxLagUs = Math.max(maxLagUs, lag.lagUs());
    }
  }

  private LoadReport report() {
    double elapsedMs = (lastAnswerUs - startUs) / 1_000.0;
    long succeeded = readCount + writeCount;
    double throughput = elapsedMs == 0 ? 0 : succeeded / (elapsedMs / 1_000.0);
    Map<String, Integer> anomalies = new LinkedHashMap<>();
    RunRecord record = workload.analyze() ? cluster.runRecord() : null;
    for (Checker checker : workload.analyze() ? Checkers.forLoad() : List.<Checker>of()) {
      if (checker.notApplicable(record) != null) {
        continue;
      }
      try {
        int count = 0;
        for (dev.replab.engine.check.Finding finding : checker.check(record)) {
          if (finding.ops().stream().anyMatch(id -> id > firstOpBefore)) {
            count++;
          }
        }
        anomalies.put(checker.name(), count);
      } catch (Checker.Inconclusive e) {
        anomalies.put(checker.name(), -1);
      }
    }
    return new LoadReport(
        done,
        readCount,
        writeCount,
        failed,
        elapsedMs,
        throughput,
        Percentiles.of(readLatencies, readCount),
        Percentiles.of(writeLatencies, writeCount),
        stale,
        anomalies,
        maxLagEntries,
        maxLagUs / 1_000.0,
        maxLagNode,
        java.util.List.copyOf(answeredPerTick));
  }

  private final java.util.List<Integer> answeredPerTick = new java.util.ArrayList<>();
}
