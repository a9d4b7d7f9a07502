package dev.replab.exercises.ex03;

import dev.replab.engine.api.LagMonitor;

/** The idle-leader trap: lag is taken to be "now minus the last replayed write", so a quiet cluster looks far behind. */
public final class ReplicationLagMonitor implements LagMonitor {
  @Override
  public Reading measure(Inputs in) {
    long entries = Math.max(0, in.leaderOffset() - in.appliedOffset());
    long replay = in.appliedWrittenUs() < 0 ? 0 : in.nowUs() - in.appliedWrittenUs();
    return new Reading(entries, replay, replay);
  }
}
