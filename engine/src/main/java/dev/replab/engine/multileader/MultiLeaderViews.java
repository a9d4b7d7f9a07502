package dev.replab.engine.multileader;

import dev.replab.engine.command.Command;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.model.FaultTexts;
import dev.replab.engine.model.Started;
import dev.replab.engine.render.FrameLines;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a multi-leader cluster shows: create, faults, writes, reads, status, a key, conflicts. */
final class MultiLeaderViews {
  private MultiLeaderViews() {}

  static Result created(MultiLeader model, long seed) {
    MultiLeaderOptions o = model.settings();
    StringBuilder text =
        new StringBuilder(
            "created a multi-leader cluster of "
                + model.dcs().size()
                + " datacenters (seed "
                + seed
                + "):");
    List<Result.NodeRow> rows = new ArrayList<>();
    for (String dc : model.dcs()) {
      DcNode leader = model.leaderOf(dc);
      text.append("\n  ").append(dc).append(": leader ").append(leader.id());
      rows.add(row(leader));
      List<String> ids = new ArrayList<>();
      for (DcNode follower : model.followersOf(dc)) {
        ids.add(follower.id());
        rows.add(row(follower));
      }
      if (!ids.isEmpty()) {
        text.append(", followers ").append(String.join(" ", ids));
      }
    }
    text.append('\n').append(settings(model));
    return new Result.Created("multi-leader", rows, o.conflicts().word, text.toString());
  }

  private static Result.NodeRow row(DcNode node) {
    return new Result.NodeRow(
        node.id(),
        node.leader() ? "leader" : "follower",
        node.host().up(),
        state(node),
        node.dc(),
        node.appliedCount(),
        node.appliedCount(),
        0,
        0,
        0,
        null);
  }

  static String settings(MultiLeader model) {
    MultiLeaderOptions o = model.settings();
    return "topology "
        + o.topology().word
        + " ("
        + o.topology().meaning
        + (o.topology() == MultiLeaderOptions.Topology.STAR
            ? "; the hub is " + model.dcs().get(0)
            : "")
        + ")\nconflicts "
        + o.conflicts().word
        + " ("
        + o.conflicts().meaning
        + "); clock "
        + o.clock().word
        + "; order "
        + (o.causal()
            ? "causal (a change waits for every change its writer had seen)"
            : "per datacenter (a change may arrive before one it depends on)");
  }

  static String faultDone(MultiLeader model, Command.Fault.Kind kind, String id) {
    DcNode node = model.node(id);
    return switch (kind) {
      case CRASH ->
          node.leader()
              ? id
                  + " crashed: clients in "
                  + node.dc()
                  + " cannot write until it restarts, while the other datacenters go on accepting"
                  + " writes; what it had not sent yet waits on its disk"
                  + stranded(model, node.dc())
              : id + " crashed: it keeps what it applied and catches up from its leader on restart";
      case RESTART ->
          id + " restarted with everything it had applied; its peers resend what it missed";
      case PAUSE -> FaultTexts.paused(id);
      case RESUME -> FaultTexts.resumed(id);
    };
  }

  /** Which datacenters' changes stop at a crashed hop of a ring or a star. */
  private static String stranded(MultiLeader model, String down) {
    List<String> cut = new ArrayList<>();
    for (String from : model.dcs()) {
      for (String to : model.dcs()) {
        if (!from.equals(to)
            && !from.equals(down)
            && !to.equals(down)
            && model.route(from, to).contains(down)) {
          cut.add(from + "->" + to);
        }
      }
    }
    if (cut.isEmpty()) {
      return "";
    }
    return "; changes it forwards stop here too ("
        + String.join(", ", cut)
        + " go through "
        + down
        + " in a "
        + model.settings().topology().word
        + " topology)";
  }

  // ---------------------------------------------------------------- client operations

  static Started write(MultiLeader model, Command.Write command, String client) {
    String via = command.via() != null ? command.via() : model.homeLeader(client);
    Operation op = model.startWrite(client, command.key(), command.value(), via, null);
    return new Started(
        op,
        () -> {
          double latencyMs = Durations.toMs(op.completeUs() - op.invokeUs());
          DcNode node = model.node(via);
          String verb =
              command.delete()
                  ? "delete " + command.key()
                  : "write " + command.key() + "=" + command.value();
          StringBuilder text = new StringBuilder(verb + " via " + via + " (" + node.dc() + "): ");
          if (op.outcome() == Outcome.OK) {
            text.append("ok, ")
                .append(op.versionLabel())
                .append(", ")
                .append(Result.ms(latencyMs))
                .append("; the other datacenters get it asynchronously");
            if (op.lost() != null) {
              text.append("\n  LOST: ").append(op.lost());
            }
          } else {
            text.append(FaultTexts.didNotSucceed(op, latencyMs));
          }
          return new Result.WriteDone(
              command.key(),
              command.value(),
              via,
              client,
              op.outcome().name().toLowerCase(Locale.ROOT),
              op.version(),
              0,
              latencyMs,
              List.of(),
              false,
              op.error(),
              text.toString());
        });
  }

