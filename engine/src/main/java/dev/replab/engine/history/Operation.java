package dev.replab.engine.history;

import dev.replab.engine.sim.Durations;
import java.util.Locale;

/**
 * One client operation: who asked what of which node, when it was invoked and completed, and how it
 * ended. Mutable only while the operation is in flight and when a later failover discards an
 * acknowledged write.
 */
public final class Operation {
  /** The kinds of client operation. */
  public enum Kind {
    WRITE,
    READ,
    DELETE
  }

  private final long id;
  private final Kind kind;
  private final String client;
  private final String node;
  private final String key;
  private final String written;
  private final long invokeUs;
  private long completeUs = -1;
  private Outcome outcome = Outcome.PENDING;
  private String value;
  private long version;
  private int epoch;
  private String versionLabel;
  private String error;
  private String lost;
  private boolean stale;
  private java.util.List<String> ackedBy = java.util.List.of();
  private long fellBackAfterUs = -1;

  public Operation(
      long id, Kind kind, String client, String node, String key, String written, long invokeUs) {
    this.id = id;
    this.kind = kind;
    this.client = client;
    this.node = node;
    this.key = key;
    this.written = written;
    this.invokeUs = invokeUs;
  }

  /** Records the end of the operation; the history line names no version. */
  public void complete(
      long atUs, Outcome outcome, String value, long version, int epoch, String error) {
    complete(atUs, outcome, value, version, epoch, null, error);
  }

  /**
   * Records the end of the operation. {@code versionLabel} is how the history line names the
   * version, in the model's own terms ("offset 3 epoch 1"), or null.
   */
  public void complete(
      long atUs,
      Outcome outcome,
      String value,
      long version,
      int epoch,
      String versionLabel,
      String error) {
    this.versionLabel = versionLabel;
    this.completeUs = atUs;
    this.outcome = outcome;
    this.value = value;
    this.version = version;
    this.epoch = epoch;
    this.error = error;
  }

  /** Marks an acknowledged write as discarded by a failover, with the reason. */
  public void markLost(String why) {
    if (lost == null) {
      lost = why;
    }
  }

  public void markStale() {
    stale = true;
  }

  /**
   * Records, for a committed write, whose acknowledgements counted and, when the leader gave up
   * waiting for them, after which commit timeout ({@code fellBackAfterUs}, -1 when it did not).
   */
  public void acknowledged(java.util.List<String> followers, long fellBackAfterUs) {
    this.ackedBy = java.util.List.copyOf(followers);
    this.fellBackAfterUs = fellBackAfterUs;
  }

  /** The followers whose acknowledgements released this write's commit. */
  public java.util.List<String> ackedBy() {
    return ackedBy;
  }

  /** True when the leader committed this write by falling back to asynchronous replication. */
  public boolean fellBack() {
    return fellBackAfterUs >= 0;
  }

  /** The commit timeout after which the leader gave up waiting for this write, or -1. */
  public long fellBackAfterUs() {
    return fellBackAfterUs;
  }

  public long id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public String client() {
    return client;
  }

  public String node() {
    return node;
  }

  public String key() {
    return key;
  }

  /** The value a write wrote (null for a delete and for reads). */
  public String written() {
    return written;
  }

  public long invokeUs() {
    return invokeUs;
  }

  public long completeUs() {
    return completeUs;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The value a read returned (null when the key had none). */
  public String value() {
    return value;
  }

  /**
   * The version's position in its key's order (a log offset for leader-follower), for the write or
   * for the value a read saw; 0 for none.
   */
  public long version() {
    return version;
  }

  /** The generation that wrote the version (a leader's epoch), 0 where a model has none. */
  public int epoch() {
    return epoch;
  }

  /** How the history names the version in its model's terms, or null. */
  public String versionLabel() {
    return versionLabel;
  }

  public String error() {
    return error;
  }

  /** Why an acknowledged write was later discarded, or null. */
  public String lost() {
    return lost;
  }

  public boolean stale() {
    return stale;
  }

  public boolean isWrite() {
    return kind != Kind.READ;
  }

  /** One line for {@code history}. */
  public String describe() {
    String what =
        switch (kind) {
          case WRITE -> "write " + key + "=" + written;
          case DELETE -> "delete " + key;
          case READ ->
              "read "
                  + key
                  + (outcome == Outcome.OK ? " -> " + (value == null ? "(none)" : value) : "");
        };
    String end = completeUs < 0 ? "..." : Durations.format(completeUs);
    StringBuilder line = new StringBuilder();
    line.append(
        String.format(
            Locale.ROOT,
            "#%-3d %-8s %-9s %-22s %-4s %-8s",
            id,
            Durations.format(invokeUs),
            end,
            what,
            node,
            outcome.name().toLowerCase(Locale.ROOT)));
    if (outcome == Outcome.OK && versionLabel != null) {
      line.append(' ').append(versionLabel);
    }
    if (stale) {
      line.append("  STALE");
    }
    if (error != null) {
      line.append("  (").append(error).append(')');
    }
    if (lost != null) {
      line.append("  LOST: ").append(lost);
    }
    return line.toString().stripTrailing();
  }
}
