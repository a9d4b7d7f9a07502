package dev.replab.engine.leaderless;

import dev.replab.engine.cluster.Reply;
import dev.replab.engine.store.VersionVector;
import java.util.Collection;
import java.util.List;

/**
 * What a leaderless coordinator adds to its answers: when it decided, who coordinated, which
 * replicas acknowledged or answered, the version, its siblings and the context a client sends back
 * with its next write.
 */
record Answer(
    long committedUs,
    String coordinator,
    List<String> replicas,
    List<String> asked,
    Version version,
    List<String> siblings,
    VersionVector context)
    implements Reply.Detail {
  Answer {
    replicas = List.copyOf(replicas);
    asked = List.copyOf(asked);
    siblings = List.copyOf(siblings);
  }

  /** A write's answer: W replicas acknowledged {@code version}. */
  static Reply wrote(
      long opId,
      long nowUs,
      Version version,
      String coordinator,
      List<String> acks,
      List<String> asked) {
    List<String> values = version.values();
    return reply(
        opId,
        values.isEmpty() ? null : values.get(values.size() - 1),
        version,
        new Answer(nowUs, coordinator, acks, asked, version, List.of(), context(version)));
  }

  /** A read's answer: the newest of the first R replies (null when no replica had the key). */
  static Reply read(
      long opId, long nowUs, Version newest, String coordinator, Collection<String> answered) {
    List<String> values = newest == null ? List.of() : newest.values();
    String value =
        values.isEmpty()
            ? null
            : values.size() == 1 ? values.get(0) : "{" + String.join(", ", values) + "}";
    return reply(
        opId,
        value,
        newest,
        new Answer(
            nowUs,
            coordinator,
            List.copyOf(answered),
            List.of(),
            newest,
            values.size() > 1 ? values : List.of(),
            context(newest)));
  }

  private static Reply reply(long opId, String value, Version version, Answer answer) {
    if (version == null) {
      return new Reply(opId, true, null, 0, 0, "", null, null, false, answer);
    }
    String kind = version instanceof Version.Lww ? "ts " : "version ";
    return new Reply(
        opId,
        true,
        value,
        version.order(),
        0,
        version.stamp(),
        kind + version.stamp(),
        null,
        false,
        answer);
  }

  private static VersionVector context(Version version) {
    return version instanceof Version.Vector vector ? vector.context() : null;
  }

  static Answer of(Reply reply) {
    return reply.detail() instanceof Answer answer ? answer : null;
  }
}
