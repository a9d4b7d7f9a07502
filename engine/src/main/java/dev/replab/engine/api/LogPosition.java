package dev.replab.engine.api;

/**
 * Where a log ends: the epoch of its last entry and its offset. Comparing positions says whose log
 * is more up to date: a later epoch wins, and within an epoch the longer log wins.
 */
public record LogPosition(int lastEpoch, long lastOffset) {
  @Override
  public String toString() {
    return "(epoch " + lastEpoch + ", offset " + lastOffset + ")";
  }
}
