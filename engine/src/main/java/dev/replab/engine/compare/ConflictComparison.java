package dev.replab.engine.compare;

import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.api.ConflictResolver;
import dev.replab.engine.command.Result;
import dev.replab.engine.multileader.MultiLeader;
import dev.replab.engine.multileader.MultiLeaderResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code compare conflicts}: one trace of concurrent writes, run on a fresh multi-leader cluster
 * per conflict strategy from the same seed, and what each strategy made of it: every key's final
 * value in each datacenter, the acknowledged writes it threw away, and whether the datacenters
 * agree.
 */
final class ConflictComparison {
  /**
   * The trace that shows each strategy's character: two datacenters edit a cart at once; a write
   * made after another, on a leader whose clock is behind, overwrites it; and two datacenters count
   * a like each, once in a CRDT counter and once as a value read and written back one higher.
   */
  static final List<String> DEFAULT_TRACE =
      List.of(
          "write cart milk as ana@eu",
          "settle",
          "write cart milk+eggs as ana@eu & write cart milk+tea as bob@us",
          "settle",
          "write status draft as bob@us",
          "settle",
          "skew n1 -2s",
          "write status final as ana@eu",
          "type likes counter",
          "incr likes as ana@eu & incr likes as bob@us",
          "write views 1 as ana@eu & write views 1 as bob@us",
          "settle");

  /** One strategy to run the trace under. */
  record Variant(String name, String createOptions, boolean custom) {}

  static final List<Variant> VARIANTS =
      List.of(
          new Variant("lww", "conflicts=lww", false),
          new Variant("lww clock=lamport", "conflicts=lww clock=lamport", false),
          new Variant("siblings", "conflicts=siblings", false),
          new Variant("merge", "conflicts=merge", false),
          new Variant("custom", "conflicts=siblings", true));

  private ConflictComparison() {}

  static Result run(List<String> trace, long seed, String traceName, ConflictResolver resolver) {
    List<MultiLeaderResults.StrategyRow> rows = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Variant variant : VARIANTS) {
      if (variant.custom() && resolver == null) {
        notes.add(
            "custom: not run; install a resolver on a multi-leader cluster first, as in"
                + " :java cluster.resolveWith((key, values) -> String.join(\"+\", values))");
        continue;
      }
      Session session = new Session(seed);
      Comparisons.one(session, "create multi-leader " + variant.createOptions());
      MultiLeader model = session.cluster().model(MultiLeader.class);
      if (variant.custom()) {
        model.resolveWith(resolver);
        Comparisons.one(session, "conflicts custom");
      }
      for (String line : trace) {
        for (Executed executed : session.execute(line)) {
          if (!executed.ok()) {
            throw new IllegalArgumentException(
                "the trace line '" + executed.source() + "' was rejected: " + executed.error());
          }
        }
      }
      Comparisons.one(session, "settle");
      List<String> lost = new ArrayList<>();
      Result.CheckReport lostUpdates =
          (Result.CheckReport) Comparisons.one(session, "check lost-updates");
      lostUpdates.findings().forEach(finding -> lost.add(lostWrite(session, finding)));
      Result.CheckReport divergence =
          (Result.CheckReport) Comparisons.one(session, "check divergence");
      boolean agree = divergence.findings().isEmpty();
      Map<String, Map<String, String>> values = new LinkedHashMap<>();
      for (String key : model.keysStored()) {
        if (!keys.contains(key)) {
          keys.add(key);
        }
        Map<String, String> byDc = new LinkedHashMap<>();
        for (String dc : model.dcs()) {
          String leader = model.writers().get(model.dcs().indexOf(dc));
          Result.ReadDone read =
              (Result.ReadDone) Comparisons.one(session, "read " + key + " via " + leader);
          byDc.put(dc, read.value() == null ? "(none)" : read.value());
        }
        values.put(key, byDc);
      }
      rows.add(new MultiLeaderResults.StrategyRow(variant.name(), values, lost, agree));
    }
    return new MultiLeaderResults.Comparison(
        traceName, trace, keys, rows, text(seed, traceName, trace, keys, rows, notes));
  }

  /** {@code cart=milk+eggs (op #3)}: the write a finding says was thrown away. */
  private static String lostWrite(Session session, Result.FindingRow finding) {
    long op = finding.ops().get(0);
    var operation = session.cluster().history().get(op);
    return operation == null
        ? "op #" + op
        : operation.key() + "=" + operation.written() + " (op #" + op + ")";
  }

  private static String text(
      long seed,
      String traceName,
      List<String> trace,
      List<String> keys,
      List<MultiLeaderResults.StrategyRow> rows,
      List<String> notes) {
    StringBuilder text =
        new StringBuilder(
            "compare conflicts: "
                + traceName
                + ", run on a fresh multi-leader cluster per strategy (seed "
                + seed
                + ")\n");
    text.append("trace: ").append(String.join("; ", trace)).append('\n');
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("strategy"));
    header.addAll(keys);
    header.addAll(List.of("lost", "datacenters"));
    table.add(header);
    for (MultiLeaderResults.StrategyRow row : rows) {
      List<String> line = new ArrayList<>(List.of(row.strategy()));
      for (String key : keys) {
        line.add(shown(row.values().getOrDefault(key, Map.of())));
      }
      line.add(Integer.toString(row.lost().size()));
      line.add(row.agree() ? "agree" : "DISAGREE");
      table.add(line);
    }
    int[] widths = new int[header.size()];
    for (List<String> line : table) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (List<String> line : table) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        out.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", line.get(i)));
      }
      text.append(out.toString().stripTrailing()).append('\n');
    }
    for (MultiLeaderResults.StrategyRow row : rows) {
      if (!row.lost().isEmpty()) {
        text.append(row.strategy())
            .append(" threw away ")
            .append(String.join(", ", row.lost()))
            .append(", each acknowledged to its client\n");
      }
    }
    for (String note : notes) {
      text.append(note).append('\n');
    }
    text.append(
        "a value in braces is siblings: the datacenters keep every concurrent write until one"
            + " that saw them all replaces them; a key typed with 'type' merges as its CRDT under"
            + " every strategy, and merge keeps untyped keys as siblings");
    return text.toString();
  }

  /** One value when every datacenter agrees, else each datacenter's. */
  private static String shown(Map<String, String> byDc) {
    if (byDc.isEmpty()) {
      return "-";
    }
    if (byDc.values().stream().distinct().count() == 1) {
      return byDc.values().iterator().next();
    }
    List<String> parts = new ArrayList<>();
    byDc.forEach((dc, value) -> parts.add(dc + ": " + value));
    return String.join(" / ", parts);
  }
}
