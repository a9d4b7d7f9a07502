package dev.replab.engine.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds keys whose replicas disagree once nothing is in flight: the state anti-entropy, read repair
 * or a caught-up follower should have ended. While messages are still on their way, disagreement is
 * expected, so the checker says it cannot decide.
 */
public final class Divergence implements Checker {
  @Override
  public String name() {
    return "divergence";
  }

  @Override
  public String describe() {
    return "keys whose replicas hold different versions when nothing is in flight";
  }

  @Override
  public String notApplicable(RunRecord record) {
    return record.shape().quiet()
        ? null
        : "messages are still in flight, so replicas may yet agree; run 'settle' first";
  }

  @Override
  public List<Finding> check(RunRecord record) {
    List<Finding> findings = new ArrayList<>();
    for (RunRecord.Copies copies : record.copies()) {
      Set<String> versions = new LinkedHashSet<>(copies.byNode().values());
      if (versions.size() > 1) {
        findings.add(
            new Finding(
                name(),
                "diverged",
                copies.key(),
                List.of(),
                copies.key() + " differs between replicas: " + describe(copies.byNode())));
      }
    }
    return findings;
  }

  private static String describe(Map<String, String> byNode) {
    List<String> parts = new ArrayList<>();
    byNode.forEach((node, version) -> parts.add(node + " has " + version));
    return String.join(", ", parts);
  }
}
