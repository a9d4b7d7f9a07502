package dev.replab.engine.api;

/** What a follower does with a batch of the replication stream. */
public sealed interface StreamDecision
    permits StreamDecision.Append, StreamDecision.Ignore, StreamDecision.Resend {

  /** Appends the batch's entries from offset {@code from} on; earlier ones are duplicates. */
  record Append(long from) implements StreamDecision {}

  /** Every entry of the batch is already in the log: keep the log as it is and acknowledge. */
  record Ignore() implements StreamDecision {}

  /** Entries are missing before the batch: ask the leader to resend from offset {@code from}. */
  record Resend(long from) implements StreamDecision {}
}
