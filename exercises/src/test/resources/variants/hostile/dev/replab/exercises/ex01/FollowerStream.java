package dev.replab.exercises.ex01;

import dev.replab.engine.api.StreamApplier;
import dev.replab.engine.api.StreamDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * A right answer except for three batches that only the decision tests ask about: one hangs, one
 * ends the JVM and one exhausts the heap. The grader must fail those three tests and pass the rest.
 */
public final class FollowerStream implements StreamApplier {
  @Override
  public StreamDecision decide(long logEnd, long prevOffset, int count) {
    if (logEnd == 10 && prevOffset == 4 && count == 3) {
      hang();
    }
    if (logEnd == 5 && prevOffset == 7 && count == 2) {
      System.exit(3);
    }
    if (logEnd == 10 && prevOffset == 8 && count == 5) {
      exhaustMemory();
    }
    System.out.println("deciding " + logEnd + " " + prevOffset + " " + count);
    if (prevOffset > logEnd) {
      return new StreamDecision.Resend(logEnd + 1);
    }
    if (prevOffset + count <= logEnd) {
      return new StreamDecision.Ignore();
    }
    return new StreamDecision.Append(logEnd + 1);
  }

  private static void hang() {
    long spins = 0;
    while (spins >= 0) {
      spins++;
      if (spins == Long.MAX_VALUE) {
        spins = 0;
      }
    }
  }

  private static void exhaustMemory() {
    List<long[]> hoard = new ArrayList<>();
    while (true) {
      hoard.add(new long[1 << 20]);
    }
  }
}
