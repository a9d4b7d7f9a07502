package dev.replab.engine.leaderless;

import dev.replab.engine.cluster.ClusterSpec;
import dev.replab.engine.command.Args;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.Suggest;
import dev.replab.engine.command.Token;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsers for what only a leaderless cluster has: its create options, setquorum, repair, hints. */
final class LeaderlessGrammar {
  static final Set<String> CREATE_OPTIONS =
      Set.of(
          "n",
          "w",
          "r",
          "read-repair",
          "anti-entropy",
          "sloppy",
          "handoff",
          "versions",
          "vnodes",
          "quorum-timeout",
          "reads");
  static final List<String> POLICIES = List.of("nearest", "round-robin", "random");

  private LeaderlessGrammar() {}

  private static Leaderless model(Args args) {
    return args.context().model(Leaderless.class);
  }

  // ---------------------------------------------------------------- create

  static LeaderlessOptions createOptions(Map<String, Args.Option> options, ClusterSpec spec)
      throws CommandError {
    int n = options.containsKey("n") ? options.get("n").positiveInt(spec.nodes()) : 3;
    if (!options.containsKey("n") && n > spec.nodes()) {
      n = spec.nodes();
    }
    int w = options.containsKey("w") ? size(options.get("w"), n) : Math.min(2, n);
    int r = options.containsKey("r") ? size(options.get("r"), n) : Math.min(2, n);
    boolean readRepair = !options.containsKey("read-repair") || options.get("read-repair").onOff();
    long antiEntropyUs = 0;
    if (options.containsKey("anti-entropy")) {
      Args.Option option = options.get("anti-entropy");
      antiEntropyUs = option.value().equals("off") ? 0 : option.positiveDurationUs();
    }
    boolean sloppy = options.containsKey("sloppy") && options.get("sloppy").onOff();
    long handoffUs =
        options.containsKey("handoff") ? options.get("handoff").positiveDurationUs() : 1_000_000;
    boolean vector = false;
    if (options.containsKey("versions")) {
      Args.Option option = options.get("versions");
      vector =
          switch (option.value()) {
            case "lww" -> false;
            case "vector" -> true;
            default ->
                throw new CommandError(
                    "versions is 'lww' (last write wins) or 'vector' (siblings), not '"
                        + option.value()
                        + "'",
                    option.column());
          };
    }
    int vnodes = options.containsKey("vnodes") ? options.get("vnodes").positiveInt(1024) : 32;
    long timeoutUs =
        options.containsKey("quorum-timeout")
            ? options.get("quorum-timeout").positiveDurationUs()
            : 1_000_000;
    if (options.containsKey("reads")) {
      policy(options.get("reads"));
    }
    return new LeaderlessOptions(
        n, w, r, readRepair, antiEntropyUs, sloppy, handoffUs, vector, vnodes, timeoutUs, 0);
  }

  /** A coordinator policy for {@code reads=}. */
  static String policy(Args.Option option) throws CommandError {
    if (!POLICIES.contains(option.value())) {
      String suggestion = Suggest.closest(option.value(), POLICIES);
      throw new CommandError(
          "unknown coordinator policy '" + option.value() + "'",
          option.column(),
          (suggestion != null ? "did you mean '" + suggestion + "'? " : "")
              + "policies are "
              + String.join(", ", POLICIES));
    }
    return option.value();
  }

  /**
   * A quorum size: a number from 1 to {@code n}, or {@code one}, {@code quorum} (a majority of n)
   * or {@code all}, as Riak and Cassandra name them.
   */
  static int size(Args.Option option, int n) throws CommandError {
    int size =
        switch (option.value()) {
          case "one" -> 1;
          case "quorum" -> n / 2 + 1;
          case "all" -> n;
          default -> {
            try {
              yield Integer.parseInt(option.value());
            } catch (NumberFormatException e) {
              yield -1;
            }
          }
        };
    if (size < 1 || size > n) {
      throw new CommandError(
          option.key()
              + " must be from 1 to n="
              + n
              + " (or one, quorum, all), not '"
              + option.value()
              + "'",
          option.column());
    }
    return size;
  }

  // ---------------------------------------------------------------- commands

  static Command setQuorum(Args args) throws CommandError {
    args.requireCluster();
    Token first = args.peek();
    if (first == null || !first.text().contains("=")) {
      throw new CommandError(
          first == null
              ? "setquorum needs w=, r= or n="
              : "a leaderless cluster sets its quorum with w=, r= and n=, not '"
                  + first.text()
                  + "'",
          first == null ? args.endColumn() : first.column(),
          "for example: setquorum w=2 r=2 (or w=one, r=quorum, n=3)");
    }
    Map<String, Args.Option> options = args.options(Set.of("n", "w", "r"));
    args.end();
    Leaderless model = model(args);
    int nodes = args.context().nodes().size();
    int n = options.containsKey("n") ? options.get("n").positiveInt(nodes) : model.n();
    int w = options.containsKey("w") ? size(options.get("w"), n) : Math.min(model.w(), n);
    int r = options.containsKey("r") ? size(options.get("r"), n) : Math.min(model.r(), n);
    return new LeaderlessCommands.SetQuorum(n, w, r);
  }

