package dev.replab.engine.api;

import java.util.List;

/**
 * A set that every datacenter adds to and removes from at once and that merges without losing an
 * add: an observed-remove set (OR-set) in which an add wins over a concurrent remove. Every add is
 * named by a tag; a remove takes away only the tags of the element it has seen, and a state
 * remembers every tag it has seen, so that a merge can tell an add the other side has not seen yet
 * from one it has removed. States are values: an operation returns a new one.
 */
public interface SetCrdt {
  /** The name of one add: the datacenter that made it, and that datacenter's count of adds. */
  record Tag(String dc, long counter) {}

  /** An element, with the tags of the adds of it that no remove has taken away. */
  record Member(String element, List<Tag> tags) {}

  /**
   * A set's state.
   *
   * @param members the elements in the set, each with its live tags
   * @param seen every tag this state has seen, live or removed
   */
  record State(List<Member> members, List<Tag> seen) {
    /** The state of a set nobody has touched. */
    public static State empty() {
      return new State(List.of(), List.of());
    }
  }

  /**
   * {@code state} after datacenter {@code dc} adds {@code element}, with a new tag: {@code dc} and
   * one more than the highest counter of {@code dc} the state has seen.
   */
  State add(State state, String dc, String element);

  /** {@code state} after a remove of {@code element}: every tag of it this state holds is gone. */
  State remove(State state, String element);

  /**
   * A state holding every add either holds that the other has not removed: a tag stays when both
   * hold it, or when one holds it and the other has never seen it.
   */
  State merge(State a, State b);

  /** The elements in the set, in any order. */
  List<String> elements(State state);
}
