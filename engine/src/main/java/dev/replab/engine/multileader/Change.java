package dev.replab.engine.multileader;

import dev.replab.engine.store.Dot;
import dev.replab.engine.store.VersionVector;

/**
 * One change a datacenter's leader accepted from a client, as it travels to every other node.
 *
 * @param origin the datacenter whose leader accepted it
 * @param seq that leader's count of changes, starting at 1: nodes apply one origin's changes in
 *     this order
 * @param key the key it changes
 * @param put the write or delete, for a register key; null for a CRDT
 * @param state the CRDT's whole state after the update at the origin; null for a register
 * @param dot the CRDT update's name in the key's vector (the register's is in {@code put})
 * @param seenForKey every update of the key the origin had applied, with this one
 * @param deps per datacenter, how many of its changes the origin had applied when it accepted this
 *     one: what a causal node waits for
 * @param opId the client operation
 * @param acceptedUs when the origin accepted it, for lag
 * @param what a short label, such as {@code x=1} or {@code incr likes}
 */
record Change(
    String origin,
    long seq,
    String key,
    Sibling put,
    Crdt state,
    Dot dot,
    VersionVector seenForKey,
    VersionVector deps,
    long opId,
    long acceptedUs,
    String what) {

  /** The name of the update in the key's own vector. */
  Dot keyDot() {
    return put != null ? put.dot() : dot;
  }

  /** {@code eu#3 x=1}. */
  String label() {
    return origin + "#" + seq + " " + what;
  }
}
