package dev.replab.engine.leaderless;

import dev.replab.engine.store.CausalRegister;
import dev.replab.engine.store.LwwRegister;
import dev.replab.engine.store.VersionVector;
import java.util.List;

/**
 * What a replica holds for one key, in either of the two ways a leaderless store can order writes:
 * last write wins by timestamp, or version vectors that keep concurrent writes as siblings.
 */
sealed interface Version permits Version.Lww, Version.Vector {
  /** What two replicas' versions of a key become when one learns the other's. */
  Version merge(Version other);

  /** True when this version already holds everything {@code other} could teach it. */
  default boolean covers(Version other) {
    return merge(other).equals(this);
  }

  /** The live values a read returns: one for LWW (none for a delete), any number of siblings. */
  List<String> values();

  /** For the history and {@code inspect}: {@code 1.2ms@n2} or {@code [n1:2 n3:1]}. */
  String stamp();

  /** A short, complete description, such as {@code 1 1.2ms@n2}, for inspect and digests. */
  String describe();

  /** The position of this version in the key's order: a timestamp, or 0 when there is none. */
  long order();

  /** A last-write-wins value: one value (or a delete) and the stamp of the write that made it. */
  record Lww(LwwRegister register) implements Version {
    public Version merge(Version other) {
      LwwRegister theirs = ((Lww) other).register;
      return theirs.beats(register) ? other : this;
    }

    @Override
    public boolean covers(Version other) {
      return !((Lww) other).register.beats(register);
    }

    public List<String> values() {
      return register.isTombstone() ? List.of() : List.of(register.value());
    }

    public String stamp() {
      return register.stamp().describe();
    }

    public String describe() {
      return register.describe();
    }

    public long order() {
      return register.stamp().timestampUs();
    }
  }

  /** Siblings under a dotted version vector context. */
  record Vector(CausalRegister register) implements Version {
    public Version merge(Version other) {
      return new Vector(register.merge(((Vector) other).register));
    }

    public List<String> values() {
      return register.read().values();
    }

    public String stamp() {
      return register.context().describe();
    }

    public String describe() {
      return register.describe();
    }

    public long order() {
      return 0;
    }

    VersionVector context() {
      return register.context();
    }
  }
}
