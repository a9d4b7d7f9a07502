package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.FailureDetector;
import dev.replab.engine.api.FencingGuard;
import dev.replab.engine.api.LagMonitor;
import dev.replab.engine.api.PlugInError;
import dev.replab.engine.api.ReadRouter;
import dev.replab.engine.api.SessionGuarantee;
import dev.replab.engine.api.VoteRule;
import java.util.List;
import java.util.function.Supplier;

/**
 * Wraps plugged-in implementations so that a throw, or an answer that breaks the plug point's
 * contract, becomes a {@link PlugInError} naming the plug point, the class and its inputs.
 */
final class Guarded {
  private Guarded() {}

  private static <T> T call(String plugPoint, Object plugIn, String inputs, Supplier<T> body) {
    try {
      return body.get();
    } catch (PlugInError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new PlugInError(
          "the "
              + plugPoint
              + " "
              + plugIn.getClass().getSimpleName()
              + " threw "
              + e
              + " for "
              + inputs,
          e);
    }
  }

  private static void run(String plugPoint, Object plugIn, String inputs, Runnable body) {
    call(
        plugPoint,
        plugIn,
        inputs,
        () -> {
          body.run();
          return null;
        });
  }

  static VoteRule voteRule(VoteRule rule) {
    return (candidate, voter) ->
        call(
            "vote rule",
            rule,
            "grants(candidate " + candidate + ", voter " + voter + ")",
            () -> rule.grants(candidate, voter));
  }

  static FencingGuard fence(FencingGuard guard) {
    return new FencingGuard() {
      @Override
      public boolean admit(int epoch) {
        return call("fencing guard", guard, "admit(" + epoch + ")", () -> guard.admit(epoch));
      }

      @Override
      public int newestEpoch() {
        return call("fencing guard", guard, "newestEpoch()", guard::newestEpoch);
      }
    };
  }

  static FailureDetector detector(FailureDetector detector) {
    return new FailureDetector() {
      @Override
      public void heartbeat(long atUs) {
        run(
            "failure detector",
            detector,
            "heartbeat(" + atUs + ")",
            () -> detector.heartbeat(atUs));
      }

      @Override
      public boolean suspects(long nowUs) {
        return call(
            "failure detector",
            detector,
            "suspects(" + nowUs + ")",
            () -> detector.suspects(nowUs));
      }
    };
  }

  static LagMonitor lagMonitor(LagMonitor monitor) {
    return inputs -> {
      LagMonitor.Reading reading =
          call("lag monitor", monitor, "measure(" + inputs + ")", () -> monitor.measure(inputs));
      if (reading == null) {
        throw new PlugInError(
            "the lag monitor "
                + monitor.getClass().getSimpleName()
                + " returned null for measure("
                + inputs
                + ")");
      }
      return reading;
    };
  }

  static SessionGuarantee guarantee(SessionGuarantee guarantee) {
    return new SessionGuarantee() {
      @Override
      public void wrote(long offset) {
        run("session guarantee", guarantee, "wrote(" + offset + ")", () -> guarantee.wrote(offset));
      }

      @Override
      public void read(long appliedOffset) {
        run(
            "session guarantee",
            guarantee,
            "read(" + appliedOffset + ")",
            () -> guarantee.read(appliedOffset));
      }

      @Override
      public long minimumOffset() {
        return call("session guarantee", guarantee, "minimumOffset()", guarantee::minimumOffset);
      }
    };
  }

  static ReadRouter router(ReadRouter router) {
    return (read, replicas) -> {
      String chosen =
          call(
              "read router",
              router,
              "route(" + read + ", " + replicas.size() + " replicas)",
              () -> router.route(read, replicas));
      List<String> ids = replicas.stream().map(ReadRouter.Replica::id).toList();
      if (chosen == null || !ids.contains(chosen)) {
        throw new PlugInError(
            "the read router "
                + router.getClass().getSimpleName()
                + " chose "
                + (chosen == null ? "null" : "'" + chosen + "'")
                + ", which is not one of the replicas it was offered: "
                + String.join(" ", ids));
      }
      return chosen;
    };
  }
}
