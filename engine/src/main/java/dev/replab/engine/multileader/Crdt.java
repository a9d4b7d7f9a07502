package dev.replab.engine.multileader;

import dev.replab.engine.store.GCounter;
import dev.replab.engine.store.OrSet;
import dev.replab.engine.store.PNCounter;

/**
 * The state of a key typed as a counter or a set: a CRDT that every datacenter updates locally and
 * merges with the states it receives, so concurrent updates never conflict. Immutable.
 */
record Crdt(
    KeyType type,
    GCounter counter,
    PNCounter pn,
    OrSet set,
    Counters counters,
    dev.replab.engine.api.CounterCrdt.State plugged) {
  /**
   * An untouched key; {@code counters} is the plugged-in counter CRDT, or null for the engine's.
   */
  static Crdt empty(KeyType type, Counters counters) {
    return new Crdt(
        type,
        GCounter.zero(),
        PNCounter.zero(),
        OrSet.empty(),
        counters,
        dev.replab.engine.api.CounterCrdt.State.empty());
  }

  private boolean usesPlugged() {
    return counters != null && type != KeyType.SET;
  }

  /**
   * One update: {@code incr} and {@code decr} carry an amount, {@code add} and {@code remove} an
   * element.
   */
  record Update(String verb, long amount, String element) {
    /** How the history writes the update as a value: {@code +1}, {@code -3}, {@code +milk}. */
    String written() {
      return switch (verb) {
        case "incr" -> "+" + amount;
        case "decr" -> "-" + amount;
        case "add" -> "+" + element;
        default -> "-" + element;
      };
    }

    /** {@code incr likes}, {@code decr stock 3}, {@code add cart milk}. */
    String describe(String key) {
      return switch (verb) {
        case "incr", "decr" -> verb + " " + key + (amount == 1 ? "" : " " + amount);
        default -> verb + " " + key + " " + element;
      };
    }
  }

  /** This state after datacenter {@code dc} applies {@code update}. */
  Crdt apply(String dc, Update update) {
    if (usesPlugged()) {
      var after =
          update.verb().equals("decr")
              ? counters.decrement(plugged, dc, update.amount())
              : counters.increment(plugged, dc, update.amount());
      return new Crdt(type, counter, pn, set, counters, after);
    }
    return switch (type) {
      case COUNTER ->
          new Crdt(type, counter.increment(dc, update.amount()), pn, set, counters, plugged);
      case PN_COUNTER ->
          new Crdt(
              type,
              counter,
              pn.add(dc, update.verb().equals("decr") ? -update.amount() : update.amount()),
              set,
              counters,
              plugged);
      case SET ->
          new Crdt(
              type,
              counter,
              pn,
              update.verb().equals("add")
                  ? set.add(dc, update.element())
                  : set.remove(update.element()),
              counters,
              plugged);
      default -> throw new IllegalStateException(type + " is not a CRDT of counters or sets");
    };
  }

  Crdt merge(Crdt other) {
    if (usesPlugged()) {
      return new Crdt(type, counter, pn, set, counters, counters.merge(plugged, other.plugged));
    }
    return new Crdt(
        type,
        counter.merge(other.counter),
        pn.merge(other.pn),
        set.merge(other.set),
        counters,
        plugged);
  }

  /** What a read returns: the count, or the elements in braces. */
  String value() {
    if (usesPlugged()) {
      return Long.toString(counters.value(plugged));
    }
    return switch (type) {
      case COUNTER -> Long.toString(counter.value());
      case PN_COUNTER -> Long.toString(pn.value());
      default -> "{" + String.join(", ", set.value()) + "}";
    };
  }

  /** The state underneath, for inspect: each datacenter's contribution or each element's tags. */
  String describe() {
    if (usesPlugged()) {
      return Counters.describe(plugged);
    }
    return switch (type) {
      case COUNTER -> counter.describe();
      case PN_COUNTER -> pn.describe();
      default -> set.describe();
    };
  }
}
