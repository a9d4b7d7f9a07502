package dev.replab.engine.cluster;

import dev.replab.engine.net.Payload;
import dev.replab.engine.net.Traffic;

/**
 * A node's answer to a client, in every replication model. The fields a client and the history need
 * are here; what only one model knows (which followers acknowledged, the siblings of a value)
 * travels in {@code detail}.
 *
 * @param opId the client operation answered
 * @param ok true when the operation took effect (a write) or was served (a read)
 * @param value the value read, or written; null for none or a delete
 * @param version the version's position in the key's order (a log offset, a timestamp), 0 if none
 * @param epoch the generation that wrote it (a leader's epoch), 0 where the model has none
 * @param tag how diagrams write the version after the value, such as "@3"; empty for none
 * @param versionLabel how the history writes the version, such as "offset 3 epoch 1"; null for none
 * @param error why the operation failed, or null
 * @param indefinite for a failure: true when the operation may still take effect
 * @param detail what the model adds, or null
 */
public record Reply(
    long opId,
    boolean ok,
    String value,
    long version,
    int epoch,
    String tag,
    String versionLabel,
    String error,
    boolean indefinite,
    Detail detail)
    implements Payload {

  /** What one replication model adds to its answers. */
  public interface Detail {}

  /**
   * A refusal. {@code indefinite} says the request may still take effect (a write that was logged
   * but not committed when its leader stepped down); otherwise it surely did not.
   */
  public static Reply refused(long opId, String error, boolean indefinite) {
    return new Reply(opId, false, null, 0, 0, "", null, error, indefinite, null);
  }

  @Override
  public String label() {
    if (!ok) {
      return "refused";
    }
    return "ok " + (value == null ? "(none)" : value) + (tag.isEmpty() ? "" : " " + tag);
  }

  @Override
  public Traffic traffic() {
    return ok ? Traffic.REPLY : Traffic.REFUSED;
  }

  @Override
  public long answersOpId() {
    return opId;
  }
}
