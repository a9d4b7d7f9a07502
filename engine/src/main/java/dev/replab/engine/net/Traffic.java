package dev.replab.engine.net;

/** The kinds of traffic a diagram tells apart, whatever the replication model. */
public enum Traffic {
  /** A client asks a node to read or write. */
  REQUEST,
  /** A node answers a client. */
  REPLY,
  /** A node turns a client away. */
  REFUSED,
  /** Data on its way from one replica to another: a log batch, a replicated write. */
  REPLICATION,
  /** A replica acknowledges data it received. */
  ACK,
  /** Traffic that only says "I am alive". */
  HEARTBEAT,
  /** Votes and requests for votes. */
  ELECTION,
  /** A failover manager's health checks and orders. */
  MONITOR,
  /** Repairs between replicas: read repair, anti-entropy, hinted handoff. */
  REPAIR
}
