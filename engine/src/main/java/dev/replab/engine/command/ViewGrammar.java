package dev.replab.engine.command;

import dev.replab.engine.check.Checkers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsers for commands that move time or look: tick, settle, log, inspect, check, timeline, watch,
 * seed, help.
 */
final class ViewGrammar {
  private ViewGrammar() {}

  static Command tick(Args args) throws CommandError {
    args.requireCluster();
    Token token = args.next("a duration, like 500ms or 2s");
    long us;
    try {
      us = dev.replab.engine.sim.Durations.parseUs(token.text());
    } catch (IllegalArgumentException e) {
      throw new CommandError(e.getMessage(), token.column());
    }
    args.end();
    if (us > 24L * 3_600_000_000L) {
      throw new CommandError("tick moves at most 24h at once", token.column());
    }
    return new Command.Tick(us);
  }

  static Command settle(Args args) throws CommandError {
    args.requireCluster();
    Map<String, Args.Option> options = args.options(Set.of("limit"));
    args.end();
    return new Command.Settle(
        options.containsKey("limit")
            ? Grammar.positiveDuration(options.get("limit"))
            : 3_600_000_000L);
  }

  static Command inspect(Args args) throws CommandError {
    args.requireCluster();
    String key = args.word("a key, like x");
    args.end();
    return new Command.Inspect(key);
  }

  static Command why(Args args) throws CommandError {
    args.requireCluster();
    Token token = args.next("an operation's number from 'history', like 3");
    args.end();
    String digits = token.text();
    int count = args.context().operationCount();
    long id;
    try {
      id = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (id < 1 || id > count) {
      throw new CommandError(
          count == 0
              ? "there are no operations yet"
              : "there is no operation " + token.text() + "; operations are #1 to #" + count,
          token.column(),
          "'history' lists them");
    }
    return new Command.Why(id);
  }

  static Command check(Args args) throws CommandError {
    args.requireCluster();
    String name = null;
    if (!args.atEnd()) {
      Token token = args.next("a checker");
      if (Checkers.named(token.text()) == null) {
        String suggestion = Suggest.closest(token.text(), Checkers.names());
        throw new CommandError(
            "no checker '" + token.text() + "'",
            token.column(),
            (suggestion != null ? "did you mean '" + suggestion + "'? " : "")
                + "checkers are "
                + String.join(" ", Checkers.names()));
      }
      name = token.text();
    }
    String key = null;
    Long budgetUs = null;
    if ("linearizability".equals(name)) {
      Map<String, Args.Option> options = args.options(Set.of("key", "budget"));
      key = options.containsKey("key") ? options.get("key").value() : null;
      if (options.containsKey("budget")) {
        budgetUs = options.get("budget").positiveDurationUs();
        if (budgetUs > 600_000_000L) {
          throw new CommandError(
              "a budget of at most 10m keeps the shell responsive", options.get("budget").column());
        }
      }
    }
    args.end();
    return new Command.Check(name, key, budgetUs);
  }

  static Command timeline(Args args) throws CommandError {
    args.requireCluster();
    int last = 40;
    long sinceUs = 0;
    boolean lastGiven = false;
    boolean sinceGiven = false;
    while (!args.atEnd() && !args.peek().text().contains("=")) {
      if (args.keyword("last")) {
        lastGiven = true;
        Token count = args.next("a number of rows after 'last'");
        try {
          last = Integer.parseInt(count.text());
        } catch (NumberFormatException e) {
          last = 0;
        }
        if (last < 1) {
          throw new CommandError(
              "'last' takes a positive number of rows, not '" + count.text() + "'", count.column());
        }
      } else if (args.keyword("since")) {
        sinceGiven = true;
        Token time = args.next("a time after 'since', like 1s");
        try {
          sinceUs = dev.replab.engine.sim.Durations.parseUs(time.text());
        } catch (IllegalArgumentException e) {
          throw new CommandError(e.getMessage(), time.column());
        }
      } else {
        Token extra = args.peek();
        throw new CommandError(
            "unexpected '" + extra.text() + "'",
            extra.column(),
            "usage: timeline [last <n>] [since <time>] [keys=x,y]");
      }
    }
    Map<String, Args.Option> options =
        args.options(Set.of("keys", "heartbeats", "ascii", "last", "since"));
    args.end();
    // last=5 and since=1s, as history and log take them, mean what last 5 and since 1s do.
    if (options.containsKey("last")) {
      Args.Option option = options.get("last");
      if (lastGiven) {
        throw new CommandError("'last' is given twice", option.column());
      }
      last = option.positiveInt(1_000_000);
    }
    if (options.containsKey("since")) {
      Args.Option option = options.get("since");
      if (sinceGiven) {
        throw new CommandError("'since' is given twice", option.column());
      }
      sinceUs = option.durationUs();
    }
    Set<String> keys =
        options.containsKey("keys")
            ? Set.copyOf(Arrays.asList(options.get("keys").value().split(",")))
            : Set.of();
    Boolean heartbeats = ClusterGrammar.onOff(options.get("heartbeats"));
    Boolean ascii = ClusterGrammar.onOff(options.get("ascii"));
    return new Command.TimelineView(
        new dev.replab.engine.render.Timeline.Options(
            last, sinceUs, keys, heartbeats != null && heartbeats, ascii == null || !ascii));
  }

  static Command watch(Args args) throws CommandError {
    args.requireCluster();
    long durationUs = 5_000_000;
    if (!args.atEnd() && !args.peek().text().contains("=")) {
      Token time = args.next("a duration");
      try {
        durationUs = dev.replab.engine.sim.Durations.parseUs(time.text());
      } catch (IllegalArgumentException e) {
        throw new CommandError(e.getMessage(), time.column());
      }
      if (durationUs <= 0 || durationUs > 3_600_000_000L) {
        throw new CommandError("watch runs for more than nothing and at most 1h", time.column());
      }
    }
    Map<String, Args.Option> options = args.options(Set.of("speed", "frames", "ascii"));
    args.end();
    double speed = 1;
    if (options.containsKey("speed")) {
      Args.Option option = options.get("speed");
      try {
        speed = Double.parseDouble(option.value().replace("x", ""));
      } catch (NumberFormatException e) {
        speed = -1;
      }
      if (speed <= 0 || speed > 10_000) {
        throw new CommandError(
            "speed is how many simulated seconds pass per real second, like speed=10x, not '"
                + option.value()
                + "'",
            option.column());
      }
    }
    int frames = options.containsKey("frames") ? options.get("frames").positiveInt(200) : 5;
    Boolean ascii = ClusterGrammar.onOff(options.get("ascii"));
    return new Command.Watch(durationUs, speed, frames, ascii == null || !ascii);
  }

  static Command seed(Args args) throws CommandError {
    Token token = args.next("a number");
    args.end();
    try {
      return new Command.Seed(Long.parseLong(token.text()));
    } catch (NumberFormatException e) {
      throw new CommandError(
          "'" + token.text() + "' is not a whole number", token.column(), "for example: seed 42");
    }
  }

  static Command help(Args args) throws CommandError {
    Token topic = args.atEnd() ? null : args.next("");
    args.end();
    List<String> names = Grammar.allNames();
    if (topic != null && !names.contains(topic.text())) {
      String suggestion = Suggest.closest(topic.text(), names);
      throw new CommandError(
          "no command '" + topic.text() + "'",
          topic.column(),
          suggestion != null
              ? "did you mean 'help " + suggestion + "'?"
              : "type 'help' for the list of commands");
    }
    return new Command.Help(topic == null ? null : topic.text());
  }
}
