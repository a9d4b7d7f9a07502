package dev.replab.engine.multileader;

import dev.replab.engine.command.Result;
import java.util.List;
import java.util.Map;

/** What a multi-leader cluster's views produce: plain records, printed as text or JSON. */
public final class MultiLeaderResults {
  private MultiLeaderResults() {}

  /** One node in {@code status}. */
  public record NodeLine(
      String id, String dc, String role, String state, long applied, int keys, long behind) {}

  /** One datacenter's row of the lag matrix: per origin, changes behind and the oldest's wait. */
  public record DcLag(String dc, String leader, Map<String, Long> behind, Map<String, Double> ms) {}

  /** {@code status}. */
  public record Status(
      String model,
      String topology,
      String conflicts,
      String clock,
      boolean causal,
      List<NodeLine> nodes,
      List<DcLag> lag,
      List<String> partitions,
      String text)
      implements Result.ModelResult {}

  /** One node's copy of a key in {@code inspect}. */
  public record Copy(String node, String dc, String state, String holds, boolean differs) {}

  /** {@code inspect <key>}. */
  public record Inspection(String key, String type, List<Copy> copies, String text)
      implements Result.ModelResult {}

  /** One conflict in {@code conflicts}. */
  public record ConflictLine(
      long number,
      double atMs,
      String key,
      List<String> values,
      List<Long> ops,
      String resolution,
      List<String> seenAt) {}

  /** {@code conflicts}. */
  public record Conflicts(String strategy, List<ConflictLine> conflicts, String text)
      implements Result.ModelResult {}

  /** {@code incr}, {@code decr}, {@code add}, {@code remove}. */
  public record Updated(
      String key,
      String update,
      String node,
      String client,
      String outcome,
      String value,
      double latencyMs,
      String failure,
      String text)
      implements Result.ModelResult {}

  /** One strategy's line of {@code compare conflicts}: per key, each datacenter's value. */
  public record StrategyRow(
      String strategy, Map<String, Map<String, String>> values, List<String> lost, boolean agree) {}

  /** {@code compare conflicts}. */
  public record Comparison(
      String traceName, List<String> trace, List<String> keys, List<StrategyRow> rows, String text)
      implements Result.ModelResult {}
}
