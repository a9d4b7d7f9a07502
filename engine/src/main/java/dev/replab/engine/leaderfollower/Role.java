package dev.replab.engine.leaderfollower;

/** What a node believes its job is. */
public enum Role {
  LEADER,
  FOLLOWER,
  /** Standing for election after suspecting the leader. */
  CANDIDATE
}
