package dev.replab.engine.multileader;

import java.util.ArrayList;
import java.util.List;

/**
 * Two or more writes to one key that did not see each other, as the first leader to meet them found
 * them, and the leaders that met them since.
 */
final class Conflict {
  final long number;
  final long atUs;
  final String key;
  final List<String> values;
  final List<Long> ops;
  final String resolution;
  final List<String> seenAt = new ArrayList<>();

  Conflict(
      long number,
      long atUs,
      String key,
      List<String> values,
      List<Long> ops,
      String resolution,
      String firstAt) {
    this.number = number;
    this.atUs = atUs;
    this.key = key;
    this.values = List.copyOf(values);
    this.ops = List.copyOf(ops);
    this.resolution = resolution;
    seenAt.add(firstAt);
  }
}
