package dev.replab.engine.multileader;

import dev.replab.engine.api.LwwOrder;
import dev.replab.engine.api.PlugInError;
import dev.replab.engine.api.VersionVectorRule;
import dev.replab.engine.store.VersionVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which writes of a key saw which: the engine's version vectors, or a {@link VersionVectorRule}
 * plugged in (an exercise's). A rule that throws or answers outside its contract stops the command
 * with a {@link PlugInError} that names the call.
 */
final class Causality {
  private VersionVectorRule rule;
  private LwwOrder lww;

  void use(VersionVectorRule rule) {
    this.rule = rule;
  }

  void useLww(LwwOrder order) {
    this.lww = order;
  }

  /** True when last write wins keeps {@code a} over {@code b}. */
  boolean wins(Sibling a, Sibling b) {
    if (lww == null) {
      return Sibling.LWW_ORDER.compare(a, b) > 0;
    }
    LwwOrder.Write left = write(a);
    LwwOrder.Write right = write(b);
    int order =
        PlugCall.guarded(
            "the last-write-wins order " + lww.getClass().getSimpleName(),
            "compare(" + left + ", " + right + ")",
            () -> lww.compare(left, right));
    if (order == 0 && !a.dot().equals(b.dot())) {
      throw new PlugInError(
          "the last-write-wins order "
              + lww.getClass().getSimpleName()
              + " called two different writes equal, compare("
              + left
              + ", "
              + right
              + ") = 0: leaders would keep different ones");
    }
    return order > 0;
  }

  private static LwwOrder.Write write(Sibling sibling) {
    return new LwwOrder.Write(
        sibling.stamp(),
        sibling.isTombstone(),
        sibling.value(),
        sibling.dot().node(),
        sibling.dot().counter());
  }

  boolean plugged() {
    return rule != null;
  }

  /** True when {@code later} had seen {@code earlier}, so that it replaces it. */
  boolean supersedes(Sibling later, Sibling earlier) {
    if (rule == null) {
      return later.supersedes(earlier);
    }
    List<VersionVectorRule.Entry> a = entries(earlier.seen());
    List<VersionVectorRule.Entry> b = entries(later.seen());
    VersionVectorRule.Order order =
        PlugCall.guarded(name(), "compare(" + a + ", " + b + ")", () -> rule.compare(a, b));
    if (order == null) {
      throw new PlugInError(name() + " returned null for compare(" + a + ", " + b + ")");
    }
    return order == VersionVectorRule.Order.BEFORE || order == VersionVectorRule.Order.EQUAL;
  }

  /** Everything either vector has seen. */
  VersionVector merge(VersionVector mine, VersionVector theirs) {
    if (rule == null) {
      return mine.merge(theirs);
    }
    List<VersionVectorRule.Entry> a = entries(mine);
    List<VersionVectorRule.Entry> b = entries(theirs);
    String call = "merge(" + a + ", " + b + ")";
    List<VersionVectorRule.Entry> merged = PlugCall.guarded(name(), call, () -> rule.merge(a, b));
    if (merged == null) {
      throw new PlugInError(name() + " returned null for " + call);
    }
    Map<String, Long> counters = new TreeMap<>();
    String previous = null;
    for (VersionVectorRule.Entry entry : merged) {
      if (entry == null || entry.dc() == null || entry.counter() <= 0) {
        throw new PlugInError(
            name()
                + " returned "
                + merged
                + " for "
                + call
                + ": every entry needs a dc and a counter above 0");
      }
      if (previous != null && previous.compareTo(entry.dc()) >= 0) {
        throw new PlugInError(
            name()
                + " returned "
                + merged
                + " for "
                + call
                + ": entries must be sorted by dc, each once");
      }
      previous = entry.dc();
      counters.put(entry.dc(), entry.counter());
    }
    return VersionVector.of(counters);
  }

  /** A vector as the rule sees it: entries sorted by datacenter name. */
  static List<VersionVectorRule.Entry> entries(VersionVector vector) {
    List<VersionVectorRule.Entry> entries = new ArrayList<>();
    vector
        .counters()
        .forEach((dc, counter) -> entries.add(new VersionVectorRule.Entry(dc, counter)));
    entries.sort(Comparator.comparing(VersionVectorRule.Entry::dc));
    return List.copyOf(entries);
  }

  private String name() {
    return "the version vector rule " + rule.getClass().getSimpleName();
  }
}
