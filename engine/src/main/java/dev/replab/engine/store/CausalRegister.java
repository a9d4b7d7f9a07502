package dev.replab.engine.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What one replica knows about one key under {@code versions=vector}: the sibling versions it keeps
 * and the causal context they cover (a dotted version vector set).
 *
 * <p>Every sibling carries the {@link Dot} of the write that made it; the context is a version
 * vector that covers every dot the replica has ever seen for the key, kept or overwritten. A write
 * names the context its client read, and replaces exactly the siblings whose dots that context
 * covers: siblings the client never saw survive beside the new value, which is how two concurrent
 * additions to a shopping cart both survive (DDIA chapter 5). A delete writes a tombstone sibling
 * so that it can replicate and overwrite older values like any other write.
 *
 * <p>Instances are immutable. The register must live in a replica's durable state: a coordinator
 * that forgot its own dots after a crash would hand out the same dot twice, and {@link #merge}
 * fails fast when it meets one dot with two values.
 */
public final class CausalRegister {
  private static final CausalRegister EMPTY = new CausalRegister(List.of(), VersionVector.empty());

  private final List<Sibling> siblings;
  private final VersionVector context;

  private CausalRegister(List<Sibling> siblings, VersionVector context) {
    this.siblings = siblings;
    this.context = context;
  }

  /** A key no write has reached. */
  public static CausalRegister empty() {
    return EMPTY;
  }

  /**
   * One version of a key: the dot of the write that made it and its value, or null for a deletion.
   */
  public record Sibling(Dot dot, String value) {
    public Sibling {
      Objects.requireNonNull(dot, "a sibling needs the dot of its write");
    }

    /** True when this sibling records a delete. */
    public boolean isTombstone() {
      return value == null;
    }

    /** {@code milk@n1:2} or {@code (deleted)@n2:1}. */
    public String describe() {
      return (value == null ? "(deleted)" : value) + "@" + dot.describe();
    }
  }

  /**
   * What a client is told on a read.
   *
   * @param values the live values, in dot order and without repeats; empty when there are none
   * @param deleted true when the key has versions but all of them are deletions
   * @param context the causal context the client must send back with its next write of the key
   */
  public record Read(List<String> values, boolean deleted, VersionVector context) {
    public Read {
      values = List.copyOf(values);
    }

    /** True when the read found at least one live value. */
    public boolean found() {
      return !values.isEmpty();
    }

    /** True when concurrent writes left more than one live value for the client to reconcile. */
    public boolean conflicted() {
      return values.size() > 1;
    }
  }

  /** The versions this replica keeps, in dot order. */
  public List<Sibling> siblings() {
    return siblings;
  }

  /** Every write event of this key the replica has seen, kept or overwritten. */
  public VersionVector context() {
    return context;
  }

  /** The live values (tombstones hidden) and the context to send back with the next write. */
  public Read read() {
    LinkedHashSet<String> values = new LinkedHashSet<>();
    for (Sibling sibling : siblings) {
      if (!sibling.isTombstone()) {
        values.add(sibling.value());
      }
    }
    boolean deleted = values.isEmpty() && !siblings.isEmpty();
    return new Read(new ArrayList<>(values), deleted, context);
  }

  /**
   * Applies a client's write at the replica that coordinates it.
   *
   * <p>The new dot is one past every event of the coordinator that either the replica or the client
   * has seen, so it can never repeat one. The result keeps the siblings the client did not see and
   * forgets the ones it did.
   *
   * @param coordinator the node that makes the new dot
   * @param clientContext the context the client got from its last read (empty for a blind write)
   * @param value the value to write, or null to delete
   */
  public CausalRegister write(String coordinator, VersionVector clientContext, String value) {
    VersionVector seen = context.merge(clientContext);
    Dot dot = seen.nextDot(coordinator);
    List<Sibling> kept = new ArrayList<>();
    for (Sibling sibling : siblings) {
      if (!clientContext.covers(sibling.dot())) {
        kept.add(sibling);
      }
    }
    kept.add(new Sibling(dot, value));
    kept.sort((a, b) -> a.dot().compareTo(b.dot()));
    return new CausalRegister(List.copyOf(kept), seen.add(dot));
  }

  /**
   * Combines another replica's state for the same key into this one, as anti-entropy, read repair
   * and hinted handoff do.
   *
   * <p>A sibling survives when both sides keep it, or when one side keeps it and the other side has
   * never seen its dot; a sibling one side has seen and dropped was overwritten there. The merge is
   * commutative, associative and idempotent, so replicas converge whatever order states arrive in
   * and however often.
   *
   * @throws IllegalStateException when the two sides hold different values under one dot
   */
  public CausalRegister merge(CausalRegister other) {
    if (other == this) {
      return this;
    }
    List<Sibling> kept = new ArrayList<>();
    for (Sibling mine : siblings) {
      Sibling theirs = other.sibling(mine.dot());
      if (theirs != null && !Objects.equals(theirs.value(), mine.value())) {
        throw new IllegalStateException(
            "dot " + mine.dot().describe() + " names two values: " + mine + " and " + theirs);
      }
      if (theirs != null || !other.context.covers(mine.dot())) {
        kept.add(mine);
      }
    }
    for (Sibling theirs : other.siblings) {
      if (sibling(theirs.dot()) == null && !context.covers(theirs.dot())) {
        kept.add(theirs);
      }
    }
    kept.sort((a, b) -> a.dot().compareTo(b.dot()));
    return new CausalRegister(List.copyOf(kept), context.merge(other.context));
  }

  /** True when this state already holds everything {@code other} could teach it. */
  public boolean hasSeen(CausalRegister other) {
    return merge(other).equals(this);
  }

  private Sibling sibling(Dot dot) {
    for (Sibling sibling : siblings) {
      if (sibling.dot().equals(dot)) {
        return sibling;
      }
    }
    return null;
  }

  /** {@code {milk@n1:2 (deleted)@n2:1} [n1:2 n2:1]}: the siblings, then the context. */
  public String describe() {
    StringBuilder text = new StringBuilder("{");
    for (Sibling sibling : siblings) {
      text.append(text.length() > 1 ? " " : "").append(sibling.describe());
    }
    return text.append("} ").append(context.describe()).toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CausalRegister register
        && siblings.equals(register.siblings)
        && context.equals(register.context);
  }

  @Override
  public int hashCode() {
    return 31 * siblings.hashCode() + context.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
