package dev.replab.engine.check;

import java.util.List;

/**
 * One anomaly a checker found: which checker, what kind, on which key, the operations involved (by
 * history id) and a sentence that says why.
 */
public record Finding(String checker, String kind, String key, List<Long> ops, String explanation) {
  public Finding {
    ops = List.copyOf(ops);
  }
}
