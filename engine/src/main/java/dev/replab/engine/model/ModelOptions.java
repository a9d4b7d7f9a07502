package dev.replab.engine.model;

/**
 * The settings of one replication model that {@code create} reads beside the network options shared
 * by every model (for leader-follower: the commit rule, heartbeats, apply time).
 */
public interface ModelOptions {}
