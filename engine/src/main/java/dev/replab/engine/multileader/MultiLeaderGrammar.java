package dev.replab.engine.multileader;

import dev.replab.engine.cluster.ClusterSpec;
import dev.replab.engine.command.Args;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.Suggest;
import dev.replab.engine.command.Token;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsers for what only a multi-leader cluster has: its create options and its commands. */
final class MultiLeaderGrammar {
  static final Set<String> CREATE_OPTIONS =
      Set.of("followers", "topology", "conflicts", "clock", "causal", "retry");

  /** The largest update amount, so that no counter can overflow in a lesson's lifetime. */
  static final long MAX_AMOUNT = 1_000_000_000L;

  private MultiLeaderGrammar() {}

  // ---------------------------------------------------------------- create

  static MultiLeaderOptions createOptions(Map<String, Args.Option> options, ClusterSpec spec)
      throws CommandError {
    if (options.containsKey("nodes")) {
      throw new CommandError(
          "a multi-leader cluster has a leader in every datacenter and followers= beside each;"
              + " it takes dcs= and followers=, not nodes=",
          options.get("nodes").column() - "nodes=".length(),
          "for example: create multi-leader dcs=eu,us,ap followers=1");
    }
    if (spec.regions().size() < 2) {
      Args.Option named = options.containsKey("dcs") ? options.get("dcs") : options.get("regions");
      throw new CommandError(
          "multi-leader needs at least two datacenters, or there is nothing to replicate between",
          named == null ? 1 : named.column(),
          "for example: dcs=eu,us");
    }
    int followers = 1;
    if (options.containsKey("followers")) {
      Args.Option option = options.get("followers");
      followers = option.value().equals("0") ? 0 : option.positiveInt(4);
    }
    if (spec.regions().size() * (1 + followers) > 64) {
      throw new CommandError(
          "that is more than 64 nodes", options.get("dcs").column(), "name fewer datacenters");
    }
    MultiLeaderOptions.Topology topology =
        pick(
            options.get("topology"),
            MultiLeaderOptions.Topology.values(),
            MultiLeaderOptions.Topology.ALL_TO_ALL);
    MultiLeaderOptions.Strategy conflicts =
        pick(
            options.get("conflicts"),
            MultiLeaderOptions.Strategy.values(),
            MultiLeaderOptions.Strategy.LWW);
    MultiLeaderOptions.Clock clock =
        pick(
            options.get("clock"), MultiLeaderOptions.Clock.values(), MultiLeaderOptions.Clock.WALL);
    boolean causal = options.containsKey("causal") && options.get("causal").onOff();
    long retryUs =
        options.containsKey("retry") ? options.get("retry").positiveDurationUs() : 500_000;
    return new MultiLeaderOptions(followers, topology, conflicts, clock, causal, retryUs);
  }

  /** The enum constant whose word the option names, or the default when it is absent. */
  private static <E extends Enum<E>> E pick(Args.Option option, E[] values, E otherwise)
      throws CommandError {
    if (option == null) {
      return otherwise;
    }
    List<String> words = Arrays.stream(values).map(MultiLeaderGrammar::word).toList();
    for (E value : values) {
      if (word(value).equals(option.value())) {
        return value;
      }
    }
    String near =
        option.value().equals("ring") ? "circular" : Suggest.closest(option.value(), words);
    throw new CommandError(
        option.key() + " is " + String.join(", ", words) + "; not '" + option.value() + "'",
        option.column(),
        near == null ? null : "did you mean " + option.key() + "=" + near + "?");
  }

  private static String word(Enum<?> value) {
    if (value instanceof MultiLeaderOptions.Topology t) {
      return t.word();
    }
    if (value instanceof MultiLeaderOptions.Strategy s) {
      return s.word();
    }
    return ((MultiLeaderOptions.Clock) value).word();
  }

  // ---------------------------------------------------------------- commands

  private static MultiLeader model(Args args) throws CommandError {
    args.requireCluster();
    return args.context().model(MultiLeader.class);
  }

