package dev.replab.engine.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Executed;
import dev.replab.engine.Lab;
import org.junit.jupiter.api.Test;

/** A broken plug-in stops its command with a sentence that names it; the session survives. */
class GuardedPlugInTests {
  @Test
  void aRouterThatChoosesAnUnknownNodeIsNamed() {
    Lab lab = Lab.with(3, "create leader-follower nodes=3");
    lab.lf().setCustomRouter((read, replicas) -> "n9");
    Executed stopped = lab.session().execute("read x policy=custom").get(0);
    assertFalse(stopped.ok());
    assertTrue(
        stopped.error().contains("the read router")
            && stopped.error().contains("chose 'n9'")
            && stopped.error().contains("(seed 3)"),
        stopped.error());
    assertTrue(lab.session().execute("read x").get(0).ok(), "the session carries on");
  }

  @Test
  void aVoteRuleThatThrowsIsNamedWithItsInputs() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.lf()
        .setVoteRule(
            (candidate, voter) -> {
              throw new IllegalStateException("not written yet");
            });
    lab.runAll("failover auto detect=1s", "crash n1");
    Executed stopped = lab.session().execute("tick 5s").get(0);
    assertFalse(stopped.ok());
    assertTrue(
        stopped.error().contains("the vote rule")
            && stopped.error().contains("not written yet")
            && stopped.error().contains("grants(candidate (epoch"),
        stopped.error());
  }
}
