package dev.replab.exercises.ex16;

import dev.replab.engine.api.SetCrdt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Known bug for the graded tests to catch: a merge that is a plain union of the tags, so removed items come back. */
public final class CartSet implements SetCrdt {

  @Override
  public State add(State state, String dc, String element) {
    long highest = 0;
    for (Tag tag : state.seen()) {
      if (tag.dc().equals(dc)) {
        highest = Math.max(highest, tag.counter());
      }
    }
    Tag tag = new Tag(dc, highest + 1);
    Map<String, List<Tag>> members = members(state);
    members.computeIfAbsent(element, e -> new ArrayList<>()).add(tag);
    List<Tag> seen = new ArrayList<>(state.seen());
    seen.add(tag);
    return state(members, seen);
  }

  @Override
  public State remove(State state, String element) {
    Map<String, List<Tag>> members = members(state);
    // The tags stay in seen: a merge must know they were removed, not that they are new.
    members.remove(element);
    return state(members, state.seen());
  }

  @Override
  public State merge(State a, State b) {
    Set<Tag> seenByA = new HashSet<>(a.seen());
    Set<Tag> seenByB = new HashSet<>(b.seen());
    Map<String, List<Tag>> left = members(a);
    Map<String, List<Tag>> right = members(b);
    Map<String, List<Tag>> merged = new LinkedHashMap<>();
    for (Map.Entry<String, List<Tag>> entry : left.entrySet()) {
      Set<Tag> theirs = new HashSet<>(right.getOrDefault(entry.getKey(), List.of()));
      for (Tag tag : entry.getValue()) {
        if (theirs.contains(tag) || !theirs.contains(tag)) {
          merged.computeIfAbsent(entry.getKey(), e -> new ArrayList<>()).add(tag);
        }
      }
    }
    for (Map.Entry<String, List<Tag>> entry : right.entrySet()) {
      for (Tag tag : entry.getValue()) {
        if (!seenByA.contains(tag)) {
          merged.computeIfAbsent(entry.getKey(), e -> new ArrayList<>()).add(tag);
        }
      }
    }
    Set<Tag> seen = new HashSet<>(seenByA);
    seen.addAll(seenByB);
    return state(merged, new ArrayList<>(seen));
  }

  @Override
  public List<String> elements(State state) {
    List<String> elements = new ArrayList<>();
    for (Member member : state.members()) {
      if (!member.tags().isEmpty()) {
        elements.add(member.element());
      }
    }
    return elements;
  }

  private static Map<String, List<Tag>> members(State state) {
    Map<String, List<Tag>> members = new LinkedHashMap<>();
    for (Member member : state.members()) {
      members.put(member.element(), new ArrayList<>(member.tags()));
    }
    return members;
  }

  private static State state(Map<String, List<Tag>> members, List<Tag> seen) {
    List<Member> list = new ArrayList<>();
    members.forEach((element, tags) -> list.add(new Member(element, List.copyOf(tags))));
    return new State(list, List.copyOf(seen));
  }
}
