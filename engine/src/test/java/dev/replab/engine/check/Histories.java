package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Hand-made and generated histories of client operations, for the linearizability checker. */
final class Histories {
  private final List<Operation> operations = new ArrayList<>();
  private String key = "x";

  /** Operations after this call are on {@code key}. */
  Histories on(String key) {
    this.key = key;
    return this;
  }

  Histories write(long id, String value, long invokeUs, long completeUs) {
    return write(id, value, invokeUs, completeUs, Outcome.OK);
  }

  Histories write(long id, String value, long invokeUs, long completeUs, Outcome outcome) {
    Operation.Kind kind = value == null ? Operation.Kind.DELETE : Operation.Kind.WRITE;
    Operation op = new Operation(id, kind, "c" + id, "n1", key, value, invokeUs);
    if (outcome != Outcome.PENDING) {
      op.complete(completeUs, outcome, null, 0, 0, outcome == Outcome.OK ? null : "timeout");
    }
    operations.add(op);
    return this;
  }

  Histories read(long id, String value, long invokeUs, long completeUs) {
    return read(id, value, invokeUs, completeUs, Outcome.OK);
  }

  Histories read(long id, String value, long invokeUs, long completeUs, Outcome outcome) {
    Operation op = new Operation(id, Operation.Kind.READ, "c" + id, "n1", key, null, invokeUs);
    op.complete(completeUs, outcome, outcome == Outcome.OK ? value : null, 0, 0, null);
    operations.add(op);
    return this;
  }

  List<Operation> operations() {
    List<Operation> ordered = new ArrayList<>(operations);
    ordered.sort(Comparator.comparingLong(Operation::invokeUs).thenComparingLong(Operation::id));
    return ordered;
  }

  RunRecord record() {
    return new RunRecord(operations(), List.of(), null, Set.of(), List.of());
  }

  /**
   * A history that is linearizable by construction: clients issue overlapping operations on one
   * register, each takes effect at a random instant inside its interval, and reads return what the
   * register held at their instant. Some writes fail (and have no effect) and some end unknown (and
   * took effect or not, by a coin).
   */
  static Histories linearizable(long seed, int count, int clients, int values) {
    return linearizable(seed, count, clients, values, 15);
  }

  /** As above, with one write in {@code unknownOneIn} ending unknown (none when 0). */
  static Histories linearizable(long seed, int count, int clients, int values, int unknownOneIn) {
    SplittableRandom random = new SplittableRandom(seed);
    record Planned(long invokeUs, long completeUs, long effectUs, int client) {}
    List<Planned> planned = new ArrayList<>();
    long[] clientFree = new long[clients];
    for (int i = 0; i < count; i++) {
      int client = random.nextInt(clients);
      long invokeUs = clientFree[client] + random.nextInt(50);
      long completeUs = invokeUs + 1 + random.nextInt(200);
      clientFree[client] = completeUs + 1;
      planned.add(
          new Planned(
              invokeUs, completeUs, invokeUs + random.nextLong(completeUs - invokeUs + 1), client));
    }
    List<Integer> byEffect = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byEffect.add(i);
    }
    byEffect.sort(
        Comparator.comparingLong((Integer i) -> planned.get(i).effectUs())
            .thenComparingInt(i -> i));
    Histories history = new Histories();
    String register = null;
    for (int i : byEffect) {
      Planned p = planned.get(i);
      long id = i + 1;
      int pick = random.nextInt(20);
      if (pick < 9) {
        history.read(id, register, p.invokeUs(), p.completeUs());
      } else if (pick == 9) {
        history.read(id, "ignored", p.invokeUs(), p.completeUs(), Outcome.FAIL);
      } else if (pick == 10) {
        history.write(id, "never", p.invokeUs(), p.completeUs(), Outcome.FAIL);
      } else {
        String value = pick == 11 ? null : "v" + random.nextInt(values);
        boolean unknown = unknownOneIn > 0 && random.nextInt(unknownOneIn) == 0;
        if (!unknown || random.nextBoolean()) {
          register = value;
        }
        history.write(
            id, value, p.invokeUs(), p.completeUs(), unknown ? Outcome.UNKNOWN : Outcome.OK);
      }
    }
    return history;
  }
}
