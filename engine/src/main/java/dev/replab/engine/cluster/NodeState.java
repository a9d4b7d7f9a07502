package dev.replab.engine.cluster;

/** Whether a node's process is running. */
public enum NodeState {
  /** Running and answering. */
  UP,
  /** Frozen without knowing it, as in a long garbage-collection pause: messages to it are lost. */
  PAUSED,
  /** Stopped: volatile state is gone, messages to it are lost. */
  CRASHED
}
