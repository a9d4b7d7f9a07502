package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.LagMonitor;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every follower's lag through the lag monitor every 100 ms of simulated time and keeps the
 * recent readings, so that lag over time can be charted. Sampling is background work: it never
 * keeps {@code settle} from finishing.
 */
final class LagRecorder {
  private static final long SAMPLE_US = 100_000;
  private static final int KEPT = 3_000;

  private final LeaderFollower cluster;
  private final Map<String, ArrayDeque<LeaderFollower.LagSample>> samples = new LinkedHashMap<>();

  LagRecorder(LeaderFollower cluster) {
    this.cluster = cluster;
  }

  void start() {
    cluster.sim().scheduleBackground(SAMPLE_US, this::sample);
  }

  private void sample() {
    Node leader = cluster.leader();
    if (leader != null) {
      long now = cluster.sim().nowUs();
      for (Node node : cluster.nodesInOrder()) {
        if (node != leader) {
          LagMonitor.Reading reading = cluster.measureLag(node);
          ArrayDeque<LeaderFollower.LagSample> kept =
              samples.computeIfAbsent(node.id(), k -> new ArrayDeque<>());
          if (kept.size() == KEPT) {
            kept.pollFirst();
          }
          kept.addLast(
              new LeaderFollower.LagSample(
                  now, reading.entries(), reading.lagUs(), reading.replayLagUs()));
        }
      }
    }
    cluster.sim().scheduleBackground(SAMPLE_US, this::sample);
  }

  /** Each follower's recent readings, oldest first. */
  Map<String, List<LeaderFollower.LagSample>> history() {
    Map<String, List<LeaderFollower.LagSample>> copy = new LinkedHashMap<>();
    samples.forEach((node, kept) -> copy.put(node, List.copyOf(kept)));
    return copy;
  }
}
