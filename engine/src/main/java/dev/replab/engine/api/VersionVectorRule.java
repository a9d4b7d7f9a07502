package dev.replab.engine.api;

import java.util.List;

/**
 * How a multi-leader cluster tells which writes of a key saw which: version vectors compared and
 * merged. A vector is a list of entries sorted by datacenter name, each with a counter above zero;
 * a datacenter that is missing counts zero.
 */
public interface VersionVectorRule {
  /** One datacenter's count of the writes of a key that a vector has seen. */
  record Entry(String dc, long counter) {}

  /** How two vectors are ordered. */
  enum Order {
    /** Both have seen the same writes. */
    EQUAL,
    /** The first has seen only writes the second has seen, and fewer: it happened before. */
    BEFORE,
    /** The second happened before the first. */
    AFTER,
    /** Each has seen a write the other has not: they are concurrent. */
    CONCURRENT
  }

  /** How vector {@code a} is ordered against vector {@code b}. */
  Order compare(List<Entry> a, List<Entry> b);

  /** The vector of everything either has seen: per datacenter, the larger counter; sorted. */
  List<Entry> merge(List<Entry> a, List<Entry> b);
}
