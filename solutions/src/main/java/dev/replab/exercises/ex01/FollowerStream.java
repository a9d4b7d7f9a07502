package dev.replab.exercises.ex01;

import dev.replab.engine.api.StreamApplier;
import dev.replab.engine.api.StreamDecision;

/**
 * Reference solution of Exercise 1: a follower keeps its log a gap-free prefix of the leader's.
 *
 * <p>The batch covers offsets {@code prevOffset + 1} to {@code prevOffset + count}. Comparing
 * that range with where the log ends gives the three cases: it starts beyond the log's end (a
 * gap), it ends at or before the log's end (nothing new), or it straddles the end (append the
 * part that is new).
 */
public final class FollowerStream implements StreamApplier {

  @Override
  public StreamDecision decide(long logEnd, long prevOffset, int count) {
    long nextNeeded = logEnd + 1;
    if (prevOffset + 1 > nextNeeded) {
      // Offsets nextNeeded..prevOffset never arrived: appending would leave a hole, so ask
      // for the stream again from the first offset this log lacks.
      return new StreamDecision.Resend(nextNeeded);
    }
    long lastInBatch = prevOffset + count;
    if (lastInBatch <= logEnd) {
      // A retransmission or a heartbeat: everything it carries is already here.
      return new StreamDecision.Ignore();
    }
    // The batch may start with entries this log already has; only the rest are appended.
    return new StreamDecision.Append(nextNeeded);
  }
}
