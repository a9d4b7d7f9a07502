package dev.replab.engine.sim;

/** A handle on scheduled work. */
public interface Timer {
  /** Stops the work from running if it has not run yet. */
  void cancel();

  /** True while the work is still due to run. */
  boolean pending();

  /** The virtual time, in microseconds, at which the work is due. */
  long timeUs();
}
