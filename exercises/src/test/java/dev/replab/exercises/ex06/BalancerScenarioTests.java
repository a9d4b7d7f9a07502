package dev.replab.exercises.ex06;

import dev.replab.engine.api.ReadRouter.ReadRequest;
import dev.replab.engine.api.ReadRouter.Replica;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import dev.replab.exercises.RouterRecorder;
import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 6: the learner's balancer behind {@code policy=custom} under a read-heavy
 * workload, with followers that fall behind, compared with plain round-robin on the same seed.
 */
class BalancerScenarioTests {
  /**
   * The bound the balancer is built with: a follower more than 5 entries behind serves no reads.
   */
  private static final long BOUND = 5;

  private static final String WORKLOAD = "ops=600 clients=8 reads=80 rate=500/s keys=20";

  private static Scenario start(long seed, String story, String createLine) {
    RouterRecorder[] recorder = new RouterRecorder[1];
    Scenario scenario =
        Scenario.start(
            seed,
            story + "; your LagAwareRouter(" + BOUND + ") routes policy=custom",
            createLine,
            LagAwareRouter.class,
            (stage, cluster) -> {
              recorder[0] =
                  new RouterRecorder(
                      new LagAwareRouter(BOUND),
                      stage,
                      cluster.sim()::nowUs,
                      RouterRecorder.allowing(
                          BalancerScenarioTests::rightAnswers,
                          "followers at most "
                              + BOUND
                              + " entries behind, else the leader, else the least lagging"));
              cluster.setCustomRouter(recorder[0]);
            });
    return scenario.withHint(() -> recorder[0].firstComplaint());
  }

  private static List<String> rightAnswers(ReadRequest read, List<Replica> replicas) {
    List<String> right = new ArrayList<>();
    replicas.stream()
        .filter(r -> !r.leader() && r.lagEntries() <= BOUND)
        .forEach(r -> right.add(r.id()));
    if (right.isEmpty()) {
      replicas.stream().filter(Replica::leader).forEach(r -> right.add(r.id()));
    }
    if (right.isEmpty()) {
      long least = replicas.stream().mapToLong(Replica::lagEntries).min().orElse(0);
      replicas.stream().filter(r -> r.lagEntries() == least).forEach(r -> right.add(r.id()));
    }
    return right;
  }

  /** How many successful reads each node served, among the operations from {@code first} on. */
  private static Map<String, Integer> readsPerNode(Scenario scenario, int first) {
    Map<String, Integer> served = new TreeMap<>();
    List<Operation> ops = scenario.cluster().history().operations();
    for (Operation op : ops.subList(first, ops.size())) {
      if (op.kind() == Operation.Kind.READ && op.outcome() == Outcome.OK) {
        served.merge(op.node(), 1, Integer::sum);
      }
    }
    return served;
  }

  private static double share(Map<String, Integer> served, String node) {
    int all = served.values().stream().mapToInt(Integer::intValue).sum();
    return all == 0 ? 0 : served.getOrDefault(node, 0) / (double) all;
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static Result.LoadDone load(Scenario scenario, String policy) {
    return (Result.LoadDone) scenario.run("load " + WORKLOAD + " policy=" + policy).result();
  }

  @Test
  @Points(6)
  void aSlowFollowerGetsFewReadsAndFewerReadsAreStale() {
    String story =
        "4 nodes; the link n1-n4 takes 200 ms each way, so n4 trails by 20 entries or more; 600 operations from 8 clients, "
            + "80% reads at 500 a second";
    Scenario baseline = start(1, story + ", round-robin", "create leader-follower nodes=4");
    baseline.run("link n1 n4 latency=const(200ms)");
    double roundRobinStale = load(baseline, "round-robin").staleShare();

    Scenario scenario =
        start(1, story + ", then the same with policy=custom", "create leader-follower nodes=4");
    scenario.run("link n1 n4 latency=const(200ms)");
    Result.LoadDone custom = load(scenario, "custom");
    Map<String, Integer> served = readsPerNode(scenario, 0);
    String expected =
        "n4 is beyond the bound almost from the start, so it serves under 5% of the reads; n2 and n3 serve almost all of "
            + "them (the leader under 5%); and a smaller share of reads is stale than round-robin's "
            + percent(roundRobinStale);
    if (share(served, "n4") >= 0.05 || share(served, "n1") >= 0.05) {
      throw scenario.failure(
          "reads served per node: "
              + served
              + " (n4 "
              + percent(share(served, "n4"))
              + ", the leader n1 "
              + percent(share(served, "n1"))
              + ")",
          expected,
          null);
    }
    if (custom.staleShare() * 2 > roundRobinStale) {
      throw scenario.failure(
          "policy=custom left "
              + percent(custom.staleShare())
              + " of reads stale, round-robin "
              + percent(roundRobinStale),
          expected,
          null);
    }
  }

  @Test
  @Points(5)
  void readsGoToTheLeaderWhileEveryFollowerIsTooFarBehind() {
    Scenario scenario =
        start(
            1,
            "3 nodes; the links from n1 to both followers take 200 ms each way; 600 operations from 8 clients, 80% "
                + "reads at 500 a second with policy=custom; then settle and read x twice",
            "create leader-follower nodes=3");
    scenario.runAll("link n1 n2 latency=const(200ms)", "link n1 n3 latency=const(200ms)");
    Result.LoadDone custom = load(scenario, "custom");
    Map<String, Integer> served = readsPerNode(scenario, 0);
    String expected =
        "both followers trail by 20 entries or more, so once the writes are under way the leader serves the reads: at least 80% "
            + "of them, and under 2% are stale";
    if (share(served, "n1") < 0.8 || custom.staleShare() >= 0.02) {
      throw scenario.failure(
          "reads served per node: " + served + ", " + percent(custom.staleShare()) + " stale",
          expected,
          null);
    }
    scenario.settle("the followers catch up once the writes stop");
    int before = scenario.cluster().history().size();
    scenario.runAll("read x policy=custom", "read x policy=custom");
    Map<String, Integer> after = readsPerNode(scenario, before);
    if (!after.keySet().equals(Set.of("n2", "n3"))) {
      throw scenario.failure(
          "after settle, two reads went to " + after,
          "once the followers have caught up, they take the reads again, " + "one each",
          null);
    }
  }

  @Test
  @Points(4)
  void aFollowerRejoinsThePoolOnceItCatchesUp() {
    Scenario scenario =
        start(
            1,
            "3 nodes; the link n1-n3 takes 200 ms each way; 10 writes, then reads; then settle and more reads",
            "create leader-follower nodes=3");
    scenario.run("link n1 n3 latency=const(200ms)");
    scenario.writes("k", 10);
    int before = scenario.cluster().history().size();
    for (int i = 0; i < 4; i++) {
      scenario.run("read k0 policy=custom");
    }
    Map<String, Integer> lagging = readsPerNode(scenario, before);
    if (!lagging.keySet().equals(Set.of("n2"))) {
      throw scenario.failure(
          "while n3 was 10 entries behind, four reads went to " + lagging,
          "n3 is beyond the bound, so n2 takes every read",
          null);
    }
    scenario.settle("n3 catches up");
    before = scenario.cluster().history().size();
    for (int i = 0; i < 4; i++) {
      scenario.run("read k0 policy=custom");
    }
    Map<String, Integer> caughtUp = readsPerNode(scenario, before);
    if (!caughtUp.keySet().equals(Set.of("n2", "n3"))) {
      throw scenario.failure(
          "after n3 caught up, four reads went to " + caughtUp,
          "n3 is back within the bound: n2 and n3 share the reads",
          null);
    }
  }
}
