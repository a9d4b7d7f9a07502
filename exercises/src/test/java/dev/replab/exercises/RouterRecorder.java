package dev.replab.exercises;

import dev.replab.engine.api.ReadRouter;
import dev.replab.engine.sim.Durations;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Passes every read to the learner's router and remembers the first choice that a critic objects
 * to: the likeliest place where a scenario started to go wrong.
 */
public final class RouterRecorder implements ReadRouter {
  private final ReadRouter learner;
  private final Scenario scenario;
  private final LongSupplier nowUs;
  private final Critic critic;
  private String firstComplaint;

  /** Says what is wrong with a choice, or returns null when it is a right one. */
  public interface Critic {
    String judge(ReadRequest read, List<Replica> replicas, String chosen);
  }

  public RouterRecorder(ReadRouter learner, Scenario scenario, LongSupplier nowUs, Critic critic) {
    this.learner = learner;
    this.scenario = scenario;
    this.nowUs = nowUs;
    this.critic = critic;
  }

  /** A critic from a function of the read and the replicas to the right answers. */
  public static Critic allowing(
      BiFunction<ReadRequest, List<Replica>, List<String>> rightAnswers, String rule) {
    return (read, replicas, chosen) -> {
      List<String> right = rightAnswers.apply(read, replicas);
      return right.contains(chosen)
          ? null
          : "it should go to " + String.join(" or ", right) + " (" + rule + ")";
    };
  }

  @Override
  public String route(ReadRequest read, List<Replica> replicas) {
    String chosen = scenario.learnerCall(() -> learner.route(read, replicas));
    if (firstComplaint == null) {
      String complaint = critic.judge(read, replicas, chosen);
      if (complaint != null) {
        firstComplaint =
            "at t="
                + Durations.format(nowUs.getAsLong())
                + " "
                + read.client()
                + "'s read of "
                + read.key()
                + (read.minOffset() > 0 ? " with token " + read.minOffset() : "")
                + " saw replicas "
                + RouterCases.describe(replicas)
                + ": your route chose "
                + chosen
                + ", but "
                + complaint;
      }
    }
    return chosen;
  }

  /** The first questionable choice, or null when every choice was a right one. */
  public String firstComplaint() {
    return firstComplaint;
  }
}
