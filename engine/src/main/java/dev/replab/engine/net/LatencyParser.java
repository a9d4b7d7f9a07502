package dev.replab.engine.net;

import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads latency distributions: {@code 80ms}, {@code const(80ms)}, {@code uniform(1ms,5ms)}, {@code
 * exp(2ms)}, {@code pareto(1ms,2.5)}, {@code lognormal(5ms,0.5)} and {@code
 * mix(0.9:const(1ms),0.1:exp(50ms))}.
 */
public final class LatencyParser {
  static final String FORMS =
      "const(80ms), uniform(1ms,5ms), exp(2ms), pareto(1ms,2.5), lognormal(5ms,0.5) or mix(0.9:const(1ms),0.1:exp(50ms))";

  private LatencyParser() {}

  /**
   * Parses one distribution.
   *
   * @throws IllegalArgumentException naming what was wrong and the forms that are accepted
   */
  public static Latency parse(String text) {
    String spec = text.replace(" ", "");
    int open = spec.indexOf('(');
    if (open < 0) {
      return new Latency.Constant(duration(spec, text));
    }
    if (!spec.endsWith(")")) {
      throw new IllegalArgumentException("'" + text + "' is missing a closing ')'");
    }
    String name = spec.substring(0, open);
    List<String> args = splitTopLevel(spec.substring(open + 1, spec.length() - 1));
    return switch (name) {
      case "const", "constant" -> {
        arity(name, args, 1, text);
        yield new Latency.Constant(duration(args.get(0), text));
      }
      case "uniform" -> {
        arity(name, args, 2, text);
        long low = duration(args.get(0), text);
        long high = duration(args.get(1), text);
        if (high < low) {
          throw new IllegalArgumentException("uniform needs its low bound first: uniform(1ms,5ms)");
        }
        yield new Latency.Uniform(low, high);
      }
      case "exp", "exponential" -> {
        arity(name, args, 1, text);
        yield new Latency.Exponential(duration(args.get(0), text));
      }
      case "shift" -> {
        arity(name, args, 2, text);
        yield new Latency.Shifted(duration(args.get(0), text), parse(args.get(1)));
      }
      case "pareto" -> {
        arity(name, args, 2, text);
        yield new Latency.Pareto(duration(args.get(0), text), positive(args.get(1), "shape", text));
      }
      case "lognormal" -> {
        arity(name, args, 2, text);
        yield new Latency.LogNormal(
            duration(args.get(0), text), positive(args.get(1), "sigma", text));
      }
      case "mix" -> mixture(args, text);
      default ->
          throw new IllegalArgumentException(
              "unknown latency distribution '" + name + "'; use " + FORMS);
    };
  }

  private static Latency mixture(List<String> args, String text) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException(
          "mix needs weighted parts, like mix(0.9:const(1ms),0.1:exp(50ms))");
    }
    List<Double> weights = new ArrayList<>();
    List<Latency> parts = new ArrayList<>();
    for (String arg : args) {
      int colon = arg.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("each part of mix needs a weight, like 0.9:const(1ms)");
      }
      weights.add(positive(arg.substring(0, colon), "weight", text));
      parts.add(parse(arg.substring(colon + 1)));
    }
    return new Latency.Mixture(weights, parts);
  }

  private static List<String> splitTopLevel(String inner) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        args.add(inner.substring(start, i));
        start = i + 1;
      }
    }
    if (!inner.isEmpty()) {
      args.add(inner.substring(start));
    }
    return args;
  }

  private static void arity(String name, List<String> args, int expected, String text) {
    if (args.size() != expected) {
      throw new IllegalArgumentException(
          name
              + " takes "
              + expected
              + (expected == 1 ? " argument" : " arguments")
              + " in '"
              + text
              + "'; use "
              + FORMS);
    }
  }

  private static long duration(String arg, String text) {
    try {
      return Durations.parseUs(arg);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " (in latency '" + text + "')");
    }
  }

  private static double positive(String arg, String what, String text) {
    try {
      double value = Double.parseDouble(arg);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the same sentence as a non-positive number.
    }
    throw new IllegalArgumentException(
        "the " + what + " in '" + text + "' must be a positive number");
  }
}
