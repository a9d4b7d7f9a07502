package dev.replab.engine.render;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.history.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Pieces every model's live view ({@code watch}) shares: traffic in flight and throughput. */
public final class FrameLines {
  private FrameLines() {}

  /** How many messages that are not heartbeats are on their way to each node now. */
  public static Map<String, Integer> inFlight(Cluster cluster, long now) {
    Map<String, Integer> counts = new HashMap<>();
    List<Trace.Hop> hops = cluster.trace().recent(2_000);
    for (int i = hops.size() - 1; i >= 0; i--) {
      Trace.Hop hop = hops.get(i);
      if (hop.fate() == Trace.Fate.DELIVERED
          && hop.sentUs() <= now
          && hop.arriveUs() > now
          && !hop.message().background()) {
        counts.merge(hop.target(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The reads and writes answered in the last second of simulated time. */
  public static String throughput(Cluster cluster, long now) {
    List<Operation> ops = cluster.history().operations();
    int reads = 0;
    int writes = 0;
    for (int i = ops.size() - 1; i >= 0; i--) {
      Operation op = ops.get(i);
      if (op.invokeUs() < now - 2_000_000) {
        break;
      }
      if (op.completeUs() >= 0 && op.completeUs() > now - 1_000_000 && op.completeUs() <= now) {
        if (op.isWrite()) {
          writes++;
        } else {
          reads++;
        }
      }
    }
    return String.format(Locale.ROOT, "last second: %d reads/s, %d writes/s", reads, writes);
  }
}
