package dev.replab.engine.multileader;

import dev.replab.engine.model.ModelOptions;

/**
 * The settings a multi-leader cluster is created with, beside the network's (whose regions are its
 * datacenters).
 *
 * @param followers how many followers each datacenter's leader has
 * @param topology along which links the leaders replicate to each other
 * @param conflicts how concurrent writes to one key are resolved
 * @param clock where last-write-wins timestamps come from
 * @param causal true when a leader holds back a change until it has applied every change the writer
 *     had seen (version vectors over datacenters); false applies each datacenter's changes in their
 *     own order only
 * @param retryUs how often a leader resends changes a peer has not acknowledged
 */
public record MultiLeaderOptions(
    int followers, Topology topology, Strategy conflicts, Clock clock, boolean causal, long retryUs)
    implements ModelOptions {

  /** Along which links changes travel between datacenters. */
  public enum Topology {
    ALL_TO_ALL("all-to-all", "every leader sends its changes straight to every other leader"),
    CIRCULAR("circular", "each leader forwards changes to the next datacenter of a ring"),
    STAR("star", "one hub leader forwards every change to the other leaders");

    final String word;
    final String meaning;

    Topology(String word, String meaning) {
      this.word = word;
      this.meaning = meaning;
    }

    public String word() {
      return word;
    }
  }

  /** How a leader resolves two writes to one key that did not see each other. */
  public enum Strategy {
    LWW("lww", "last write wins: the higher timestamp is kept, the other write is discarded"),
    MERGE(
        "merge",
        "CRDTs: typed keys merge (counters, sets); other keys keep every concurrent value"),
    SIBLINGS("siblings", "both values are kept as siblings until a client writes over them"),
    CUSTOM("custom", "the siblings are kept and your resolver decides what a read returns");

    final String word;
    final String meaning;

    Strategy(String word, String meaning) {
      this.word = word;
      this.meaning = meaning;
    }

    public String word() {
      return word;
    }
  }

  /** Where a leader's write timestamps come from. */
  public enum Clock {
    WALL("wall", "the leader's own clock (skew moves it)"),
    LAMPORT(
        "lamport", "a Lamport counter: one more than the highest timestamp the leader has seen"),
    HYBRID(
        "hybrid",
        "a hybrid logical clock: the leader's clock, but never below what it has already seen");

    final String word;
    final String meaning;

    Clock(String word, String meaning) {
      this.word = word;
      this.meaning = meaning;
    }

    public String word() {
      return word;
    }
  }

  /** The same options with another conflict strategy. */
  MultiLeaderOptions withConflicts(Strategy strategy) {
    return new MultiLeaderOptions(followers, topology, strategy, clock, causal, retryUs);
  }
}
