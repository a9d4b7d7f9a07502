package dev.replab.engine.api;

/** The engine's lag monitor: both measures, computed from offsets and write times. */
public final class StandardLagMonitor implements LagMonitor {
  @Override
  public Reading measure(Inputs in) {
    long entries = Math.max(0, in.leaderOffset() - in.appliedOffset());
    long lag =
        entries == 0 || in.firstMissingWrittenUs() < 0
            ? 0
            : in.nowUs() - in.firstMissingWrittenUs();
    long replay = in.appliedWrittenUs() < 0 ? 0 : in.nowUs() - in.appliedWrittenUs();
    return new Reading(entries, lag, replay);
  }
}