  static Started read(MultiLeader model, Command.Read command, String client) {
    String from = command.from() != null ? command.from() : model.homeLeader(client);
    Operation op = model.startRead(client, command.key(), from, null);
    return new Started(
        op,
        () -> {
          double latencyMs = Durations.toMs(op.completeUs() - op.invokeUs());
          DcNode node = model.node(from);
          StringBuilder text =
              new StringBuilder(
                  "read " + command.key() + " from " + from + " (" + node.dc() + "): ");
          List<String> siblings = List.of();
          if (op.outcome() == Outcome.OK) {
            Answer answer = model.lastAnswer(op.id());
            siblings = answer == null ? List.of() : answer.siblings();
            text.append(op.value() == null ? "(none)" : op.value());
            if (op.versionLabel() != null) {
              text.append(" (").append(op.versionLabel()).append(")");
            }
            text.append(", ").append(Result.ms(latencyMs));
            if (!siblings.isEmpty()) {
              text.append("\n  ")
                  .append(siblings.size())
                  .append(" siblings: concurrent writes ")
                  .append(String.join(" and ", siblings))
                  .append("; the next write of ")
                  .append(command.key())
                  .append(" in ")
                  .append(node.dc())
                  .append(" replaces them all");
            }
            if (answer != null && answer.note() != null) {
              text.append("\n  ").append(answer.note());
            }
          } else {
            text.append(FaultTexts.didNotSucceed(op, latencyMs));
          }
          return new Result.ReadDone(
              command.key(),
              op.value(),
              from,
              client,
              op.outcome().name().toLowerCase(Locale.ROOT),
              op.version(),
              0,
              false,
              null,
              0,
              0,
              0,
              latencyMs,
              siblings,
              op.error(),
              text.toString());
        });
  }

  /** The answer to {@code incr}, {@code decr}, {@code add} or {@code remove}, once it has one. */
  static Result updated(MultiLeader model, Operation op, Crdt.Update update, String client) {
    double latencyMs = Durations.toMs(op.completeUs() - op.invokeUs());
    DcNode node = model.node(op.node());
    StringBuilder text =
        new StringBuilder(
            update.describe(op.key()) + " via " + op.node() + " (" + node.dc() + "): ");
    if (op.outcome() == Outcome.OK) {
      text.append("ok, now ")
          .append(op.value())
          .append(" in ")
          .append(node.dc())
          .append(" (")
          .append(op.versionLabel())
          .append("), ")
          .append(Result.ms(latencyMs));
    } else {
      text.append(FaultTexts.didNotSucceed(op, latencyMs));
    }
    return new MultiLeaderResults.Updated(
        op.key(),
        update.describe(op.key()),
        op.node(),
        client,
        op.outcome().name().toLowerCase(Locale.ROOT),
        op.value(),
        latencyMs,
        op.error(),
        text.toString());
  }

  // ---------------------------------------------------------------- views

