package dev.replab.engine.multileader;

import dev.replab.engine.store.Dot;
import dev.replab.engine.store.VersionVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one node holds for a key written with {@code write} and {@code delete}: the writes not yet
 * replaced, and a version vector of every write it has seen. Last write wins keeps one write;
 * siblings keep every write that no other write has seen. Immutable.
 */
final class Register {
  private static final Register EMPTY = new Register(List.of(), VersionVector.empty());

  private final List<Sibling> siblings;
  private final VersionVector seen;

  private Register(List<Sibling> siblings, VersionVector seen) {
    this.siblings = List.copyOf(siblings);
    this.seen = seen;
  }

  static Register empty() {
    return EMPTY;
  }

  List<Sibling> siblings() {
    return siblings;
  }

  VersionVector seen() {
    return seen;
  }

  /** True when this node has seen the write named {@code dot}, kept or replaced. */
  boolean hasSeen(Dot dot) {
    return seen.covers(dot);
  }

  /** A new local write in datacenter {@code dc}: it supersedes everything seen here. */
  Sibling write(String dc, String value, long stamp, long opId) {
    Dot dot = seen.nextDot(dc);
    return new Sibling(value, dot, seen.add(dot), stamp, opId);
  }

  /**
   * What applying one write did: the register after it; the writes it met that it had not seen (a
   * conflict when there are any); under last write wins, the write silently thrown away (null when
   * nothing was lost) and the one kept instead.
   */
  record Applied(Register after, List<Sibling> concurrent, Sibling lost, Sibling kept) {
    boolean conflict() {
      return !concurrent.isEmpty();
    }

    /** True when the lost write had seen the one that beat it: a clock made a later write lose. */
    boolean lostToAnEarlierWrite() {
      return lost != null && lost.supersedes(kept);
    }
  }

  /**
   * Applies a write that arrived. Under last write wins the greatest write by the cluster's order
   * ({@link Sibling#LWW_ORDER} unless one is plugged in) is kept whatever causality says, so every
   * leader keeps the same one; with siblings, every write that no other write has seen stays.
   */
  Applied apply(Sibling incoming, boolean lastWriteWins, Causality causality) {
    if (seen.covers(incoming.dot())) {
      return new Applied(this, List.of(), null, null);
    }
    VersionVector merged = causality.merge(seen, incoming.seen());
    List<Sibling> concurrent = new ArrayList<>();
    for (Sibling sibling : siblings) {
      if (!causality.supersedes(incoming, sibling)) {
        concurrent.add(sibling);
      }
    }
    if (lastWriteWins) {
      Sibling current = siblings.isEmpty() ? null : siblings.get(0);
      if (current == null || causality.wins(incoming, current)) {
        Sibling lost = current != null && !causality.supersedes(incoming, current) ? current : null;
        return new Applied(new Register(List.of(incoming), merged), concurrent, lost, incoming);
      }
      return new Applied(new Register(List.of(current), merged), concurrent, incoming, current);
    }
    List<Sibling> kept = new ArrayList<>(concurrent);
    kept.add(incoming);
    kept.sort(Comparator.comparing(Sibling::dot));
    return new Applied(new Register(kept, merged), concurrent, null, null);
  }

  /** The live values a read returns, in dot order; empty when deleted or never written. */
  List<String> values() {
    List<String> values = new ArrayList<>();
    for (Sibling sibling : siblings) {
      if (!sibling.isTombstone()) {
        values.add(sibling.value());
      }
    }
    return values;
  }

  /** A short, complete description for inspect and divergence: values with dots, and the vector. */
  String describe() {
    if (siblings.isEmpty()) {
      return "(none)";
    }
    List<String> parts = new ArrayList<>();
    for (Sibling sibling : siblings) {
      parts.add(sibling.shown() + "@" + sibling.dot().describe());
    }
    return String.join(" | ", parts) + " " + seen.describe();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Register that
        && siblings.equals(that.siblings)
        && seen.equals(that.seen);
  }

  @Override
  public int hashCode() {
    return siblings.hashCode() * 31 + seen.hashCode();
  }
}
