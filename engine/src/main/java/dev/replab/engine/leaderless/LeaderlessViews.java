package dev.replab.engine.leaderless;

import dev.replab.engine.cluster.Host;
import dev.replab.engine.cluster.NodeState;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.engine.model.FaultTexts;
import dev.replab.engine.model.Started;
import dev.replab.engine.render.FrameLines;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a leaderless cluster shows: create, faults, writes, reads, status, a key, hints, repair. */
final class LeaderlessViews {
  private LeaderlessViews() {}

  static Result created(Leaderless model, long seed) {
    LeaderlessOptions o = model.settings();
    List<String> ids = model.cluster().nodeIds();
    String text =
        "created a leaderless cluster of "
            + ids.size()
            + (ids.size() == 1 ? " node" : " nodes")
            + " (seed "
            + seed
            + "): "
            + String.join(" ", regions(model))
            + ", "
            + o.vnodes()
            + " places on the ring each\nquorum: n="
            + o.n()
            + " w="
            + o.w()
            + " r="
            + o.r()
            + " ("
            + LeaderlessCommands.overlap(o.n(), o.w(), o.r())
            + ")\n"
            + settings(o);
    return new Result.Created(
        "leaderless", List.of(), "n=" + o.n() + " w=" + o.w() + " r=" + o.r(), text);
  }

  private static List<String> regions(Leaderless model) {
    boolean several = model.cluster().spec().regions().size() > 1;
    List<String> names = new ArrayList<>();
    for (Host host : model.cluster().hosts()) {
      names.add(several ? host.id() + " (" + host.region() + ")" : host.id());
    }
    return names;
  }

  static String settings(LeaderlessOptions o) {
    return "versions "
        + (o.vector()
            ? "vector (concurrent writes kept as siblings)"
            : "lww (the highest timestamp wins)")
        + "; read repair "
        + (o.readRepair() ? "on" : "off")
        + "; anti-entropy "
        + (o.antiEntropyUs() == 0 ? "off" : "every " + Durations.format(o.antiEntropyUs()))
        + "; sloppy quorum "
        + (o.sloppy()
            ? "on (hints handed off every " + Durations.format(o.handoffUs()) + ")"
            : "off");
  }

  static String faultDone(Leaderless model, Command.Fault.Kind kind, String node) {
    Replica replica = model.replica(node);
    return switch (kind) {
      case CRASH ->
          node
              + " crashed: "
              + count(replica.keyCount(), "key")
              + " and "
              + count(replica.hints().size(), "hint")
              + " on its disk survive; the requests it was coordinating are lost";
      case RESTART ->
          node
              + " restarted with "
              + count(replica.keyCount(), "key")
              + " it stored; what it missed comes back by read repair, hints or anti-entropy";
      case PAUSE -> FaultTexts.paused(node);
      case RESUME -> FaultTexts.resumed(node);
    };
  }

