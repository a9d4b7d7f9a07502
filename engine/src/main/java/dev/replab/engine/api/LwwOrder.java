package dev.replab.engine.api;

/**
 * Which of two writes of a key last write wins keeps. Every leader must pick the same one, or the
 * datacenters disagree for ever; so besides the timestamp the order needs a tie-break that never
 * calls two different writes equal.
 */
public interface LwwOrder {
  /**
   * One write as last write wins sees it.
   *
   * @param timestamp its leader's timestamp (microseconds of its clock, or a Lamport counter)
   * @param deleted true for a delete, whose value is null
   * @param value the value written; null for a delete
   * @param dc the datacenter whose leader accepted it
   * @param counter that datacenter's count of writes of the key, 1 for its first
   */
  record Write(long timestamp, boolean deleted, String value, String dc, long counter) {}

  /**
   * Positive when {@code a} wins over {@code b}, negative when {@code b} wins, zero only for the
   * same write.
   */
  int compare(Write a, Write b);
}
