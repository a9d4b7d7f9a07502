package dev.replab.exercises.ex02;

import dev.replab.engine.command.Result;
import dev.replab.engine.leaderfollower.Node;
import dev.replab.exercises.Scenario;
import dev.replab.exercises.grader.Points;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Graded, Exercise 2: the learner's commit rule on the leader of a real simulated cluster, set with
 * {@code setquorum} and timed by the simulated network.
 */
class CommitScenarioTests {

  private static Scenario start(long seed, String story, String createLine) {
    CommitRecorder[] recorder = new CommitRecorder[1];
    Scenario scenario =
        Scenario.start(
            seed,
            story + "; your QuorumCommitRule decides commits",
            createLine,
            QuorumCommitRule.class,
            (stage, cluster) -> {
              recorder[0] = new CommitRecorder(new QuorumCommitRule(), cluster.sim()::nowUs, stage);
              cluster.setCommitRule(recorder[0]);
            });
    return scenario.withHint(() -> recorder[0].firstDisagreement());
  }

  private static String ms(double ms) {
    return String.format(Locale.ROOT, "%.1f ms", ms);
  }

  private static Result.WriteDone acknowledged(Scenario scenario, String command, String expected) {
    Result.WriteDone write = scenario.write(command);
    if (!write.outcome().equals("ok")) {
      throw scenario.failure(
          "'"
              + command
              + "' was not acknowledged: "
              + write.outcome()
              + " after "
              + ms(write.latencyMs()),
          expected,
          null);
    }
    return write;
  }

  @Test
  @Points(4)
  void firstWaitsForTheSlowStandbyItPrefers() {
    Scenario scenario =
        start(
            1,
            "4 nodes; the link n1-n3 takes 200 ms each way; setquorum 2 first (n2,n3,n4)",
            "create leader-follower nodes=4");
    scenario.run("link n1 n3 latency=const(200ms)");
    scenario.run("setquorum 2 first (n2,n3,n4)");
    String expected =
        "n2 and n3 are the synchronous standbys, so each write waits for n3: at least 400 ms, acknowledged by n3";
    for (String command : new String[] {"write x 1", "write x 2"}) {
      Result.WriteDone write = acknowledged(scenario, command, expected);
      if (write.latencyMs() < 390 || !write.ackedBy().contains("n3")) {
        throw scenario.failure(
            "'"
                + command
                + "' was acknowledged after "
                + ms(write.latencyMs())
                + " by "
                + write.ackedBy()
                + ", without waiting for n3",
            expected,
            null);
      }
    }
  }

  @Test
  @Points(4)
  void anyDoesNotWaitForTheSlowFollower() {
    Scenario scenario =
        start(
            1,
            "4 nodes; the link n1-n3 takes 200 ms each way; setquorum 2 any (n2,n3,n4)",
            "create leader-follower nodes=4");
    scenario.run("link n1 n3 latency=const(200ms)");
    scenario.run("setquorum 2 any (n2,n3,n4)");
    String expected =
        "any two acknowledgements will do, so n2 and n4 commit each write within a few ms, long before n3 answers";
    for (String command : new String[] {"write x 1", "write x 2", "write y 3"}) {
      Result.WriteDone write = acknowledged(scenario, command, expected);
      if (write.latencyMs() >= 100) {
        throw scenario.failure(
            "'" + command + "' took " + ms(write.latencyMs()) + ": it waited for the slow n3",
            expected,
            null);
      }
      if (write.ackedBy().size() < 2) {
        throw scenario.failure(
            "'"
                + command
                + "' was acknowledged to the client when only "
                + write.ackedBy()
                + " had it, fewer than two followers",
            expected,
            null);
      }
    }
  }

  @Test
  @Points(4)
  void allNeverCommitsWhileAFollowerIsDown() {
    Scenario scenario =
        start(
            1,
            "4 nodes, clients give up after 2 s; setquorum all; n4 crashes before a write, then restarts",
            "create leader-follower nodes=4 timeout=2s");
    scenario.run("setquorum all");
    scenario.run("crash n4");
    String expected =
        "with n4 down, 'all' cannot commit: the client gets no answer (outcome unknown) and the leader commits nothing";
    Result.WriteDone write = scenario.write("write x 1");
    Node leader = scenario.cluster().node("n1");
    if (write.outcome().equals("ok") || leader.commitOffset() != 0) {
      throw scenario.failure(
          "'write x 1' was committed (outcome "
              + write.outcome()
              + ", n1 committed up to offset "
              + leader.commitOffset()
              + ") while n4 was down",
          expected,
          null);
    }
    scenario.run("restart n4");
    scenario.settle("n4 catches up after its restart");
    String expectedLater =
        "once n4 is back and has received offset 1, the write commits: n1 commits up to offset 1";
    if (leader.commitOffset() != 1) {
      throw scenario.failure(
          "after n4 restarted and caught up, n1 committed only up to offset "
              + leader.commitOffset(),
          expectedLater,
          null);
    }
  }

  @Test
  @Points(4)
  void firstSkipsAStandbyThatDisconnected() {
    Scenario scenario =
        start(
            1,
            "4 nodes; setquorum 2 first (n3,n2,n4); n3, the first standby, crashes",
            "create leader-follower nodes=4");
    scenario.run("setquorum 2 first (n3,n2,n4)");
    scenario.run("crash n3");
    String expected =
        "once the leader stops hearing from n3 (about 1 s), n2 and n4 become the synchronous standbys and the write commits";
    for (String command : new String[] {"write x 1", "write x 2"}) {
      Result.WriteDone write = acknowledged(scenario, command, expected);
      if (!write.ackedBy().contains("n2") || !write.ackedBy().contains("n4")) {
        throw scenario.failure(
            "'" + command + "' was acknowledged by " + write.ackedBy() + " only", expected, null);
      }
    }
  }

  @Test
  @Points(4)
  void appliedAcknowledgementWaitsForTheFollowerToApply() {
    Scenario scenario =
        start(
            1,
            "3 nodes; a follower takes 50 ms to apply an entry; setquorum 1 any, with ack=applied, then ack=received",
            "create leader-follower nodes=3 apply=50ms");
    scenario.run("setquorum 1 any ack=applied");
    String expectedApplied =
        "with ack=applied the write waits until a follower has applied it (at least 50 ms), and that follower reads it at once";
    Result.WriteDone applied = acknowledged(scenario, "write x 1", expectedApplied);
    if (applied.latencyMs() < 50 || applied.ackedBy().isEmpty()) {
      throw scenario.failure(
          "'write x 1' with ack=applied was acknowledged after "
              + ms(applied.latencyMs())
              + " by "
              + applied.ackedBy()
              + ", before any follower applied it",
          expectedApplied,
          null);
    }
    String follower = applied.ackedBy().get(0);
    Result.ReadDone read = (Result.ReadDone) scenario.run("read x from " + follower).result();
    if (!"1".equals(read.value())) {
      throw scenario.failure(
          "'read x from " + follower + "' right after the write returned " + read.value(),
          expectedApplied,
          null);
    }
    scenario.run("setquorum 1 any ack=received");
    String expectedReceived =
        "with ack=received the write waits only until a follower has it, well under the 50 ms it takes to apply";
    Result.WriteDone received = acknowledged(scenario, "write x 2", expectedReceived);
    if (received.latencyMs() >= 50) {
      throw scenario.failure(
          "'write x 2' with ack=received took "
              + ms(received.latencyMs())
              + ", as long as applying",
          expectedReceived,
          null);
    }
  }
}
