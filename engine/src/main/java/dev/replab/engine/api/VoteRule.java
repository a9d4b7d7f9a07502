package dev.replab.engine.api;

/**
 * A voter's rule in a leader election: grant a vote only to a candidate whose log is at least as up
 * to date as the voter's own, so that no committed write is lost by electing a laggard.
 */
public interface VoteRule {
  /** True when a voter at {@code voter} may vote for a candidate at {@code candidate}. */
  boolean grants(LogPosition candidate, LogPosition voter);
}
