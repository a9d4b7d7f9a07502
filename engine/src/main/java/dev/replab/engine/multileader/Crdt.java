package dev.replab.engine.multileader;

import dev.replab.engine.api.CounterCrdt;
import dev.replab.engine.api.SetCrdt;
import dev.replab.engine.store.GCounter;
import dev.replab.engine.store.OrSet;
import dev.replab.engine.store.PNCounter;

/**
 * The state of a key typed as a counter or a set: a CRDT that every datacenter updates locally and
 * merges with the states it receives, so concurrent updates never conflict. Immutable.
 *
 * <p>The engine's own G-counter, PN-counter and OR-set are used unless a counter or a set CRDT is
 * plugged in ({@code counters}, {@code sets} not null, as an exercise does); then that key's state
 * is the plugged-in one's ({@code counted}, {@code members}).
 */
record Crdt(
    KeyType type,
    GCounter counter,
    PNCounter pn,
    OrSet set,
    Counters counters,
    CounterCrdt.State counted,
    Sets sets,
    SetCrdt.State members) {
  /** An untouched key of a type, with the plugged-in CRDTs (null: the engine's). */
  static Crdt empty(KeyType type, Counters counters, Sets sets) {
    return new Crdt(
        type,
        GCounter.zero(),
        PNCounter.zero(),
        OrSet.empty(),
        counters,
        CounterCrdt.State.empty(),
        sets,
        SetCrdt.State.empty());
  }

  private boolean pluggedCounter() {
    return counters != null && type != KeyType.SET;
  }

  private boolean pluggedSet() {
    return sets != null && type == KeyType.SET;
  }

  private Crdt with(GCounter counter, PNCounter pn, OrSet set) {
    return new Crdt(type, counter, pn, set, counters, counted, sets, members);
  }

  private Crdt withCounted(CounterCrdt.State counted) {
    return new Crdt(type, counter, pn, set, counters, counted, sets, members);
  }

  private Crdt withMembers(SetCrdt.State members) {
    return new Crdt(type, counter, pn, set, counters, counted, sets, members);
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
    boolean add = update.verb().equals("add");
    boolean decr = update.verb().equals("decr");
    if (pluggedCounter()) {
      return withCounted(
          decr
              ? counters.decrement(counted, dc, update.amount())
              : counters.increment(counted, dc, update.amount()));
    }
    if (pluggedSet()) {
      return withMembers(
          add ? sets.add(members, dc, update.element()) : sets.remove(members, update.element()));
    }
    return switch (type) {
      case COUNTER -> with(counter.increment(dc, update.amount()), pn, set);
      case PN_COUNTER -> with(counter, pn.add(dc, decr ? -update.amount() : update.amount()), set);
      case SET ->
          with(counter, pn, add ? set.add(dc, update.element()) : set.remove(update.element()));
      default -> throw new IllegalStateException(type + " is not a CRDT of counters or sets");
    };
  }

  Crdt merge(Crdt other) {
    if (pluggedCounter()) {
      return withCounted(counters.merge(counted, other.counted));
    }
    if (pluggedSet()) {
      return withMembers(sets.merge(members, other.members));
    }
    return with(counter.merge(other.counter), pn.merge(other.pn), set.merge(other.set));
  }

  /** What a read returns: the count, or the elements in braces. */
  String value() {
    if (pluggedCounter()) {
      return Long.toString(counters.value(counted));
    }
    if (pluggedSet()) {
      return sets.value(members);
    }
    return switch (type) {
      case COUNTER -> Long.toString(counter.value());
      case PN_COUNTER -> Long.toString(pn.value());
      default -> "{" + String.join(", ", set.value()) + "}";
    };
  }

  /** The state underneath, for inspect: each datacenter's contribution or each element's tags. */
  String describe() {
    if (pluggedCounter()) {
      return Counters.describe(counted);
    }
    if (pluggedSet()) {
      return Sets.describe(members);
    }
    return switch (type) {
      case COUNTER -> counter.describe();
      case PN_COUNTER -> pn.describe();
      default -> set.describe();
    };
  }
}