  static Command repair(Args args) throws CommandError {
    args.requireCluster();
    args.end();
    return new LeaderlessCommands.Repair();
  }

  static final java.util.Set<String> STALENESS_OPTIONS =
      Set.of("n", "w", "r", "latency", "write", "ack", "read", "response", "t", "trials", "k");

  /** The read delays the staleness curve is measured at when {@code t=} names none. */
  static final long[] DEFAULT_TS_US = {
    0, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000
  };

  static Command staleness(Args args) throws CommandError {
    Map<String, Args.Option> options = args.options(STALENESS_OPTIONS);
    args.end();
    Leaderless current = args.context().model(Leaderless.class);
    int n =
        options.containsKey("n")
            ? options.get("n").positiveInt(20)
            : current == null ? 3 : current.n();
    int w =
        options.containsKey("w")
            ? size(options.get("w"), n)
            : current == null ? 1 : Math.min(current.w(), n);
    int r =
        options.containsKey("r")
            ? size(options.get("r"), n)
            : current == null ? 1 : Math.min(current.r(), n);
    List<Staleness.Legs> legs = legs(options, n, current);
    long[] ts = DEFAULT_TS_US;
    if (options.containsKey("t")) {
      ts = times(options.get("t"));
    }
    int trials =
        options.containsKey("trials") ? options.get("trials").positiveInt(1_000_000) : 10_000;
    int k = options.containsKey("k") ? options.get("k").positiveInt(100) : 0;
    return new LeaderlessCommands.StalenessCurve(n, w, r, legs, ts, trials, k);
  }

  private static List<Staleness.Legs> legs(
      Map<String, Args.Option> options, int n, Leaderless current) throws CommandError {
    Args.Option latency = options.get("latency");
    List<Staleness.Legs> legs;
    if (latency != null && Profiles.NAMES.contains(latency.value())) {
      legs = Profiles.named(latency.value(), n);
    } else {
      dev.replab.engine.net.Latency base =
          latency != null
              ? distribution(latency)
              : current != null && current.cluster().spec().insideLatency() != null
                  ? current.cluster().spec().insideLatency()
                  : dev.replab.engine.net.Regions.between(
                      dev.replab.engine.net.Regions.DEFAULT,
                      dev.replab.engine.net.Regions.DEFAULT,
                      0);
      legs = java.util.Collections.nCopies(n, Staleness.Legs.all(base));
    }
    List<Staleness.Legs> adjusted = new java.util.ArrayList<>();
    for (Staleness.Legs leg : legs) {
      adjusted.add(
          new Staleness.Legs(
              options.containsKey("write") ? distribution(options.get("write")) : leg.write(),
              options.containsKey("ack") ? distribution(options.get("ack")) : leg.ack(),
              options.containsKey("read") ? distribution(options.get("read")) : leg.read(),
              options.containsKey("response")
                  ? distribution(options.get("response"))
                  : leg.response()));
    }
    return adjusted;
  }

  private static dev.replab.engine.net.Latency distribution(Args.Option option)
      throws CommandError {
    try {
      return dev.replab.engine.net.LatencyParser.parse(option.value());
    } catch (IllegalArgumentException e) {
      throw new CommandError(
          e.getMessage(),
          option.column(),
          option.key().equals("latency")
              ? "or name a profile of the PBS paper: " + String.join(", ", Profiles.NAMES)
              : null);
    }
  }

  private static long[] times(Args.Option option) throws CommandError {
    String[] parts = option.value().split(",");
    if (parts.length > 50) {
      throw new CommandError("t= takes at most 50 times", option.column());
    }
    long[] ts = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        ts[i] = dev.replab.engine.sim.Durations.parseUs(parts[i].trim());
      } catch (IllegalArgumentException e) {
        throw new CommandError(e.getMessage(), option.column(), "for example: t=0ms,1ms,5ms,10ms");
      }
      if (i > 0 && ts[i] <= ts[i - 1]) {
        throw new CommandError("t= lists times in increasing order", option.column());
      }
    }
    return ts;
  }

  static Command hints(Args args) throws CommandError {
    args.requireCluster();
    args.end();
    return new LeaderlessCommands.Hints();
  }
}
