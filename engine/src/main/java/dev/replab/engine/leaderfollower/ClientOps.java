package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.model.Started;
import dev.replab.engine.net.Traffic;
import dev.replab.engine.render.Trace;
import dev.replab.engine.sim.Durations;
import java.util.List;
import java.util.Locale;

/** A client's write and read on a leader-follower cluster, run to their answer and described. */
final class ClientOps {
  /** A commit that waited this long is worth a sentence on what it waited for. */
  private static final double SLOW_WRITE_MS = 10;

  /** How many of the newest messages to search for the acknowledgements of one write. */
  private static final int TRACE_WINDOW = 2_000;

  private ClientOps() {}

  /**
   * Why a synchronous write was slow: the acknowledgement the commit needed last, and how long it
   * took from the leader's append to that follower until the answer came back.
   */
  private static String slowestAck(
      LeaderFollower model, String leader, Operation op, List<String> ackedBy) {
    Trace.Hop last = null;
    for (Trace.Hop hop : model.cluster().trace().recent(TRACE_WINDOW)) {
      if (hop.message().traffic() == Traffic.ACK
          && hop.target().equals(leader)
          && ackedBy.contains(hop.source())
          && hop.sentUs() >= op.invokeUs()
          && hop.arriveUs() <= op.completeUs()
          && (last == null || hop.arriveUs() >= last.arriveUs())) {
        last = hop;
      }
    }
    // When the acknowledgement came back early, the time went elsewhere (the client's own link),
    // and naming a follower would mislead.
    if (last == null || 2 * (last.arriveUs() - op.invokeUs()) < op.completeUs() - op.invokeUs()) {
      return "";
    }
    return "\n  slow because the commit waited for "
        + last.source()
        + "'s acknowledgement, the last it needed, which arrived "
        + Durations.format(last.arriveUs() - op.invokeUs())
        + " after the client sent the write";
  }

  static Started write(LeaderFollower model, Command.Write command, String clientName) {
    String target = command.via() != null ? command.via() : model.route(clientName);
    Operation op = model.write(clientName, command.key(), command.value(), target);
    return new Started(
        op,
        () -> {
          List<String> ackedBy = op.ackedBy();
          boolean fellBack = op.fellBack();
          double latencyMs = Durations.toMs(op.completeUs() - op.invokeUs());
          String verb =
              command.delete()
                  ? "delete " + command.key()
                  : "write " + command.key() + "=" + command.value();
          StringBuilder text = new StringBuilder(verb + " via " + target + ": ");
          if (op.outcome() == Outcome.OK) {
            text.append("ok, offset ")
                .append(op.version())
                .append(" in epoch ")
                .append(op.epoch())
                .append(", ")
                .append(Result.ms(latencyMs));
            QuorumPolicy policy = model.policy();
            if (fellBack && latencyMs * 1_000 >= op.fellBackAfterUs()) {
              text.append("\n  the leader gave up waiting after ")
                  .append(Durations.format(op.fellBackAfterUs()))
                  .append(" and fell back to asynchronous replication; acknowledged by ")
                  .append(ackedBy.isEmpty() ? "no follower" : String.join(", ", ackedBy));
            } else if (fellBack) {
              text.append(
                  "; asynchronous: the leader has fallen back and waits for no follower until they catch up");
            } else if (!policy.isAsync()) {
              text.append("; acknowledged by ")
                  .append(ackedBy.isEmpty() ? "no follower" : String.join(", ", ackedBy));
              if (latencyMs >= SLOW_WRITE_MS) {
                text.append(slowestAck(model, target, op, ackedBy));
              }
            } else {
              text.append("; asynchronous: followers will catch up");
            }
          } else {
            text.append(outcomeName(op))
                .append(" after ")
                .append(Result.ms(latencyMs))
                .append(": ")
                .append(op.error());
          }
          return new Result.WriteDone(
              command.key(),
              command.value(),
              target,
              clientName,
              outcomeName(op),
              op.version(),
              op.epoch(),
              latencyMs,
              ackedBy,
              fellBack,
              op.error(),
              text.toString());
        });
  }

  static Started read(LeaderFollower model, Command.Read command, String clientName) {
    Consistency level =
        command.consistency() != null
            ? command.consistency()
            : model.cluster().client(clientName, null).consistency();
    String target =
        command.from() != null
            ? command.from()
            : model.routeRead(clientName, command.key(), level, command.policy());
    long token = model.readToken(clientName, level);
    Operation op = model.read(clientName, command.key(), target, token);
    return new Started(
        op,
        () -> {
          double latencyMs = Durations.toMs(op.completeUs() - op.invokeUs());
          LeaderFollower.Staleness stale =
              op.outcome() == Outcome.OK ? model.staleness(op.id()) : null;
          StringBuilder text =
              new StringBuilder(
                  "read "
                      + command.key()
                      + " from "
                      + target
                      + (token > 0 ? " (" + level.word() + ": waits for offset " + token + ")" : "")
                      + ": ");
          if (op.outcome() == Outcome.OK) {
            text.append(op.value() == null ? "(none)" : op.value());
            if (op.version() > 0) {
              text.append(" (offset ").append(op.version()).append(")");
            }
            text.append(", ").append(Result.ms(latencyMs));
            if (stale != null) {
              text.append("\n  STALE: ").append(stale.explain());
            }
          } else {
            text.append(outcomeName(op))
                .append(" after ")
                .append(Result.ms(latencyMs))
                .append(": ")
                .append(op.error());
          }
          return new Result.ReadDone(
              command.key(),
              op.value(),
              target,
              clientName,
              outcomeName(op),
              op.version(),
              op.epoch(),
              stale != null,
              stale == null ? null : stale.latestValue(),
              stale == null ? 0 : stale.latestOffset(),
              stale == null ? 0 : stale.behindEntries(),
              stale == null ? 0 : Durations.toMs(stale.behindUs()),
              latencyMs,
              List.of(),
              op.error(),
              text.toString());
        });
  }

  static String outcomeName(Operation op) {
    return op.outcome().name().toLowerCase(Locale.ROOT);
  }
}
