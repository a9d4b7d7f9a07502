package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import dev.replab.engine.sim.Durations;

/** Small helpers the checkers share for comparing and describing versions. */
final class Versions {
  private Versions() {}

  /** Fails as inconclusive when the run's versions are only partly ordered (version vectors). */
  static void requireTotalOrder(RunRecord record) throws Checker.Inconclusive {
    if (!record.shape().totalOrder()) {
      throw new Checker.Inconclusive(
          "version vectors order only some writes, so 'older' is not always defined here; "
              + "'check linearizability' judges reads by their values instead");
    }
  }

  /** True when (epoch a, offset a) comes after (epoch b, offset b) in the history of leaders. */
  static boolean newer(int epochA, long offsetA, int epochB, long offsetB) {
    return epochA != epochB ? epochA > epochB : offsetA > offsetB;
  }

  static boolean newer(Operation a, Operation b) {
    return newer(a.epoch(), a.version(), b.epoch(), b.version());
  }

  /** "x=1 at offset 3" (or "at timestamp 1.2ms"), or "nothing for x", for what a read returned. */
  static String seen(RunRecord record, Operation read) {
    return read.value() == null && read.version() == 0
        ? "nothing for " + read.key()
        : read.key()
            + "="
            + (read.value() == null ? "(deleted)" : read.value())
            + " at "
            + position(record, read.version());
  }

  /** "offset 3", or "timestamp 1.2ms" where versions are last-write-wins timestamps. */
  static String position(RunRecord record, long version) {
    return record.shape().timestamps()
        ? "timestamp " + Durations.format(version)
        : "offset " + version;
  }

  /** "read of x by alice from n2 at 3ms (op #4)". */
  static String read(Operation read) {
    return "read of "
        + read.key()
        + " by "
        + read.client()
        + " from "
        + read.node()
        + " at "
        + Durations.format(read.invokeUs())
        + " (op #"
        + read.id()
        + ")";
  }
}