  static Command conflicts(Args args) throws CommandError {
    MultiLeader model = model(args);
    if (args.atEnd()) {
      return new MultiLeaderCommands.ListConflicts();
    }
    Token word = args.advance();
    MultiLeaderOptions.Strategy chosen = null;
    for (MultiLeaderOptions.Strategy strategy : MultiLeaderOptions.Strategy.values()) {
      if (strategy.word().equals(word.text())) {
        chosen = strategy;
      }
    }
    if (chosen == null) {
      String near = Suggest.closest(word.text(), List.of("lww", "merge", "siblings", "custom"));
      throw new CommandError(
          "no conflict strategy '" + word.text() + "'",
          word.column(),
          (near == null ? "" : "did you mean '" + near + "'? ")
              + "strategies are lww, merge, siblings and custom");
    }
    args.end();
    if (chosen == MultiLeaderOptions.Strategy.CUSTOM && model != null && !model.hasResolver()) {
      throw new CommandError(
          "conflicts custom needs your resolver first",
          word.column(),
          "install one in a :java cell: cluster.resolveWith((key, values) -> ...)");
    }
    return new MultiLeaderCommands.SetConflicts(chosen);
  }

  static Command type(Args args) throws CommandError {
    MultiLeader model = model(args);
    Token keyToken = args.next("a key to give a type");
    Token typeToken = args.next("a type after the key: " + String.join(", ", KeyType.words()));
    KeyType type = KeyType.named(typeToken.text());
    if (type == null) {
      String near = Suggest.closest(typeToken.text(), KeyType.words());
      throw new CommandError(
          "no type '" + typeToken.text() + "'",
          typeToken.column(),
          (near == null ? "" : "did you mean '" + near + "'? ")
              + "types are "
              + String.join(", ", KeyType.words()));
    }
    args.end();
    String key = keyToken.text();
    if (model != null && model.holds(key) && model.keyType(key) != type) {
      throw new CommandError(
          key
              + " already holds data as a "
              + model.keyType(key).word
              + "; a type is given before the first write",
          keyToken.column(),
          "pick a new key, like " + key + "2");
    }
    return new MultiLeaderCommands.SetType(key, type);
  }

  static Command update(String verb, Args args) throws CommandError {
    MultiLeader model = model(args);
    Token keyToken = args.next("a key after " + verb);
    String key = keyToken.text();
    long amount = 1;
    String element = null;
    if (verb.equals("add") || verb.equals("remove")) {
      element = args.word("an element to " + verb);
    } else if (!args.atEnd() && args.peek().text().matches("[0-9]+")) {
      Token number = args.advance();
      try {
        amount = Long.parseLong(number.text());
      } catch (NumberFormatException e) {
        amount = -1;
      }
      if (amount < 1 || amount > MAX_AMOUNT) {
        throw new CommandError(
            "the amount is a whole number from 1 to 1000000000, not '" + number.text() + "'",
            number.column());
      }
    }
    String via = null;
    String client = null;
    while (!args.atEnd()) {
      if (via == null && args.keyword("via")) {
        via = args.node("a leader after 'via'");
      } else if (client == null && args.keyword("as")) {
        client = args.clientName();
      } else {
        Token extra = args.peek();
        throw new CommandError(
            "unexpected '" + extra.text() + "'", extra.column(), "usage: " + args.usage());
      }
    }
    if (model != null) {
      KeyType type = model.keyType(key);
      boolean counter = verb.equals("incr") || verb.equals("decr");
      if (!model.typed(key) || !type.merges()) {
        throw new CommandError(
            key
                + (model.typed(key) ? " is a " + type.word : " has no type")
                + "; "
                + verb
                + " works on a "
                + (counter ? "counter" : "set"),
            keyToken.column(),
            "type "
                + key
                + (counter ? (verb.equals("decr") ? " pn-counter" : " counter") : " set")
                + " first");
      }
      if (counter && type == KeyType.SET || !counter && type != KeyType.SET) {
        throw new CommandError(
            key
                + " is a "
                + type.word
                + "; "
                + verb
                + " works on a "
                + (counter ? "counter" : "set"),
            keyToken.column(),
            type == KeyType.SET ? "use add and remove" : "use incr and decr");
      }
      if (verb.equals("decr") && type == KeyType.COUNTER) {
        throw new CommandError(
            key
                + " is a grow-only counter: it can only go up, so each datacenter's count merges by taking the larger",
            keyToken.column(),
            "a counter that goes down is a pn-counter: type " + key + "2 pn-counter");
      }
    }
    return new MultiLeaderCommands.Update(key, new Crdt.Update(verb, amount, element), via, client);
  }
}