  static Result status(MultiLeader model) {
    MultiLeaderOptions o = model.settings();
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "t=%s  multi-leader  %s  conflicts %s  clock %s%s%n",
                Durations.format(model.sim().nowUs()),
                o.topology().word,
                o.conflicts().word,
                o.clock().word,
                o.causal() ? "  causal" : ""));
    text.append(
        String.format(
            Locale.ROOT,
            "%-5s %-6s %-9s %-8s %8s %5s  %s%n",
            "node",
            "dc",
            "role",
            "state",
            "applied",
            "keys",
            "behind"));
    List<MultiLeaderResults.NodeLine> rows = new ArrayList<>();
    for (DcNode node : model.nodes()) {
      long behind = 0;
      for (String dc : model.dcs()) {
        behind += model.behind(node, dc).changes();
      }
      rows.add(
          new MultiLeaderResults.NodeLine(
              node.id(),
              node.dc(),
              node.leader() ? "leader" : "follower",
              state(node),
              node.appliedCount(),
              node.keys().size(),
              behind));
      text.append(
              String.format(
                  Locale.ROOT,
                  "%-5s %-6s %-9s %-8s %8d %5d  %s",
                  node.id(),
                  node.dc(),
                  node.leader() ? "leader" : "follower",
                  state(node),
                  node.appliedCount(),
                  node.keys().size(),
                  behind == 0 ? "-" : behind + (behind == 1 ? " change" : " changes")))
          .append(
              node.waiting().isEmpty()
                  ? ""
                  : "  (" + node.waiting().size() + " waiting for an earlier change)")
          .append('\n');
    }
    text.append(
        "what each leader has applied from every datacenter (changes behind, oldest waiting):\n");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s", ""));
    for (String dc : model.dcs()) {
      header.append(String.format(Locale.ROOT, "%-16s", "from " + dc));
    }
    text.append(header.toString().stripTrailing()).append('\n');
    List<MultiLeaderResults.DcLag> lag = new ArrayList<>();
    for (String dc : model.dcs()) {
      DcNode leader = model.leaderOf(dc);
      Map<String, Long> behind = new LinkedHashMap<>();
      Map<String, Double> ms = new LinkedHashMap<>();
      StringBuilder line =
          new StringBuilder(String.format(Locale.ROOT, "%-10s", dc + " (" + leader.id() + ")"));
      for (String origin : model.dcs()) {
        MultiLeader.Behind b = model.behind(leader, origin);
        behind.put(origin, b.changes());
        ms.put(origin, Durations.toMs(b.ageUs()));
        String cell =
            origin.equals(dc)
                ? "-"
                : b.changes() == 0
                    ? "up to date"
                    : b.changes() + " behind, " + Durations.format(b.ageUs());
        line.append(String.format(Locale.ROOT, "%-16s", cell));
      }
      text.append(line.toString().stripTrailing()).append('\n');
      lag.add(new MultiLeaderResults.DcLag(dc, leader.id(), behind, ms));
    }
    List<String> cuts = cutLinks(model);
    if (!cuts.isEmpty()) {
      text.append("cut links: ").append(String.join(", ", cuts)).append('\n');
    }
    text.append(settings(model));
    return new MultiLeaderResults.Status(
        "multi-leader",
        o.topology().word,
        o.conflicts().word,
        o.clock().word,
        o.causal(),
        rows,
        lag,
        cuts,
        text.toString());
  }

  private static String state(DcNode node) {
    return node.host().state().name().toLowerCase(Locale.ROOT);
  }

  private static List<String> cutLinks(MultiLeader model) {
    List<String> cuts = new ArrayList<>();
    List<String> ids = model.cluster().nodeIds();
    for (String a : ids) {
      for (String b : ids) {
        if (!a.equals(b) && model.network().isCut(a, b)) {
          cuts.add(a + "->" + b);
        }
      }
    }
    return cuts;
  }

  static Result inspect(MultiLeader model, String key) {
    KeyType type = model.keyType(key);
    StringBuilder text =
        new StringBuilder(
            "key "
                + key
                + ": "
                + type.word
                + (model.typed(key)
                    ? ""
                    : " (untyped, so conflicts " + model.settings().conflicts().word + " decides)")
                + "\n");
    String first = null;
    List<MultiLeaderResults.Copy> copies = new ArrayList<>();
    for (DcNode node : model.nodes()) {
      String holds = node.describe(key);
      if (first == null) {
        first = holds;
      }
      boolean differs = !holds.equals(first);
      copies.add(new MultiLeaderResults.Copy(node.id(), node.dc(), state(node), holds, differs));
      text.append(
              String.format(
                      Locale.ROOT,
                      "  %-4s %-5s %-9s %s%s",
                      node.id(),
                      node.dc(),
                      node.leader() ? "leader" : "follower",
                      holds,
                      node.host().up() ? "" : "  (" + state(node) + ")")
                  .stripTrailing())
          .append('\n');
    }
    boolean agree = copies.stream().noneMatch(MultiLeaderResults.Copy::differs);
    text.append(agree ? "every node holds the same" : "the nodes do not agree yet");
    return new MultiLeaderResults.Inspection(key, type.word, copies, text.toString());
  }

  static Result conflicts(MultiLeader model) {
    List<MultiLeaderResults.ConflictLine> lines = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    List<Conflict> all = model.conflicts();
    if (all.isEmpty()) {
      text.append(
          "no conflicts yet: no two datacenters wrote a key without seeing each other's write\n");
    } else {
      text.append(all.size()).append(all.size() == 1 ? " conflict" : " conflicts").append(":\n");
    }
    for (Conflict conflict : all) {
      lines.add(
          new MultiLeaderResults.ConflictLine(
              conflict.number,
              Durations.toMs(conflict.atUs),
              conflict.key,
              conflict.values,
              conflict.ops,
              conflict.resolution,
              List.copyOf(conflict.seenAt)));
      text.append(
          String.format(
              Locale.ROOT,
              "  #%d %-8s %s: %s at %s; %s%n",
              conflict.number,
              Durations.format(conflict.atUs),
              conflict.key,
              String.join(" vs ", conflict.values),
              String.join(", ", conflict.seenAt),
              conflict.resolution));
    }
    text.append("conflicts ")
        .append(model.settings().conflicts().word)
        .append(": ")
        .append(model.settings().conflicts().meaning);
    return new MultiLeaderResults.Conflicts(
        model.settings().conflicts().word, lines, text.toString().stripTrailing());
  }

  static Result why(MultiLeader model, Operation op) {
    List<String> reasons = new ArrayList<>();
    DcNode node = model.node(op.node());
    String where =
        op.node()
            + " ("
            + (node == null ? "?" : node.dc() + (node.leader() ? " leader" : " follower"))
            + ")";
    if (op.isWrite()) {
      String what =
          op.written() == null ? "the delete of " + op.key() : op.key() + "=" + op.written();
      if (op.outcome() != Outcome.OK) {
        reasons.add(what + " did not take effect: " + op.error());
      } else {
        reasons.add(
            what
                + " was accepted by "
                + where
                + " and acknowledged at once, "
                + Result.ms(Durations.toMs(op.completeUs() - op.invokeUs()))
                + " after it began: the other datacenters learn of it asynchronously");
        Map<String, Long> spread = model.spread(op.id());
        List<String> when = new ArrayList<>();
        for (Map.Entry<String, Long> entry : spread.entrySet()) {
          if (!entry.getKey().equals(op.node())) {
            when.add(
                entry.getKey()
                    + " ("
                    + model.node(entry.getKey()).dc()
                    + ") at "
                    + Durations.format(entry.getValue()));
          }
        }
        reasons.add(
            when.isEmpty()
                ? "no other node has applied it yet"
                : "applied by " + String.join(", ", when));
        if (op.lost() != null) {
          reasons.add("later it was lost: " + op.lost());
        }
      }
    } else if (op.outcome() == Outcome.OK) {
      reasons.add(
          "the read asked only "
              + where
              + ", which returned "
              + (op.value() == null ? "nothing" : op.value())
              + ": a datacenter answers from what it has applied, whatever the others have accepted since");
    } else {
      reasons.add("the read failed: " + op.error());
    }
    for (Conflict conflict : model.conflicts()) {
      if (conflict.ops.contains(op.id())) {
        reasons.add(
            "it was part of conflict #"
                + conflict.number
                + " on "
                + conflict.key
                + ": "
                + conflict.resolution);
      }
    }
    StringBuilder text = new StringBuilder(op.describe().replaceAll(" {2,}", " ") + "\n");
    for (String reason : reasons) {
      text.append("  - ").append(reason).append('\n');
    }
    return new Result.Explanation(op.id(), reasons, "", text.toString().stripTrailing());
  }

  // ---------------------------------------------------------------- watch

  static List<String> frame(MultiLeader model, boolean unicode) {
    long now = model.sim().nowUs();
    Map<String, Integer> inFlight = FrameLines.inFlight(model.cluster(), now);
    List<String> lines = new ArrayList<>();
    MultiLeaderOptions o = model.settings();
    lines.add(
        String.format(
            Locale.ROOT,
            "t=%-9s multi-leader  %s  conflicts %s",
            Durations.format(now),
            o.topology().word,
            o.conflicts().word));
    for (DcNode node : model.nodes()) {
      long behind = 0;
      for (String dc : model.dcs()) {
        behind += model.behind(node, dc).changes();
      }
      int messages = inFlight.getOrDefault(node.id(), 0);
      lines.add(
          String.format(
                  Locale.ROOT,
                  "  %-3s %-5s %-8s %-8s applied %5d  %s  %s",
                  node.id(),
                  node.dc(),
                  node.leader() ? "leader" : "follower",
                  state(node),
                  node.appliedCount(),
                  behind == 0 ? (unicode ? "✓ up to date" : "up to date") : behind + " behind",
                  messages == 0
                      ? ""
                      : messages + " msg" + (messages == 1 ? "" : "s") + " in flight")
              .stripTrailing());
    }
    lines.add(FrameLines.throughput(model.cluster(), now));
    return lines;
  }
}
