package dev.replab.engine.api;

import java.util.List;

/**
 * An application's rule for a key that datacenters wrote concurrently, as a multi-leader cluster
 * with {@code conflicts custom} asks it: given the key and every value still in conflict (in a
 * fixed order, so every datacenter gets the same answer), it returns the value a read shows. A
 * shopping cart might return the union of its items; a profile might prefer the value of the most
 * trusted datacenter.
 *
 * <p>It runs inside the simulation on every read of a conflicted key: it must be quick, must not
 * keep state between calls, and must return one of the values or a new one built from them. If it
 * throws, returns null or takes too long, the read says so and falls back to last write wins.
 */
@FunctionalInterface
public interface ConflictResolver {
  /**
   * Decides what a read of a conflicted key returns.
   *
   * @param key the key
   * @param values the concurrent values, two or more, in the order of their writes' dots
   * @return the value to show
   */
  String resolve(String key, List<String> values);
}
