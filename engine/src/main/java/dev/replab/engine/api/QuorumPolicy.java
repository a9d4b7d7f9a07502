package dev.replab.engine.api;

import java.util.List;

/**
 * How many follower acknowledgements a leader waits for before it commits a write: the setting that
 * {@code setquorum} changes.
 *
 * @param kind asynchronous, all followers, the first {@code k} connected of a priority list, or any
 *     {@code k}
 * @param k how many synchronous acknowledgements (for {@link Kind#FIRST} and {@link Kind#ANY})
 * @param standbys the followers that may count, in priority order; empty means every follower
 * @param ack whether a follower acknowledges on receipt or once the entry is applied
 * @param timeoutUs how long a commit waits before the leader falls back to asynchronous
 *     replication; negative means it waits forever
 */
public record QuorumPolicy(Kind kind, int k, List<String> standbys, AckLevel ack, long timeoutUs) {
  public QuorumPolicy {
    standbys = List.copyOf(standbys);
  }

  /** Which acknowledgements release a commit. */
  public enum Kind {
    ASYNC,
    ALL,
    FIRST,
    ANY
  }

  /** When a follower acknowledges an entry. */
  public enum AckLevel {
    RECEIVED,
    APPLIED
  }

  public static final QuorumPolicy ASYNC =
      new QuorumPolicy(Kind.ASYNC, 0, List.of(), AckLevel.RECEIVED, -1);

  public boolean isAsync() {
    return kind == Kind.ASYNC;
  }

  /** The setting in the syntax {@code setquorum} reads. */
  public String describe() {
    String head =
        switch (kind) {
          case ASYNC -> "0";
          case ALL -> "all";
          case FIRST -> k + " first";
          case ANY -> k + " any";
        };
    String list = standbys.isEmpty() ? "" : " (" + String.join(",", standbys) + ")";
    String ackText =
        kind == Kind.ASYNC ? "" : " ack=" + ack.name().toLowerCase(java.util.Locale.ROOT);
    String timeout =
        kind == Kind.ASYNC
            ? ""
            : " timeout="
                + (timeoutUs < 0 ? "never" : dev.replab.engine.sim.Durations.format(timeoutUs));
    return head + list + ackText + timeout;
  }
}
