package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.FailureDetector;
import dev.replab.engine.sim.Durations;
import java.util.Map;
import java.util.TreeMap;

/**
 * A separate failover manager, like Patroni, repmgr or Orchestrator beside a database: it pings the
 * leader, and when the leader stays silent it asks the followers where their logs end, promotes the
 * most up-to-date one and points DNS at it. With STONITH it first powers the old leader off.
 */
final class Monitor {
  static final String ID = "monitor";

  private final LeaderFollower cluster;
  private FailureDetector detector;
  private String watched;
  private long sequence;
  private long round;
  private boolean failingOver;
  private final Map<String, Message.StatusReport> reports = new TreeMap<>();

  Monitor(LeaderFollower cluster, String region) {
    this.cluster = cluster;
    cluster
        .network()
        .registerClient(ID, region, (source, message) -> deliver(source, (Message) message));
  }

  private boolean ticking;

  /** Watches the leader of record with a fresh detector; starts the pings once. */
  void start() {
    watch(cluster.dnsRecord());
    if (!ticking) {
      ticking = true;
      tick();
    }
  }

  /** Follows a leader that took over by other means (a manual promote, an election). */
  void watch(String leader) {
    watched = leader;
    detector = cluster.newDetector();
  }

  private boolean active() {
    return cluster.failover().auto() && cluster.failover().monitor();
  }

  private void tick() {
    if (active()) {
      long now = cluster.sim().nowUs();
      if (!failingOver && detector.suspects(now)) {
        beginFailover();
      } else if (!failingOver) {
        cluster.network().send(ID, watched, new Message.Ping(++sequence));
      }
    }
    cluster.sim().scheduleBackground(cluster.heartbeatUs(), this::tick);
  }

  private void deliver(String source, Message message) {
    message.dispatch(
        source,
        new Message.Handler() {
          @Override
          public void onPong(String from, Message.Pong pong) {
            if (from.equals(watched) && pong.leading()) {
              detector.heartbeat(cluster.sim().nowUs());
            }
          }

          @Override
          public void onStatusReport(String from, Message.StatusReport report) {
            if (report.round() == round) {
              reports.put(from, report);
            }
          }
        });
  }

  private void beginFailover() {
    failingOver = true;
    round++;
    reports.clear();
    cluster.noteMonitor(
        "monitor: no answer from leader "
            + watched
            + " for over "
            + Durations.format(cluster.failover().detectUs())
            + "; asking the other nodes where their logs end");
    for (String node : cluster.nodeIds()) {
      if (!node.equals(watched)) {
        cluster.network().send(ID, node, new Message.StatusQuery(round));
      }
    }
    long windowUs = Math.max(50_000, cluster.failover().detectUs() / 4);
    cluster.sim().schedule(windowUs, this::decide);
  }

  private void decide() {
    if (!active()) {
      // Failover was switched to manual, or to elections, while the monitor was asking around:
      // the decision is no longer the monitor's to make.
      failingOver = false;
      return;
    }
    String best = null;
    Message.StatusReport bestReport = null;
    Node old = cluster.node(watched);
    int newestEpoch = old == null ? 0 : old.epoch();
    for (Map.Entry<String, Message.StatusReport> entry : reports.entrySet()) {
      Message.StatusReport report = entry.getValue();
      newestEpoch = Math.max(newestEpoch, report.epoch());
      if (bestReport == null
          || report.lastEpoch() > bestReport.lastEpoch()
          || report.lastEpoch() == bestReport.lastEpoch()
              && report.lastOffset() > bestReport.lastOffset()) {
        best = entry.getKey();
        bestReport = report;
      }
    }
    failingOver = false;
    if (best == null) {
      cluster.noteMonitor("monitor: no other node answered; it will try again");
      return;
    }
    if (cluster.failover().stonith()) {
      cluster.powerOff(watched, ID);
    }
    int epoch = newestEpoch + 1;
    cluster.noteMonitor(
        "monitor: promoting "
            + best
            + " (log ends at epoch "
            + bestReport.lastEpoch()
            + ", offset "
            + bestReport.lastOffset()
            + ", the most up to date of "
            + String.join(", ", reports.keySet())
            + ") to lead epoch "
            + epoch);
    cluster.network().send(ID, best, new Message.PromoteOrder(epoch));
    watch(best);
  }
}
