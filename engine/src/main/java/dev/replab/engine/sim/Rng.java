package dev.replab.engine.sim;

import java.util.SplittableRandom;

/** A seeded random source owned by one component of a {@link Simulation}. */
public final class Rng {
  private final SplittableRandom random;

  Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A uniform double in [0, 1). */
  public double nextDouble() {
    return random.nextDouble();
  }

  /** A uniform long in [0, bound). */
  public long nextLong(long bound) {
    return random.nextLong(bound);
  }

  /** A uniform int in [0, bound). */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** A standard normal draw (Box-Muller, so it depends only on this source). */
  public double nextGaussian() {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** True with probability {@code p}. */
  public boolean chance(double p) {
    return p > 0 && random.nextDouble() < p;
  }
}
