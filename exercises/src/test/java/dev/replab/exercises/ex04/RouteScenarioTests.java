package dev.replab.exercises.ex04;

import dev.replab.engine.api.ReadRouter.ReadRequest;
import dev.replab.engine.api.ReadRouter.Replica;
import dev.replab.engine.command.Result;
import dev.replab.exercises.RouterRecorder;
import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 4: the learner's router behind {@code policy=custom} in real clusters whose
 * followers lag, read by clients that want to see their own writes.
 */
class RouteScenarioTests {
  private static final String READ = "read x as alice consistency=read-your-writes policy=custom";

  /** A read that waits for no follower takes a client round trip, a few milliseconds at most. */
  private static final double FAST_MS = 10;

  private static Scenario start(long seed, String story, String createLine) {
    RouterRecorder[] recorder = new RouterRecorder[1];
    Scenario scenario =
        Scenario.start(
            seed,
            story + "; your ReadYourWritesRouter routes policy=custom",
            createLine,
            ReadYourWritesRouter.class,
            (stage, cluster) -> {
              recorder[0] =
                  new RouterRecorder(
                      new ReadYourWritesRouter(),
                      stage,
                      cluster.sim()::nowUs,
                      RouterRecorder.allowing(
                          RouteScenarioTests::rightAnswers,
                          "a follower that has applied the token's offset, else the leader"));
              cluster.setCustomRouter(recorder[0]);
            });
    return scenario.withHint(() -> recorder[0].firstComplaint());
  }

  /**
   * The followers that have the client's write, or else the leader (or else the most advanced
   * replica).
   */
  private static List<String> rightAnswers(ReadRequest read, List<Replica> replicas) {
    List<String> right = new ArrayList<>();
    for (Replica replica : replicas) {
      if (!replica.leader() && replica.appliedOffset() >= read.minOffset()) {
        right.add(replica.id());
      }
    }
    Replica leader = replicas.stream().filter(Replica::leader).findFirst().orElse(null);
    if (right.isEmpty() && leader != null) {
      right.add(leader.id());
    }
    if (right.isEmpty()) {
      long most = replicas.stream().mapToLong(Replica::appliedOffset).max().orElse(0);
      replicas.stream().filter(r -> r.appliedOffset() == most).forEach(r -> right.add(r.id()));
    }
    return right;
  }

  private static String ms(double ms) {
    return String.format(Locale.ROOT, "%.1f ms", ms);
  }

  /** Reads x as alice: it must return {@code value} at once. Returns the node that answered. */
  private static String readsAtOnce(Scenario scenario, String value, String expected) {
    Result.ReadDone read = (Result.ReadDone) scenario.run(READ).result();
    if (!value.equals(read.value()) || !read.outcome().equals("ok")) {
      throw scenario.failure(
          "'"
              + READ
              + "' returned "
              + read.value()
              + " from "
              + read.node()
              + " ("
              + read.outcome()
              + "), not alice's "
              + value,
          expected,
          null);
    }
    if (read.latencyMs() >= FAST_MS) {
      throw scenario.failure(
          "'"
              + READ
              + "' took "
              + ms(read.latencyMs())
              + ": "
              + read.node()
              + " held it until it had applied alice's write",
          expected,
          null);
    }
    return read.node();
  }

  private static void checkFindsNothing(Scenario scenario, String checker, String expected) {
    Result.CheckReport report = (Result.CheckReport) scenario.run("check " + checker).result();
    if (!report.findings().isEmpty()) {
      throw scenario.failure(
          "'check " + checker + "' found: " + report.findings().get(0).explanation(),
          expected,
          null);
    }
  }

  /** Six reads as alice, each at once; the nodes that answered must be exactly {@code nodes}. */
  private static void readsSpreadOver(
      Scenario scenario, String value, String nodes, String expected) {
    List<String> answered = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answered.add(readsAtOnce(scenario, value, expected));
    }
    if (!new TreeSet<>(answered).equals(new TreeSet<>(List.of(nodes.split(" "))))) {
      throw scenario.failure("alice's six reads went to " + answered, expected, null);
    }
  }

  @Test
  @Points(5)
  void aReadRightAfterAWriteDoesNotWaitForAFollower() {
    for (long seed : new long[] {1, 2}) {
      Scenario scenario =
          start(
              seed,
              "3 nodes whose followers take 30 ms to apply an entry; alice writes x, then reads it at once",
              "create leader-follower nodes=3 apply=30ms");
      String expected =
          "no follower has applied alice's write yet, so the leader answers: x as alice wrote it, within "
              + ms(FAST_MS);
      scenario.run("write x 1 as alice");
      readsAtOnce(scenario, "1", expected);
      scenario.run("write x 2 as alice");
      readsAtOnce(scenario, "2", expected);
      checkFindsNothing(scenario, "read-your-writes", "no read misses alice's own write");
    }
  }

  @Test
  @Points(5)
  void readsSpreadOverTheFollowersThatHaveTheWrite() {
    Scenario scenario =
        start(
            1,
            "4 nodes; the link n1-n4 takes 100 ms each way; alice writes x, and reads it 20 ms later and again after settle",
            "create leader-follower nodes=4");
    scenario.runAll("link n1 n4 latency=const(100ms)", "write x 1 as alice", "tick 20ms");
    readsSpreadOver(
        scenario,
        "1",
        "n2 n3",
        "n2 and n3 have applied alice's write, n4 has not: her reads take turns between n2 and n3, never n4 or the leader, and none waits");
    scenario.settle("n4 catches up");
    scenario.runAll("write y 2 as bob", "tick 20ms");
    readsSpreadOver(
        scenario,
        "1",
        "n2 n3 n4",
        "every follower has alice's write (n4 is behind on bob's newer one, which alice does not need): her reads take turns among n2, n3 and n4");
    checkFindsNothing(scenario, "read-your-writes", "no read misses alice's own write");
  }

  @Test
  @Points(5)
  void noReadWaitsOrMissesItsWriteUnderLoad() {
    Scenario scenario =
        start(
            1,
            "3 nodes whose followers take 20 ms to apply an entry; 400 operations from 4 clients, 80% reads, "
                + "read-your-writes via policy=custom",
            "create leader-follower nodes=3 apply=20ms");
    Result.LoadDone load =
        (Result.LoadDone)
            scenario
                .run("load ops=400 clients=4 reads=80 policy=custom consistency=read-your-writes")
                .result();
    String expected =
        "every read goes where its client's last write is already applied: none waits (99th percentile under "
            + ms(FAST_MS)
            + ") and none fails";
    if (load.failed() > 0 || load.readLatency().p99Ms() >= FAST_MS) {
      throw scenario.failure(
          load.failed()
              + " operations failed and the reads' 99th percentile was "
              + ms(load.readLatency().p99Ms()),
          expected,
          null);
    }
    checkFindsNothing(scenario, "read-your-writes", "no read misses its client's own write");
  }
}
