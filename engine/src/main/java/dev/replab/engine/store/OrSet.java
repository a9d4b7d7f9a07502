package dev.replab.engine.store;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An add-wins observed-remove set CRDT: concurrent add and remove of the same element keep it.
 *
 * <p>Each add tags its element with a fresh {@link Dot}; a remove drops only the tags its replica
 * has observed, so an add the remover never saw survives the merge. Instead of keeping tombstones
 * for removed tags, the set keeps a causal context (a version vector of every tag it has seen): a
 * tag the context covers but no entry holds was removed. This is the "OR-set without tombstones" of
 * Bieniusa et al., built on the same dots and merge rule as {@link CausalRegister}.
 *
 * <p>Elements iterate in string order. Instances are immutable.
 */
public final class OrSet {
  private static final OrSet EMPTY = new OrSet(Collections.emptySortedMap(), VersionVector.empty());

  private final SortedMap<String, SortedSet<Dot>> tags;
  private final VersionVector context;

  private OrSet(SortedMap<String, SortedSet<Dot>> tags, VersionVector context) {
    this.tags = tags;
    this.context = context;
  }

  /** The empty set. */
  public static OrSet empty() {
    return EMPTY;
  }

  /**
   * This set after {@code node} adds {@code element} under a fresh tag.
   *
   * <p>The new tag replaces the tags this replica had observed for the element: they meant the same
   * thing, and keeping one keeps the state small.
   */
  public OrSet add(String node, String element) {
    Dot tag = context.nextDot(node);
    TreeMap<String, SortedSet<Dot>> changed = new TreeMap<>(tags);
    changed.put(element, Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(tag))));
    return new OrSet(Collections.unmodifiableSortedMap(changed), context.add(tag));
  }

  /**
   * This set after removing {@code element}'s observed tags; the context keeps remembering them.
   */
  public OrSet remove(String element) {
    if (!tags.containsKey(element)) {
      return this;
    }
    TreeMap<String, SortedSet<Dot>> changed = new TreeMap<>(tags);
    changed.remove(element);
    return new OrSet(Collections.unmodifiableSortedMap(changed), context);
  }

  /** True when some live tag holds {@code element}. */
  public boolean contains(String element) {
    return tags.containsKey(element);
  }

  /** The elements, in string order. */
  public SortedSet<String> value() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(tags.keySet()));
  }

  /** Every tag this replica has seen, live or removed. */
  public VersionVector context() {
    return context;
  }

  /**
   * The set that has seen every add and remove either side has: a tag survives when both sides hold
   * it, or when one side holds it and the other has never seen it.
   */
  public OrSet merge(OrSet other) {
    TreeSet<String> elements = new TreeSet<>(tags.keySet());
    elements.addAll(other.tags.keySet());
    TreeMap<String, SortedSet<Dot>> merged = new TreeMap<>();
    for (String element : elements) {
      SortedSet<Dot> mine = tags.getOrDefault(element, Collections.emptySortedSet());
      SortedSet<Dot> theirs = other.tags.getOrDefault(element, Collections.emptySortedSet());
      TreeSet<Dot> kept = new TreeSet<>();
      for (Dot tag : mine) {
        if (theirs.contains(tag) || !other.context.covers(tag)) {
          kept.add(tag);
        }
      }
      for (Dot tag : theirs) {
        if (!context.covers(tag)) {
          kept.add(tag);
        }
      }
      if (!kept.isEmpty()) {
        merged.put(element, Collections.unmodifiableSortedSet(kept));
      }
    }
    return new OrSet(Collections.unmodifiableSortedMap(merged), context.merge(other.context));
  }

  /**
   * {@code {apple@n1:2 milk@n1:3,n2:1} [n1:3 n2:1]}: each element with its tags, then the context.
   */
  public String describe() {
    StringBuilder text = new StringBuilder("{");
    for (Map.Entry<String, SortedSet<Dot>> entry : tags.entrySet()) {
      text.append(text.length() > 1 ? " " : "").append(entry.getKey()).append('@');
      String separator = "";
      for (Dot tag : entry.getValue()) {
        text.append(separator).append(tag.describe());
        separator = ",";
      }
    }
    return text.append("} ").append(context.describe()).toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OrSet set && tags.equals(set.tags) && context.equals(set.context);
  }

  @Override
  public int hashCode() {
    return 31 * tags.hashCode() + context.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
