package dev.replab.engine.multileader;

import dev.replab.engine.api.PlugInError;
import dev.replab.engine.api.SetCrdt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The set CRDT a multi-leader cluster's sets use when one is plugged in (an exercise's), called so
 * that a throw or an answer outside the contract stops the command with a {@link PlugInError}.
 * States are kept in one order (members by element, tags by datacenter and counter), whatever order
 * the rule returns them in, so that replicas holding the same set describe it the same way.
 */
final class Sets {
  private static final Comparator<SetCrdt.Tag> TAGS =
      Comparator.comparing(SetCrdt.Tag::dc).thenComparingLong(SetCrdt.Tag::counter);

  private final SetCrdt rule;

  Sets(SetCrdt rule) {
    this.rule = rule;
  }

  SetCrdt.State add(SetCrdt.State state, String dc, String element) {
    return normal(
        call(() -> rule.add(state, dc, element), "add(" + state + ", " + dc + ", " + element + ")"),
        "add");
  }

  SetCrdt.State remove(SetCrdt.State state, String element) {
    return normal(
        call(() -> rule.remove(state, element), "remove(" + state + ", " + element + ")"),
        "remove");
  }

  SetCrdt.State merge(SetCrdt.State a, SetCrdt.State b) {
    return normal(call(() -> rule.merge(a, b), "merge(" + a + ", " + b + ")"), "merge");
  }

  /** The elements, sorted, as a read shows them: {@code {eggs, milk}}. */
  String value(SetCrdt.State state) {
    List<String> elements = call(() -> rule.elements(state), "elements(" + state + ")");
    if (elements == null) {
      throw new PlugInError(name() + " returned null from elements(" + state + ")");
    }
    List<String> sorted = new ArrayList<>(elements);
    sorted.sort(Comparator.naturalOrder());
    return "{" + String.join(", ", sorted) + "}";
  }

  /** {@code {milk@eu:1 tea@us:2} seen [eu:1 eu:2 us:2]}, for inspect. */
  static String describe(SetCrdt.State state) {
    List<String> members = new ArrayList<>();
    for (SetCrdt.Member member : state.members()) {
      for (SetCrdt.Tag tag : member.tags()) {
        members.add(member.element() + "@" + tag.dc() + ":" + tag.counter());
      }
    }
    List<String> seen = new ArrayList<>();
    for (SetCrdt.Tag tag : state.seen()) {
      seen.add(tag.dc() + ":" + tag.counter());
    }
    return "{" + String.join(" ", members) + "} seen [" + String.join(" ", seen) + "]";
  }

  private SetCrdt.State normal(SetCrdt.State state, String call) {
    if (state == null || state.members() == null || state.seen() == null) {
      throw new PlugInError(
          name() + " returned " + state + " from " + call + "; a state needs both lists");
    }
    List<SetCrdt.Member> members = new ArrayList<>();
    for (SetCrdt.Member member : state.members()) {
      if (member == null
          || member.element() == null
          || member.tags() == null
          || member.tags().stream().anyMatch(java.util.Objects::isNull)) {
        throw new PlugInError(
            name()
                + " returned a member "
                + member
                + " from "
                + call
                + "; it needs an element and tags");
      }
      if (member.tags().isEmpty()) {
        continue;
      }
      List<SetCrdt.Tag> tags = new ArrayList<>(member.tags());
      tags.sort(TAGS);
      members.add(new SetCrdt.Member(member.element(), List.copyOf(tags)));
    }
    members.sort(Comparator.comparing(SetCrdt.Member::element));
    if (state.seen().stream().anyMatch(java.util.Objects::isNull)) {
      throw new PlugInError(name() + " returned a null tag in seen from " + call);
    }
    List<SetCrdt.Tag> seen = new ArrayList<>(state.seen());
    seen.sort(TAGS);
    return new SetCrdt.State(List.copyOf(members), List.copyOf(seen));
  }

  private <T> T call(java.util.function.Supplier<T> body, String what) {
    return PlugCall.guarded(name(), what, body);
  }

  private String name() {
    return "the set " + rule.getClass().getSimpleName();
  }
}