  /** "1 key", "3 keys". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  // ---------------------------------------------------------------- client operations

  static Started write(Leaderless model, Command.Write command, String client) {
    String via = command.via() != null ? command.via() : model.coordinatorFor(client, null);
    long ts = command.tsUs() == null ? -1 : command.tsUs();
    Operation op = model.startWrite(client, command.key(), command.value(), via, ts, null);
    return new Started(
        op,
        () -> {
          double latencyMs = Durations.toMs(op.completeUs() - op.invokeUs());
          String verb =
              command.delete()
                  ? "delete " + command.key()
                  : "write " + command.key() + "=" + command.value();
          StringBuilder text = new StringBuilder(verb + " via " + via + ": ");
          List<String> acks = List.of();
          if (op.outcome() == Outcome.OK) {
            acks = model.ackedBy(op.id());
            text.append("ok, ")
                .append(op.versionLabel())
                .append(", ")
                .append(Result.ms(latencyMs))
                .append("; acknowledged by ")
                .append(String.join(", ", acks))
                .append(" (w=")
                .append(model.w())
                .append(" of ")
                .append(String.join(" ", model.preferenceList(command.key())))
                .append(")");
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
              acks,
              false,
              op.error(),
              text.toString());
        });
  }

  static Started read(Leaderless model, Command.Read command, String client) {
    String via =
        command.from() != null ? command.from() : model.coordinatorFor(client, command.policy());
    Operation op = model.startRead(client, command.key(), via, null);
    return new Started(
        op,
        () -> {
          double latencyMs = Durations.toMs(op.completeUs() - op.invokeUs());
          StringBuilder text = new StringBuilder("read " + command.key() + " via " + via + ": ");
          List<String> siblings = List.of();
          String stale = model.staleWhy(op.id());
          if (op.outcome() == Outcome.OK) {
            ReadTrace trace = model.trace(op.id());
            siblings = model.siblings(op.id());
            text.append(op.value() == null ? "(none)" : op.value());
            if (op.versionLabel() != null) {
              text.append(" (").append(op.versionLabel()).append(")");
            }
            if (!siblings.isEmpty()) {
              text.append(", ")
                  .append(siblings.size())
                  .append(" siblings: concurrent writes the next write as ")
                  .append(client)
                  .append(" supersedes");
            }
            text.append(", ").append(Result.ms(latencyMs));
            if (trace != null) {
              text.append("; newest of ").append(String.join(", ", firstAnswers(trace, model.r())));
              text.append(" (r=").append(model.r()).append(")");
            }
            if (stale != null) {
              text.append("\n  STALE: ").append(stale);
            }
          } else {
            text.append(FaultTexts.didNotSucceed(op, latencyMs));
          }
          return new Result.ReadDone(
              command.key(),
              op.value(),
              via,
              client,
              op.outcome().name().toLowerCase(Locale.ROOT),
              op.version(),
              0,
              stale != null,
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

  private static List<String> firstAnswers(ReadTrace trace, int r) {
    List<String> first = new ArrayList<>();
    for (ReadTrace.Heard heard : trace.heard) {
      if (!heard.late() && first.size() < r) {
        first.add(heard.node());
      }
    }
    return first;
  }

  // ---------------------------------------------------------------- views

  static Result status(Leaderless model) {
    LeaderlessOptions o = model.settings();
    Map<String, Double> shares = model.ring().ownership();
    List<LeaderlessResults.NodeLine> rows = new ArrayList<>();
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "t=%s  leaderless  n=%d w=%d r=%d  (%s)%n",
                Durations.format(model.sim().nowUs()),
                o.n(),
                o.w(),
                o.r(),
                LeaderlessCommands.overlap(o.n(), o.w(), o.r())));
    text.append(
        String.format(
            Locale.ROOT,
            "%-5s %-8s %-7s %6s %6s %6s%n",
            "node",
            "state",
            "region",
            "keys",
            "hints",
            "ring"));
    for (Replica replica : model.replicas()) {
      Host host = replica.host();
      double share = shares.getOrDefault(replica.id(), 0.0);
      rows.add(
          new LeaderlessResults.NodeLine(
              replica.id(),
              host.up(),
              state(host),
              host.region(),
              replica.keyCount(),
              replica.hints().size(),
              share));
      text.append(
          String.format(
              Locale.ROOT,
              "%-5s %-8s %-7s %6d %6d %5.1f%%%n",
              replica.id(),
              state(host),
              host.region(),
              replica.keyCount(),
              replica.hints().size(),
              share * 100));
    }
    List<String> cuts = cutLinks(model);
    if (!cuts.isEmpty()) {
      text.append("cut links: ").append(String.join(", ", cuts)).append('\n');
    }
    text.append(settings(o));
    return new LeaderlessResults.Status(
        "leaderless",
        o.n(),
        o.w(),
        o.r(),
        o.w() + o.r() > o.n(),
        o.vector() ? "vector" : "lww",
        o.readRepair(),
        o.antiEntropyUs() == 0 ? "off" : Durations.format(o.antiEntropyUs()),
        o.sloppy(),
        rows,
        cuts,
        text.toString());
  }

  private static String state(Host host) {
    return host.state().name().toLowerCase(Locale.ROOT);
  }

  private static List<String> cutLinks(Leaderless model) {
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

  static Result inspect(Leaderless model, String key) {
    List<String> preference = model.preferenceList(key);
    Version newest = null;
    for (Replica replica : model.replicas()) {
      Version held = replica.holding(key);
      if (held != null) {
        newest = newest == null ? held : newest.merge(held);
      }
    }
    StringBuilder text =
        new StringBuilder(
            "key "
                + key
                + ": preference list "
                + String.join(" ", preference)
                + " (n="
                + model.n()
                + ")"
                + (newest == null ? "; no replica has it" : "; newest " + newest.describe())
                + "\n");
    List<LeaderlessResults.Copy> rows = new ArrayList<>();
    for (String node : preference) {
      Replica replica = model.replica(node);
      Version version = replica.stored(key);
      boolean stale = newest != null && (version == null || !version.covers(newest));
      rows.add(
          new LeaderlessResults.Copy(
              node,
              state(replica.host()),
              version == null ? List.of() : version.values(),
              version == null ? null : version.stamp(),
              stale));
      text.append(
              String.format(
                      Locale.ROOT,
                      "  %-4s %-28s%s%s",
                      node,
                      version == null ? "(none)" : version.describe(),
                      stale ? "  stale" : "",
                      replica.host().state() == NodeState.UP
                          ? ""
                          : "  (" + state(replica.host()) + ")")
                  .stripTrailing())
          .append('\n');
    }
    List<LeaderlessResults.Hint> hints = hintsFor(model, key);
    for (LeaderlessResults.Hint hint : hints) {
      text.append("  hint: ")
          .append(hint.holder())
          .append(" holds ")
          .append(String.join(",", hint.values()))
          .append(" (")
          .append(hint.version())
          .append(") for ")
          .append(hint.owner())
          .append('\n');
    }
    return new LeaderlessResults.Inspection(
        key,
        preference,
        newest == null ? null : newest.describe(),
        rows,
        hints,
        text.toString().stripTrailing());
  }

  private static List<LeaderlessResults.Hint> hintsFor(Leaderless model, String key) {
    List<LeaderlessResults.Hint> hints = new ArrayList<>();
    for (Replica replica : model.replicas()) {
      for (Replica.Hint hint : replica.hints()) {
        if (key == null || hint.key().equals(key)) {
          hints.add(
              new LeaderlessResults.Hint(
                  replica.id(),
                  hint.owner(),
                  hint.key(),
                  hint.version().values(),
                  hint.version().stamp()));
        }
      }
    }
    return hints;
  }

  static Result hints(Leaderless model) {
    List<LeaderlessResults.Hint> hints = hintsFor(model, null);
    StringBuilder text = new StringBuilder();
    if (hints.isEmpty()) {
      text.append("no hints: no stand-in holds a write for an owner now")
          .append(model.settings().sloppy() ? "" : " (sloppy quorum is off, so none are made)");
    } else {
      text.append(hints.size()).append(hints.size() == 1 ? " hint" : " hints").append(":\n");
      for (LeaderlessResults.Hint hint : hints) {
        text.append(
            String.format(
                Locale.ROOT,
                "  %-4s holds %s=%s (%s) for %s%n",
                hint.holder(),
                hint.key(),
                hint.values().isEmpty() ? "(deleted)" : String.join(",", hint.values()),
                hint.version(),
                hint.owner()));
      }
      text.append("they are handed back every ")
          .append(Durations.format(model.settings().handoffUs()))
          .append(" once their owner is reachable");
    }
    return new LeaderlessResults.Hints(hints, text.toString().stripTrailing());
  }

  static Result repair(Leaderless model) {
    long start = model.sim().nowUs();
    Maintenance.Round round = model.maintenance().repairAll();
    model.sim().runUntil(() -> round.pending == 0, start + 60_000_000);
    double tookMs = Durations.toMs(model.sim().nowUs() - start);
    String text =
        "anti-entropy: "
            + round.exchanges
            + " pairs of replicas compared Merkle trees over "
            + round.keysCompared
            + " keys: "
            + round.hashesCompared
            + " hashes compared instead of "
            + round.keysCompared
            + " keys scanned; "
            + count(round.keysDiffering, "key")
            + " differed, "
            + (round.keysRepaired == 1 ? "1 copy" : round.keysRepaired + " copies")
            + " repaired; took "
            + Durations.format(model.sim().nowUs() - start);
    return new LeaderlessResults.RepairReport(
        round.exchanges,
        round.keysCompared,
        round.hashesCompared,
        round.keysDiffering,
        round.keysRepaired,
        tookMs,
        text);
  }

  // ---------------------------------------------------------------- watch

  static List<String> frame(Leaderless model, boolean unicode) {
    long now = model.sim().nowUs();
    Map<String, Integer> inFlight = FrameLines.inFlight(model.cluster(), now);
    List<String> lines = new ArrayList<>();
    LeaderlessOptions o = model.settings();
    lines.add(
        String.format(
            Locale.ROOT,
            "t=%-9s leaderless  n=%d w=%d r=%d  %s",
            Durations.format(now),
            o.n(),
            o.w(),
            o.r(),
            o.w() + o.r() > o.n() ? "w+r>n" : "w+r<=n"));
    int mostKeys = 1;
    for (Replica replica : model.replicas()) {
      mostKeys = Math.max(mostKeys, replica.keyCount());
    }
    for (Replica replica : model.replicas()) {
      int messages = inFlight.getOrDefault(replica.id(), 0);
      lines.add(
          String.format(
                  Locale.ROOT,
                  "  %-3s %-8s %s %5d keys %3d hints  %s",
                  replica.id(),
                  state(replica.host()),
                  bar(replica.keyCount(), mostKeys, unicode),
                  replica.keyCount(),
                  replica.hints().size(),
                  messages == 0
                      ? ""
                      : messages + " msg" + (messages == 1 ? "" : "s") + " in flight")
              .stripTrailing());
    }
    lines.add(FrameLines.throughput(model.cluster(), now));
    return lines;
  }

  private static String bar(int keys, int most, boolean unicode) {
    int filled = (int) Math.round((double) keys / most * 16);
    StringBuilder bar = new StringBuilder("[");
    for (int i = 0; i < 16; i++) {
      bar.append(i < filled ? (unicode ? '█' : '#') : (unicode ? '·' : '.'));
    }
    return bar.append(']').toString();
  }
}
