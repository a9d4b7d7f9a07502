package dev.replab.engine.multileader;

import java.util.List;

/**
 * What {@code type <key> ...} makes a key: a register, or a CRDT that merges concurrent updates.
 */
enum KeyType {
  COUNTER("counter", "a grow-only counter (G-counter): incr adds, every increment survives"),
  PN_COUNTER("pn-counter", "a counter with incr and decr (PN-counter: two G-counters)"),
  SET("set", "an add-wins observed-remove set (OR-set): add and remove elements"),
  REGISTER("register", "a last-write-wins register: the highest timestamp is kept"),
  MV_REGISTER("mv-register", "a multi-value register: concurrent writes are all kept");

  final String word;
  final String meaning;

  KeyType(String word, String meaning) {
    this.word = word;
    this.meaning = meaning;
  }

  /** True for the types kept as {@link Crdt} states rather than as written values. */
  boolean merges() {
    return this == COUNTER || this == PN_COUNTER || this == SET;
  }

  static KeyType named(String word) {
    for (KeyType type : values()) {
      if (type.word.equals(word)) {
        return type;
      }
    }
    return null;
  }

  static List<String> words() {
    return java.util.Arrays.stream(values()).map(t -> t.word).toList();
  }
}
