package dev.replab.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The engine's own add-wins OR-set over the {@link SetCrdt} plug point, for tests. */
public final class StandardSetCrdt implements SetCrdt {
  private static final java.util.Comparator<Tag> ORDER =
      java.util.Comparator.comparing(Tag::dc).thenComparingLong(Tag::counter);

  @Override
  public State add(State state, String dc, String element) {
    long next = 1;
    for (Tag tag : state.seen()) {
      if (tag.dc().equals(dc)) {
        next = Math.max(next, tag.counter() + 1);
      }
    }
    Tag tag = new Tag(dc, next);
    Map<String, Set<Tag>> members = members(state);
    members.computeIfAbsent(element, e -> new TreeSet<>(ORDER)).add(tag);
    Set<Tag> seen = new TreeSet<>(ORDER);
    seen.addAll(state.seen());
    seen.add(tag);
    return state(members, seen);
  }

  @Override
  public State remove(State state, String element) {
    Map<String, Set<Tag>> members = members(state);
    members.remove(element);
    Set<Tag> seen = new TreeSet<>(ORDER);
    seen.addAll(state.seen());
    return state(members, seen);
  }

  @Override
  public State merge(State a, State b) {
    Map<String, Set<Tag>> left = members(a);
    Map<String, Set<Tag>> right = members(b);
    Set<Tag> seenLeft = new TreeSet<>(ORDER);
    seenLeft.addAll(a.seen());
    Set<Tag> seenRight = new TreeSet<>(ORDER);
    seenRight.addAll(b.seen());
    Map<String, Set<Tag>> merged = new TreeMap<>();
    Set<String> elements = new TreeSet<>(left.keySet());
    elements.addAll(right.keySet());
    for (String element : elements) {
      Set<Tag> mine = left.getOrDefault(element, Set.of());
      Set<Tag> theirs = right.getOrDefault(element, Set.of());
      Set<Tag> kept = new TreeSet<>(ORDER);
      for (Tag tag : mine) {
        if (theirs.contains(tag) || !seenRight.contains(tag)) {
          kept.add(tag);
        }
      }
      for (Tag tag : theirs) {
        if (!seenLeft.contains(tag)) {
          kept.add(tag);
        }
      }
      if (!kept.isEmpty()) {
        merged.put(element, kept);
      }
    }
    Set<Tag> seen = new TreeSet<>(ORDER);
    seen.addAll(seenLeft);
    seen.addAll(seenRight);
    return state(merged, seen);
  }

  @Override
  public List<String> elements(State state) {
    List<String> elements = new ArrayList<>();
    for (Member member : state.members()) {
      elements.add(member.element());
    }
    return elements;
  }

  private static Map<String, Set<Tag>> members(State state) {
    Map<String, Set<Tag>> members = new TreeMap<>();
    for (Member member : state.members()) {
      Set<Tag> tags = new TreeSet<>(ORDER);
      tags.addAll(member.tags());
      members.put(member.element(), tags);
    }
    return members;
  }

  private static State state(Map<String, Set<Tag>> members, Set<Tag> seen) {
    List<Member> list = new ArrayList<>();
    members.forEach((element, tags) -> list.add(new Member(element, List.copyOf(tags))));
    return new State(List.copyOf(list), List.copyOf(seen));
  }
}
