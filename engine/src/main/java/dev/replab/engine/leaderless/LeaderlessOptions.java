package dev.replab.engine.leaderless;

import dev.replab.engine.model.ModelOptions;

/**
 * The settings a leaderless cluster is created with, beside the network's.
 *
 * @param n how many replicas each key has
 * @param w how many acknowledgements a write waits for
 * @param r how many answers a read waits for
 * @param readRepair whether a read pushes the newest version to replicas that answered older
 * @param antiEntropyUs how often replicas compare hash trees (0: never by themselves)
 * @param sloppy whether writes go to the next healthy nodes, with hints, when owners are down
 * @param handoffUs how often a node tries to hand its hints back to their owners
 * @param vector true for version vectors with siblings, false for last write wins
 * @param vnodes how many places on the ring each node takes
 * @param quorumTimeoutUs how long a coordinator waits for W (or R) replies
 * @param coordinators how many of the last nodes stay off the ring and only coordinate (0 but in
 *     the staleness trials, whose coordinators must not be replicas)
 */
public record LeaderlessOptions(
    int n,
    int w,
    int r,
    boolean readRepair,
    long antiEntropyUs,
    boolean sloppy,
    long handoffUs,
    boolean vector,
    int vnodes,
    long quorumTimeoutUs,
    int coordinators)
    implements ModelOptions {

  /** The same options with another quorum. */
  LeaderlessOptions withQuorum(int newN, int newW, int newR) {
    return new LeaderlessOptions(
        newN,
        newW,
        newR,
        readRepair,
        antiEntropyUs,
        sloppy,
        handoffUs,
        vector,
        vnodes,
        quorumTimeoutUs,
        coordinators);
  }
}
