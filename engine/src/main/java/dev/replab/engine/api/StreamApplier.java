package dev.replab.engine.api;

/**
 * A follower's rule for the leader's replication stream: given where its own log ends and a batch
 * of entries from the leader, append the new ones, ignore duplicates, and ask again when entries
 * are missing. The engine ships {@link StandardStreamApplier}; an exercise asks the learner to
 * write one.
 *
 * <p>Entries in the batch are numbered {@code prevOffset + 1} to {@code prevOffset + count}. A
 * heartbeat is a batch with {@code count == 0}: it still tells the follower where the leader's
 * stream stands. Divergent entries of an older leader are handled before this rule is asked.
 */
public interface StreamApplier {
  /**
   * Decides what to do with one batch.
   *
   * @param logEnd the offset of the follower's last entry (0 when its log is empty)
   * @param prevOffset the offset just before the batch's first entry
   * @param count how many entries the batch holds
   */
  StreamDecision decide(long logEnd, long prevOffset, int count);
}
