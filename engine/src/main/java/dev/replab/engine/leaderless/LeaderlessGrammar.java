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
        n, w, r, readRepair, antiEntropyUs, sloppy, handoffUs, vector, vnodes, timeoutUs);
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

  static Command hints(Args args) throws CommandError {
    args.requireCluster();
    args.end();
    return new LeaderlessCommands.Hints();
  }
}
