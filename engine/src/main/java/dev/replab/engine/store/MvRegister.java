package dev.replab.engine.store;

import java.util.List;
import java.util.Objects;

/**
 * A multi-value register CRDT: an assignment overwrites every value its replica has seen, and
 * assignments made concurrently are all kept until a later one overwrites them together.
 *
 * <p>This is the sibling register of {@code versions=vector} with the replica itself as the client:
 * each assignment sends back the replica's whole context. Instances are immutable.
 */
public final class MvRegister {
  private static final MvRegister EMPTY = new MvRegister(CausalRegister.empty());

  private final CausalRegister versions;

  private MvRegister(CausalRegister versions) {
    this.versions = versions;
  }

  /** A register nothing has been assigned to. */
  public static MvRegister empty() {
    return EMPTY;
  }

  /** This register after {@code node} assigns {@code value}, overwriting all it has seen. */
  public MvRegister assign(String node, String value) {
    Objects.requireNonNull(value, "a multi-value register holds values; assign one");
    return new MvRegister(versions.write(node, versions.context(), value));
  }

  /** The concurrently assigned values, in dot order; one value when there was no conflict. */
  public List<String> value() {
    return versions.read().values();
  }

  /** The siblings and context underneath. */
  public CausalRegister versions() {
    return versions;
  }

  /** The register that has seen every assignment either side has. */
  public MvRegister merge(MvRegister other) {
    return new MvRegister(versions.merge(other.versions));
  }

  /** Like {@link CausalRegister#describe}. */
  public String describe() {
    return versions.describe();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MvRegister register && versions.equals(register.versions);
  }

  @Override
  public int hashCode() {
    return versions.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
