package dev.replab.engine.leaderless;

import dev.replab.engine.command.Result;
import java.util.List;

/** What a leaderless cluster's views produce: plain records, printed as text or JSON. */
public final class LeaderlessResults {
  private LeaderlessResults() {}

  /** One node in {@code status}. */
  public record NodeLine(
      String id, boolean up, String state, String region, int keys, int hints, double ringShare) {}

  /** {@code status}: the quorum, its overlap, the repair settings and every node. */
  public record Status(
      String model,
      int n,
      int w,
      int r,
      boolean overlapping,
      String versions,
      boolean readRepair,
      String antiEntropy,
      boolean sloppy,
      List<NodeLine> nodes,
      List<String> partitions,
      String text)
      implements Result.ModelResult {}

  /** One replica's copy of a key in {@code inspect}. */
  public record Copy(
      String node, String state, List<String> values, String version, boolean stale) {}

  /** A hint in {@code inspect} and {@code hints}: a stand-in keeps a version for an owner. */
  public record Hint(
      String holder, String owner, String key, List<String> values, String version) {}

  /** {@code inspect <key>}: its preference list in order, each copy, and the hints held for it. */
  public record Inspection(
      String key,
      List<String> preference,
      String newest,
      List<Copy> replicas,
      List<Hint> hints,
      String text)
      implements Result.ModelResult {}

  /** {@code hints}. */
  public record Hints(List<Hint> hints, String text) implements Result.ModelResult {}

  /** {@code repair}: what one anti-entropy round compared and sent. */
  public record RepairReport(
      int pairs,
      int keysTotal,
      int hashesExchanged,
      int keysDiffering,
      int keysRepaired,
      double tookMs,
      String text)
      implements Result.ModelResult {}

  /** One point of the curve in {@code --json}. */
  public record Point(double tMs, double p, double modelP, int trials) {}

  /** The measured curve. */
  public record Curve(
      int n,
      int w,
      int r,
      String legs,
      int trials,
      List<Point> points,
      Double t999Ms,
      Integer k,
      Double kMeasured,
      Double kClosedForm,
      String text)
      implements Result.ModelResult {}
}
