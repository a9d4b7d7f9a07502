package dev.replab.engine.command;

import dev.replab.engine.net.Latency;
import dev.replab.engine.net.LatencyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsers for faults: crash, restart, pause, resume, partition and link. */
final class FaultGrammar {
  private FaultGrammar() {}

  static Command fault(Args args, Command.Fault.Kind kind) throws CommandError {
    Token token = args.peek();
    String node = args.node("a node, like n1");
    args.end();
    String state = args.context().stateOf(node);
    String problem =
        switch (kind) {
          case CRASH -> state.equals("crashed") ? node + " is already crashed" : null;
          case RESTART -> state.equals("crashed") ? null : node + " is " + state + ", not crashed";
          case PAUSE -> state.equals("up") ? null : node + " is " + state + " and cannot be paused";
          case RESUME -> state.equals("paused") ? null : node + " is " + state + ", not paused";
        };
    if (problem != null) {
      String hint =
          switch (kind) {
            case RESTART -> "only a crashed node can be restarted";
            case RESUME -> "only a paused node can be resumed";
            default -> null;
          };
      throw new CommandError(problem, token.column(), hint);
    }
    return new Command.Fault(kind, node);
  }

  static Command skew(Args args) throws CommandError {
    String node = args.node("a node, like n1");
    Token amount = args.next("how far its clock is off, like +50ms or -2s");
    args.end();
    String text = amount.text();
    boolean negative = text.startsWith("-");
    String magnitude = text.startsWith("+") || negative ? text.substring(1) : text;
    long us;
    try {
      us = dev.replab.engine.sim.Durations.parseUs(magnitude);
    } catch (IllegalArgumentException e) {
      throw new CommandError(e.getMessage(), amount.column(), "for example: skew n1 +50ms");
    }
    if (us > 24L * 3_600_000_000L) {
      throw new CommandError("a clock can be off by at most 24h here", amount.column());
    }
    return new Command.Skew(node, negative ? -us : us);
  }

  static Command partition(Args args) throws CommandError {
    args.requireCluster();
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    boolean oneWay = false;
    boolean sawSeparator = false;
    while (!args.atEnd()) {
      Token token = args.peek();
      if (token.kind() == Token.Kind.BAR || token.text().equals("->")) {
        if (sawSeparator || left.isEmpty()) {
          throw new CommandError(
              sawSeparator
                  ? "only one '|' or '->' may split a partition"
                  : "nodes must come before '" + token.text() + "'",
              token.column(),
              "usage: partition n1 | n2 n3");
        }
        oneWay = token.text().equals("->");
        sawSeparator = true;
        args.advance();
        continue;
      }
      args.advance();
      for (String name : token.text().split(",")) {
        if (name.isEmpty()) {
          continue;
        }
        String node = args.checkNode(name, token.column());
        if (left.contains(node) || right.contains(node)) {
          throw new CommandError(
              node + " is named twice", token.column(), "each node goes on one side only");
        }
        (sawSeparator ? right : left).add(node);
      }
    }
    if (left.isEmpty()) {
      throw new CommandError(
          "partition needs nodes",
          args.endColumn(),
          "usage: partition n1 | n2 n3, partition n1 -> n2, or partition n1");
    }
    if (sawSeparator && right.isEmpty()) {
      throw new CommandError(
          "partition needs nodes after the separator",
          args.endColumn(),
          "usage: partition n1 | n2 n3");
    }
    if (!sawSeparator) {
      for (String node : args.context().nodes()) {
        if (!left.contains(node)) {
          right.add(node);
        }
      }
      if (right.isEmpty()) {
        throw new CommandError(
            "that would cut off nothing: every node is on the same side",
            args.head().column(),
            "name fewer nodes");
      }
    }
    return new Command.Partition(left, right, oneWay);
  }

  static Command link(Args args) throws CommandError {
    String a = args.node("two nodes, like 'link n1 n2'");
    boolean oneWay = args.keyword("->");
    String b = args.node("a second node");
    if (a.equals(b)) {
      throw new CommandError(
          "a link joins two different nodes",
          args.head().column(),
          "usage: link n1 n2 latency=const(50ms)");
    }
    Map<String, Args.Option> options = args.options(Set.of("latency", "loss"));
    args.end();
    if (options.isEmpty()) {
      throw new CommandError(
          "link needs latency= or loss=",
          args.endColumn(),
          "for example: link " + a + " " + b + " latency=const(80ms)");
    }
    Latency latency = options.containsKey("latency") ? latency(options.get("latency")) : null;
    Double loss = options.containsKey("loss") ? options.get("loss").probability() : null;
    return new Command.Link(a, b, latency, loss, oneWay);
  }

  static Latency latency(Args.Option option) throws CommandError {
    try {
      return LatencyParser.parse(option.value());
    } catch (IllegalArgumentException e) {
      throw new CommandError(e.getMessage(), option.column());
    }
  }
}
