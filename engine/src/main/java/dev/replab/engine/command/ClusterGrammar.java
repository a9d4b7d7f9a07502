package dev.replab.engine.command;

import dev.replab.engine.cluster.ClusterSpec;
import dev.replab.engine.model.ModelDefinition;
import dev.replab.engine.model.ModelOptions;
import dev.replab.engine.model.Models;
import dev.replab.engine.net.Latency;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parser of {@code create}: the model's name, the network options every model shares, then the
 * model's own options, which its definition reads.
 */
final class ClusterGrammar {
  /** The options {@code create} takes for every model. */
  static final Set<String> SHARED_OPTIONS =
      Set.of("nodes", "regions", "dcs", "latency", "wan", "loss", "timeout", "service");

  private ClusterGrammar() {}

  /** Every option {@code create} takes for some model, for completion. */
  static Set<String> allCreateOptions() {
    Set<String> all = new TreeSet<>(SHARED_OPTIONS);
    for (ModelDefinition model : Models.all()) {
      all.addAll(model.createOptions());
    }
    return all;
  }

  static Command create(Args args) throws CommandError {
    Token name = args.next("a replication model, like 'leader-follower'");
    ModelDefinition model = Models.named(name.text());
    if (model == null) {
      throw unknownModel(name);
    }
    Set<String> allowed = new TreeSet<>(SHARED_OPTIONS);
    allowed.addAll(model.createOptions());
    Map<String, Args.Option> options = args.options(allowed);
    args.end();
    ClusterSpec spec = spec(options, model);
    ModelOptions modelOptions = model.parse(options, spec);
    return new Command.Create(model, spec, modelOptions);
  }

  private static CommandError unknownModel(Token name) {
    if (Models.planned(name.text())) {
      return new CommandError(
          name.text() + " clusters are not built yet",
          name.column(),
          "use 'create " + Models.all().get(0).name() + "'");
    }
    List<String> names = Models.names();
    String suggestion = Suggest.closest(name.text(), names);
    return new CommandError(
        "unknown replication model '" + name.text() + "'",
        name.column(),
        (suggestion != null ? "did you mean '" + suggestion + "'? " : "")
            + "models are "
            + String.join(", ", names));
  }

  /** The settings every model shares, from the options or the model's defaults. */
  private static ClusterSpec spec(Map<String, Args.Option> options, ModelDefinition model)
      throws CommandError {
    ClusterSpec defaults = ClusterSpec.defaults(model.defaultNodes());
    int nodes =
        options.containsKey("nodes") ? options.get("nodes").positiveInt(64) : defaults.nodes();
    List<String> regions = model.defaultRegions();
    if (options.containsKey("regions") && options.containsKey("dcs")) {
      throw new CommandError(
          "dcs= and regions= name the same thing; give one of them",
          options.get("dcs").column(),
          "for example: dcs=eu,us,ap");
    }
    Args.Option named = options.containsKey("dcs") ? options.get("dcs") : options.get("regions");
    if (named != null && named.value().matches("[0-9]+")) {
      regions = numberedRegions(named);
    } else if (named != null) {
      regions = Arrays.stream(named.value().split(",", -1)).map(String::trim).toList();
      if (regions.stream().anyMatch(r -> !r.matches("[A-Za-z][A-Za-z0-9_-]*"))) {
        throw new CommandError(
            named.key() + " must be names separated by commas, like " + named.key() + "=eu,us,ap",
            named.column());
      }
      if (regions.size() != new TreeSet<>(regions).size()) {
        throw new CommandError(
            named.key() + " names a region twice: " + named.value(), named.column());
      }
    }
    Latency inside =
        options.containsKey("latency") ? FaultGrammar.latency(options.get("latency")) : null;
    long wanUs = 0;
    Latency wan = null;
    if (options.containsKey("wan")) {
      Args.Option option = options.get("wan");
      if (option.value().contains("(")) {
        wan = FaultGrammar.latency(option);
      } else {
        wanUs = option.durationUs();
      }
    }
    double loss = options.containsKey("loss") ? options.get("loss").probability() : 0;
    long timeoutUs =
        options.containsKey("timeout")
            ? options.get("timeout").positiveDurationUs()
            : defaults.clientTimeoutUs();
    long serviceUs =
        options.containsKey("service") ? options.get("service").durationUs() : defaults.serviceUs();
    return new ClusterSpec(nodes, regions, inside, wanUs, wan, loss, timeoutUs, serviceUs);
  }

  static Boolean onOff(Args.Option option) throws CommandError {
    return option == null ? null : option.onOff();
  }

  /** Regions whose delays between them are known, in the order {@code dcs=<k>} takes them. */
  private static final List<String> NAMED_REGIONS = List.of("eu", "us", "ap", "sa", "af");

  /** {@code dcs=3}: the first three of {@link #NAMED_REGIONS}. */
  private static List<String> numberedRegions(Args.Option named) throws CommandError {
    int count;
    try {
      count = Integer.parseInt(named.value());
    } catch (NumberFormatException e) {
      count = -1;
    }
    if (count < 1 || count > NAMED_REGIONS.size()) {
      throw new CommandError(
          named.key()
              + "=<k> takes 1 to "
              + NAMED_REGIONS.size()
              + " regions, not "
              + named.value(),
          named.column(),
          "or name them: " + named.key() + "=" + String.join(",", NAMED_REGIONS));
    }
    return NAMED_REGIONS.subList(0, count);
  }
}
