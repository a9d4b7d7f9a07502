package dev.replab.engine;

import dev.replab.engine.command.CommandRegistry;
import dev.replab.engine.command.CommandSpec;
import dev.replab.engine.command.Executor;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Offers what may come next at a cursor: command names, keywords, options, nodes, keys, clients.
 */
final class Completer {
  private final CommandRegistry registry;
  private final Executor executor;

  Completer(CommandRegistry registry, Executor executor) {
    this.registry = registry;
    this.executor = executor;
  }

  List<String> complete(String line, int cursor) {
    String before = line.substring(0, Math.min(cursor, line.length()));
    int start = Math.max(before.lastIndexOf(';'), -1) + 1;
    String segment = before.substring(start);
    String[] words = segment.stripLeading().split("\\s+", -1);
    String prefix = words[words.length - 1];
    TreeSet<String> candidates = new TreeSet<>();
    if (words.length == 1) {
      candidates.addAll(registry.namesFor(executor.modelName()));
    } else {
      CommandSpec spec = registry.resolve(words[0], executor.modelName());
      if (spec == null) {
        return List.of();
      }
      candidates.addAll(spec.keywords());
      for (String option : spec.options()) {
        candidates.add(option + "=");
      }
      String previous = words[words.length - 2];
      switch (previous) {
        case "via", "from" -> {
          candidates.clear();
          candidates.addAll(executor.nodes());
        }
        case "as" -> {
          candidates.clear();
          candidates.addAll(executor.clients());
        }
        default -> candidates.addAll(positional(spec, words.length - 1));
      }
    }
    List<String> matches = new ArrayList<>();
    for (String candidate : candidates) {
      if (candidate.startsWith(prefix)) {
        matches.add(candidate);
      }
    }
    return matches;
  }

  private List<String> positional(CommandSpec spec, int position) {
    return switch (spec.argument()) {
      case NODE -> executor.nodes();
      case KEY ->
          position == 1 && executor.cluster() != null ? executor.cluster().knownKeys() : List.of();
      case MODEL -> position == 1 ? spec.keywords() : List.of();
      case COMMAND -> position == 1 ? registry.namesFor(executor.modelName()) : List.of();
      case CLIENT -> position == 1 ? executor.clients() : List.of();
      case CHECKER -> position == 1 ? dev.replab.engine.check.Checkers.names() : List.of();
      case NONE -> List.of();
    };
  }
}
