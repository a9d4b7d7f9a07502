package dev.replab.engine.check;

import dev.replab.engine.history.Operation;
import dev.replab.engine.history.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks that each key behaved like a single register: that some order of its operations, one at a
 * time, respects real time (an operation that completed before another began comes first) and gives
 * every successful read the value of the last write before it.
 *
 * <p>Only what the client saw counts. A write or delete that ended {@code OK} happened somewhere
 * between its invocation and completion; one that ended {@code FAIL} never happened; one that ended
 * {@code UNKNOWN} or is still {@code PENDING} may have happened at any moment after its invocation,
 * or never. Only {@code OK} reads constrain the order. Two operations whose intervals merely touch
 * (one completes in the microsecond the other begins) count as concurrent, so a violation is never
 * reported on the strength of a tie.
 *
 * <p>The search is Wing and Gong's, with Lowe's memo of configurations already explored (which
 * operations are ordered so far and the register's value), run for each key on its own in key
 * order. It counts the configurations it explores and stops at a budget, so the same history gets
 * the same answer on every machine; a key it could not finish makes the whole check inconclusive,
 * never "ok". A violation is reported with a small counterexample: the operations that still cannot
 * be ordered after every other one has been relaxed as far as possible.
 */
public final class Linearizability implements Checker {
  /**
   * How many configurations one second of {@code budget=} buys. Fixed, so a budget means the same
   * verdict everywhere; on the machine this was measured on, a second of budget takes well under a
   * second.
   */
  public static final long STATES_PER_SECOND = 500_000;

  /** The budget {@code check linearizability} has without {@code budget=}: ten seconds. */
  public static final long DEFAULT_BUDGET_US = 10_000_000;

  private final long budgetStates;
  private final String onlyKey;

  /** A checker of every key with the default budget. */
  public Linearizability() {
    this(statesFor(DEFAULT_BUDGET_US), null);
  }

  /**
   * A checker with an explicit budget.
   *
   * @param budgetStates how many configurations the search may explore over all keys
   * @param onlyKey the one key to check, or null for all of them
   */
  public Linearizability(long budgetStates, String onlyKey) {
    if (budgetStates < 1) {
      throw new IllegalArgumentException(
          "a search budget must allow one state, not " + budgetStates);
    }
    this.budgetStates = budgetStates;
    this.onlyKey = onlyKey;
  }

  /** A checker whose budget is a duration, converted at {@link #STATES_PER_SECOND}. */
  public static Linearizability withBudget(long budgetUs, String onlyKey) {
    return new Linearizability(statesFor(budgetUs), onlyKey);
  }

  /** The configurations a budget of {@code budgetUs} microseconds buys. */
  public static long statesFor(long budgetUs) {
    if (budgetUs > Long.MAX_VALUE / STATES_PER_SECOND) {
      return Long.MAX_VALUE;
    }
    return Math.max(1, budgetUs * STATES_PER_SECOND / 1_000_000);
  }

  /** The budget in configurations. */
  public long budgetStates() {
    return budgetStates;
  }

  @Override
  public String name() {
    return "linearizability";
  }

  @Override
  public String describe() {
    return "keys whose operations no one-at-a-time order that respects real time can explain";
  }

  /**
   * Checks each key in key order. When the budget runs out on a key after an earlier key was found
   * not linearizable, the findings so far are returned: the verdict is already certain.
   */
  @Override
  public List<Finding> check(RunRecord record) throws Inconclusive {
    Budget budget = new Budget(budgetStates);
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, List<Step>> key : stepsByKey(record.operations()).entrySet()) {
      List<Step> steps = key.getValue();
      Search.Result result = Search.run(Step.prepare(steps, new boolean[steps.size()]), budget);
      if (result.verdict() == Search.Verdict.OUT_OF_BUDGET) {
        if (!findings.isEmpty()) {
          return findings;
        }
        throw new Inconclusive(gaveUp(key.getKey(), steps, result));
      }
      if (result.verdict() == Search.Verdict.VIOLATION) {
        Budget shrinking = budget.share(2);
        findings.add(finding(key.getKey(), Shrinker.shrink(steps, shrinking)));
        budget.spend(shrinking.used());
      }
    }
    return findings;
  }

  private String gaveUp(String key, List<Step> steps, Search.Result result) {
    long definite = steps.stream().filter(step -> !step.optional()).count();
    return "gave up on key "
        + key
        + " after exploring "
        + budgetStates
        + " states (the whole budget): it had ordered at most "
        + result.mostOrdered()
        + " of its "
        + definite
        + " operations that must take effect; raise budget= or check one key with key=";
  }

  /** Each key's operations that matter, in invocation order, keys in sorted order. */
  private Map<String, List<Step>> stepsByKey(List<Operation> operations) {
    Map<String, List<Operation>> byKey = new TreeMap<>();
    for (Operation op : operations) {
      if ((onlyKey == null || onlyKey.equals(op.key())) && Step.counts(op)) {
        byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
      }
    }
    Map<String, List<Step>> steps = new TreeMap<>();
    byKey.forEach((key, ops) -> steps.put(key, Step.of(ops)));
    return steps;
  }

  private Finding finding(String key, Counterexample example) {
    TreeSet<Long> ids = new TreeSet<>();
    example.kept().forEach(step -> ids.add(step.op().id()));
    example.sources().forEach(step -> ids.add(step.op().id()));
    return new Finding(
        name(), "not-linearizable", key, new ArrayList<>(ids), Explanation.of(example, ids));
  }

  // ------------------------------------------------------------------ the operations of one key

  /**
   * One operation as the search sees it.
   *
   * @param index its place in the key's invocation order
   * @param op the recorded operation
   * @param write true for a write or delete
   * @param value the code of the value written or read (0 is "no value")
   * @param invokeUs when it began
   * @param completeUs when it completed, or {@link Long#MAX_VALUE} for a write that may still take
   *     effect at any later time
   */
  record Step(int index, Operation op, boolean write, int value, long invokeUs, long completeUs) {
    /** True for a write whose effect is in doubt: it may take effect at any time, or never. */
    boolean optional() {
      return completeUs == Long.MAX_VALUE;
    }

    /** This step with its constraint loosened: a write that may or may not take effect. */
    Step relaxed() {
      return new Step(index, op, write, value, invokeUs, Long.MAX_VALUE);
    }

    /** True for operations that bear on the verdict: every write but failed ones, ok reads. */
    static boolean counts(Operation op) {
      return op.isWrite()
          ? op.outcome() != Outcome.FAIL
          : op.outcome() == Outcome.OK && op.completeUs() >= op.invokeUs();
    }

    /**
     * A key's operations that {@link #counts count} as steps, in invocation order, with values
     * coded as small numbers.
     */
    static List<Step> of(List<Operation> ops) {
      List<Operation> ordered = new ArrayList<>(ops.stream().filter(Step::counts).toList());
      ordered.sort(Comparator.comparingLong(Operation::invokeUs).thenComparingLong(Operation::id));
      Map<String, Integer> codes = new HashMap<>();
      List<Step> steps = new ArrayList<>();
      for (Operation op : ordered) {
        String value = op.isWrite() ? op.written() : op.value();
        int code = value == null ? 0 : codes.computeIfAbsent(value, v -> codes.size() + 1);
        boolean definite = !op.isWrite() || op.outcome() == Outcome.OK;
        long completeUs = definite ? Math.max(op.completeUs(), op.invokeUs()) : Long.MAX_VALUE;
        steps.add(new Step(steps.size(), op, op.isWrite(), code, op.invokeUs(), completeUs));
      }
      return List.copyOf(steps);
    }

    /**
     * The steps a search needs once the flagged ones are relaxed: a relaxed read is dropped (it
     * constrains nothing), a relaxed write becomes optional. An optional write can only matter when
     * some read that had not yet completed at the write's invocation returned its value, so any
     * other optional write is left out: it can always be placed last, where it changes nothing.
     */
    static List<Step> prepare(List<Step> steps, boolean[] relaxed) {
      List<Step> kept = new ArrayList<>();
      Map<Integer, Long> lastReadEnd = new HashMap<>();
      for (Step step : steps) {
        if (!step.write() && !relaxed[step.index()]) {
          kept.add(step);
          lastReadEnd.merge(step.value(), step.completeUs(), Math::max);
        }
      }
      for (Step step : steps) {
        if (step.write()) {
          Step write = relaxed[step.index()] ? step.relaxed() : step;
          Long readEnd = lastReadEnd.get(write.value());
          if (!write.optional() || (readEnd != null && readEnd >= write.invokeUs())) {
            kept.add(write);
          }
        }
      }
      kept.sort(Comparator.comparingInt(Step::index));
      return kept;
    }
  }

  // ------------------------------------------------------------------ counterexamples

  /**
   * A violation made small.
   *
   * @param kept the steps that keep their full constraints, in invocation order
   * @param sources writes relaxed to "may have taken effect at any time after they began" that the
   *     kept reads may have seen
   * @param minimal false when the budget ran out before the shrinking was done
   */
  record Counterexample(List<Step> kept, List<Step> sources, boolean minimal) {}

  /**
   * Makes a violation small by relaxing operations while the violation stays: a relaxed read is
   * dropped, a relaxed write may take effect at any time after it began, or never.
   *
   * <p>Relaxing only ever allows more orders, so whatever cannot be ordered after relaxing could
   * not be ordered before either: the counterexample is a true reason, never an artefact of leaving
   * out a write that explained a read. Relaxing more also keeps a violation only if relaxing less
   * did, which lets the shrinker first binary-search the shortest violating prefix, then relax
   * halves, quarters and so on down to single operations (reads before writes, so the explanation
   * can speak of completed writes), after which no single operation can be relaxed further.
   */
  static final class Shrinker {
    private final List<Step> steps;
    private final Budget budget;
    private boolean[] relaxed;
    private boolean outOfBudget;

    private Shrinker(List<Step> steps, Budget budget) {
      this.steps = steps;
      this.budget = budget;
      this.relaxed = new boolean[steps.size()];
    }

    static Counterexample shrink(List<Step> steps, Budget budget) {
      Shrinker shrinker = new Shrinker(steps, budget);
      shrinker.shortestPrefix();
      shrinker.relaxInChunks();
      return shrinker.result();
    }

    /** Relaxes everything after the shortest prefix that still cannot be ordered. */
    private void shortestPrefix() {
      int low = 1;
      int high = steps.size();
      while (low < high && !outOfBudget) {
        int middle = (low + high) >>> 1;
        if (violates(relaxedFrom(middle))) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      if (!outOfBudget) {
        relaxed = relaxedFrom(high);
      }
    }

    private boolean[] relaxedFrom(int first) {
      boolean[] flags = relaxed.clone();
      Arrays.fill(flags, first, flags.length, true);
      return flags;
    }

    /** Tries to relax ever smaller groups of the steps that still keep their constraints. */
    private void relaxInChunks() {
      List<Step> candidates = new ArrayList<>();
      for (Step step : steps) {
        if (!relaxed[step.index()] && !step.optional()) {
          candidates.add(step);
        }
      }
      candidates.sort(Comparator.comparing(Step::write).thenComparingInt(Step::index));
      for (int chunk = Math.max(1, candidates.size() / 2); !outOfBudget; chunk /= 2) {
        for (int start = 0; start < candidates.size() && !outOfBudget; start += chunk) {
          boolean[] attempt = relaxed.clone();
          boolean changed = false;
          for (Step step : candidates.subList(start, Math.min(start + chunk, candidates.size()))) {
            changed |= !attempt[step.index()];
            attempt[step.index()] = true;
          }
          if (changed && violates(attempt)) {
            relaxed = attempt;
          }
        }
        if (chunk == 1) {
          break;
        }
      }
    }

    private boolean violates(boolean[] flags) {
      Search.Result result = Search.run(Step.prepare(steps, flags), budget);
      outOfBudget |= result.verdict() == Search.Verdict.OUT_OF_BUDGET;
      return result.verdict() == Search.Verdict.VIOLATION;
    }

    private Counterexample result() {
      List<Step> kept = new ArrayList<>();
      List<Step> sources = new ArrayList<>();
      for (Step step : Step.prepare(steps, relaxed)) {
        (step.optional() ? sources : kept).add(step);
      }
      return new Counterexample(kept, sources, !outOfBudget);
    }
  }

  /** The one sentence a finding gives: what the last read saw, and that nothing orders it. */
  static final class Explanation {
    private Explanation() {}

    static String of(Counterexample example, TreeSet<Long> ids) {
      List<Step> reads = example.kept().stream().filter(step -> !step.write()).toList();
      StringBuilder text = new StringBuilder();
      if (reads.isEmpty()) {
        text.append("these operations");
      } else {
        Step last = reads.get(reads.size() - 1);
        text.append("read #").append(last.op().id()).append(" returned ").append(seen(last));
        text.append(context(example.kept(), last));
      }
      text.append(", and no order of ");
      String separator = "";
      for (long id : ids) {
        text.append(separator).append('#').append(id);
        separator = ids.size() == 2 ? " and " : ", ";
      }
      text.append(" respects real time");
      if (!example.minimal()) {
        text.append(" (the budget ran out before this could be made smaller)");
      }
      return text.toString();
    }

    /** The latest kept write or read that completed before {@code read} began and disagrees. */
    private static String context(List<Step> kept, Step read) {
      Step write = latestBefore(kept, read, true);
      if (write != null) {
        return write.op().written() == null
            ? " after delete #" + write.op().id() + " had completed"
            : " after write #" + write.op().id() + " of " + write.op().written() + " had completed";
      }
      Step earlier = latestBefore(kept, read, false);
      if (earlier != null) {
        return " after read #" + earlier.op().id() + " had already returned " + seen(earlier);
      }
      return "";
    }

    private static Step latestBefore(List<Step> kept, Step read, boolean write) {
      Step latest = null;
      for (Step step : kept) {
        if (step.write() == write
            && step.completeUs() < read.invokeUs()
            && step.value() != read.value()
            && (latest == null || step.completeUs() > latest.completeUs())) {
          latest = step;
        }
      }
      return latest;
    }

    private static String seen(Step read) {
      return read.op().value() == null ? "nothing" : read.op().value();
    }
  }

  // ------------------------------------------------------------------ the budget

  /** A count of states explored against a limit, shared across keys and searches. */
  static final class Budget {
    private final long limit;
    private long used;

    Budget(long limit) {
      this.limit = limit;
    }

    /** Spends one state; false when none was left. */
    boolean take() {
      if (used >= limit) {
        return false;
      }
      used++;
      return true;
    }

    long used() {
      return used;
    }

    /** True while some state is left to spend. */
    boolean left() {
      return used < limit;
    }

    void spend(long states) {
      used = Math.min(limit, used + states);
    }

    /** A new budget of a {@code 1/divisor} share of what is left here, accounted separately. */
    Budget share(int divisor) {
      return new Budget(Math.max(1, (limit - used) / divisor));
    }
  }

  // ------------------------------------------------------------------ the search

  /**
   * Wing and Gong's search for a linearization, with Lowe's memo.
   *
   * <p>The invocations and completions of the steps that must take effect form one list in time
   * order (at equal times invocations first, so touching intervals overlap). The steps that may
   * come next are those invoked before the first completion still in the list. The search orders
   * one of them, takes it out of the list, and goes on from the new configuration; when no
   * candidate is left it undoes its last choice and tries the next. Configurations are remembered
   * by a 128-bit Zobrist fingerprint of the set of ordered steps and the register's state, so
   * memory stays small; two different configurations share a fingerprint with odds around one in
   * 2^100 even after billions of states.
   *
   * <p>Rules that cut the choices without losing an order, each by an exchange argument:
   *
   * <ul>
   *   <li>A read of the value the register holds now goes next and is the only choice tried:
   *       nothing it could wait for would change what it sees.
   *   <li>Of the writes of one value that may come next, only the one with the earliest deadline is
   *       tried: if an order used another first, swapping the two would be as good.
   *   <li>An optional write (one that may never have happened) is kept out of the list. It is only
   *       ordered immediately before a read of its value, since one that no read sees next could
   *       move to the end, where it changes nothing; it is only tried when no write of its value
   *       with a deadline may come next; and of several, only the last to begin is tried, because
   *       one that began earlier can go anywhere a later one can.
   * </ul>
   */
  static final class Search {
    enum Verdict {
      LINEARIZABLE,
      VIOLATION,
      OUT_OF_BUDGET
    }

    /**
     * How a search ended.
     *
     * @param verdict what it found
     * @param mostOrdered the most steps that must take effect it ordered at any one time
     */
    record Result(Verdict verdict, int mostOrdered) {}

    private static final int FAIL = Integer.MIN_VALUE;

    /** The steps searched; a step is known here by its position in this list. */
    private final List<Step> steps;

    private final Fingerprints seen = new Fingerprints();

    /** The event list: event 2i invokes step i, 2i+1 completes it; head is the sentinel. */
    private final int head;

    private final int[] next;
    private final int[] prev;

    /** Per value code, the optional writes of it in invocation order, and which are ordered. */
    private final int[][] optionalByValue;

    private final boolean[] used;
    private final int[] usedOfValue;

    /** The values whose count of used optional writes is not zero, in the order they became so. */
    private final int[] usedValues;

    private int usedValueCount;
    private int usedTotal;
    private final UsedCounts usedCounts = new UsedCounts();

    /** Per frame (configuration on the current path): the step ordered to leave it, and more. */
    private final int[] orderedStep;

    private final int[] stateBefore;
    private final int[] candidatesFrom;
    private final int[] candidatesTo;
    private final int[] cursor;
    private int[] candidates = new int[64];
    private int depth;

    private int remaining;
    private int ordered;
    private int mostOrdered;
    private int state = encode(0, false);
    private long print1 = Zobrist.state1(state);
    private long print2 = Zobrist.state2(state);
    private Budget budget;
    private boolean exhausted;

    /** Scratch marks per value code, valid for the current {@link #generation}. */
    private final int[] bestWrite;

    private final int[] writeMark;
    private final int[] readMark;
    private int generation;

    private Search(List<Step> steps) {
      this.steps = steps;
      int size = steps.size();
      this.head = 2 * size;
      this.next = new int[2 * size + 1];
      this.prev = new int[2 * size + 1];
      link(events());
      int values = 1 + steps.stream().mapToInt(Step::value).max().orElse(0);
      this.optionalByValue = optionalByValue(values);
      this.used = new boolean[size];
      this.usedOfValue = new int[values];
      this.usedValues = new int[values];
      this.orderedStep = new int[size + 1];
      this.stateBefore = new int[size + 1];
      this.candidatesFrom = new int[size + 1];
      this.candidatesTo = new int[size + 1];
      this.cursor = new int[size + 1];
      this.bestWrite = new int[values];
      this.writeMark = new int[values];
      this.readMark = new int[values];
      this.remaining = (int) steps.stream().filter(step -> !step.optional()).count();
    }

    /** Searches for an order of {@code steps}, spending states from {@code budget}. */
    static Result run(List<Step> steps, Budget budget) {
      return new Search(steps).search(budget);
    }

    /** The invocations and completions of the steps that must take effect, in time order. */
    private Integer[] events() {
      List<Integer> events = new ArrayList<>();
      for (int position = 0; position < steps.size(); position++) {
        if (!steps.get(position).optional()) {
          events.add(2 * position);
          events.add(2 * position + 1);
        }
      }
      Integer[] sorted = events.toArray(new Integer[0]);
      Arrays.sort(
          sorted,
          Comparator.comparingLong(this::timeOf)
              .thenComparingInt(event -> event & 1)
              .thenComparingInt(event -> event));
      return sorted;
    }

    private long timeOf(int event) {
      Step step = steps.get(event >> 1);
      return (event & 1) == 0 ? step.invokeUs() : step.completeUs();
    }

    /** Threads the events into a circular doubly linked list behind the head sentinel. */
    private void link(Integer[] events) {
      int last = head;
      for (int event : events) {
        next[last] = event;
        prev[event] = last;
        last = event;
      }
      next[last] = head;
      prev[head] = last;
    }

    private int[][] optionalByValue(int values) {
      List<List<Integer>> byValue = new ArrayList<>();
      for (int value = 0; value < values; value++) {
        byValue.add(new ArrayList<>());
      }
      // Steps come in invocation order, so each list is too.
      for (int position = 0; position < steps.size(); position++) {
        if (steps.get(position).optional()) {
          byValue.get(steps.get(position).value()).add(position);
        }
      }
      int[][] lists = new int[values][];
      for (int value = 0; value < values; value++) {
        lists[value] = byValue.get(value).stream().mapToInt(Integer::intValue).toArray();
      }
      return lists;
    }

    private Result search(Budget budget) {
      this.budget = budget;
      enterFrame();
      while (remaining > 0) {
        if (cursor[depth] < candidatesTo[depth]) {
          int step = candidates[cursor[depth]++];
          if (order(step)) {
            enterFrame();
          } else if (exhausted) {
            return new Result(Verdict.OUT_OF_BUDGET, mostOrdered);
          }
        } else if (depth == 0) {
          return new Result(Verdict.VIOLATION, mostOrdered);
        } else {
          undo();
        }
      }
      return new Result(Verdict.LINEARIZABLE, mostOrdered);
    }

    /** Lists the candidates of the configuration just reached, by the rules above. */
    private void enterFrame() {
      int from = depth == 0 ? 0 : candidatesTo[depth - 1];
      candidatesFrom[depth] = from;
      candidatesTo[depth] = from;
      cursor[depth] = from;
      int value = state >> 1;
      generation++;
      long windowEndUs = Long.MAX_VALUE;
      int forcedRead = -1;
      for (int event = next[head]; event != head; event = next[event]) {
        if ((event & 1) == 1) {
          windowEndUs = timeOf(event);
          break;
        }
        Step step = steps.get(event >> 1);
        if (!step.write()) {
          readMark[step.value()] = generation;
          if (step.value() == value && forcedRead < 0) {
            forcedRead = event >> 1;
          }
        } else if (writeMark[step.value()] != generation
            || step.completeUs() <= steps.get(bestWrite[step.value()]).completeUs()) {
          writeMark[step.value()] = generation;
          bestWrite[step.value()] = event >> 1;
        }
      }
      if (forcedRead >= 0) {
        addCandidate(forcedRead);
      } else if ((state & 1) == 0) {
        addWriteCandidates(windowEndUs);
      }
    }

    /** The best definite write of each value, then one optional write per value a read wants. */
    private void addWriteCandidates(long windowEndUs) {
      for (int event = next[head]; (event & 1) == 0 && event != head; event = next[event]) {
        Step step = steps.get(event >> 1);
        if (step.write() && bestWrite[step.value()] == event >> 1) {
          addCandidate(event >> 1);
        }
      }
      for (int event = next[head]; (event & 1) == 0 && event != head; event = next[event]) {
        Step step = steps.get(event >> 1);
        int value = step.value();
        if (!step.write() && readMark[value] == generation && writeMark[value] != generation) {
          // Mark the value done so that each is offered once.
          readMark[value] = generation - 1;
          int optional = latestUnusedOptional(value, windowEndUs);
          if (optional >= 0) {
            addCandidate(optional);
          }
        }
      }
    }

    /** The optional write of {@code value} that began last, by {@code windowEndUs}, or -1. */
    private int latestUnusedOptional(int value, long windowEndUs) {
      int[] writes = optionalByValue[value];
      int low = 0;
      int high = writes.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (steps.get(writes[middle]).invokeUs() <= windowEndUs) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      for (int i = low - 1; i >= 0; i--) {
        if (!used[writes[i]]) {
          return writes[i];
        }
      }
      return -1;
    }

    private void addCandidate(int step) {
      int at = candidatesTo[depth]++;
      if (at == candidates.length) {
        candidates = Arrays.copyOf(candidates, candidates.length * 2);
      }
      candidates[at] = step;
    }

    /**
     * Orders {@code index} next if the register allows it and the configuration it leads to is new.
     *
     * @return true when it was ordered; false when it could not be, or the budget ran out
     */
    private boolean order(int index) {
      Step step = steps.get(index);
      int after = apply(state, step);
      if (after == FAIL) {
        return false;
      }
      // An optional write joins the set part of the fingerprint only as a count; see UsedCounts.
      long setKey1 = step.optional() ? 0 : Zobrist.step1(index);
      long setKey2 = step.optional() ? 0 : Zobrist.step2(index);
      long next1 = print1 ^ setKey1 ^ Zobrist.state1(state) ^ Zobrist.state1(after);
      long next2 = print2 ^ setKey2 ^ Zobrist.state2(state) ^ Zobrist.state2(after);
      if (step.optional()) {
        countUse(step.value(), 1);
      }
      if (!isNew(next1, next2) || !budget.take()) {
        exhausted = !budget.left();
        if (step.optional()) {
          countUse(step.value(), -1);
        }
        return false;
      }
      orderedStep[depth] = index;
      stateBefore[depth++] = state;
      state = after;
      print1 = next1;
      print2 = next2;
      if (step.optional()) {
        used[index] = true;
      } else {
        remaining--;
        mostOrdered = Math.max(mostOrdered, ++ordered);
        lift(index);
      }
      return true;
    }

    /**
     * True when the configuration with this fingerprint (of its ordered steps that must take
     * effect, and the register's state) and the current counts of used optional writes is worth
     * exploring, remembering it if so.
     */
    private boolean isNew(long print1, long print2) {
      if (usedTotal == 0) {
        return seen.add(print1, print2);
      }
      // The same steps and state with no optional write used already failed: so does this.
      return !seen.contains(print1, print2)
          && usedCounts.addIfUndominated(print1, print2, usedOfValue, usedValues, usedValueCount);
    }

    /** Adds {@code delta} (1 or -1) to the used optional writes of {@code value}. */
    private void countUse(int value, int delta) {
      if (delta > 0 && usedOfValue[value]++ == 0) {
        usedValues[usedValueCount++] = value;
      }
      if (delta < 0 && --usedOfValue[value] == 0) {
        // Uses are undone in the reverse order they were made, so the value is the last added.
        usedValueCount--;
      }
      usedTotal += delta;
    }

    /** Undoes the last step ordered, back to the configuration it left. */
    private void undo() {
      int index = orderedStep[--depth];
      int before = stateBefore[depth];
      Step step = steps.get(index);
      long setKey1 = step.optional() ? 0 : Zobrist.step1(index);
      long setKey2 = step.optional() ? 0 : Zobrist.step2(index);
      print1 ^= setKey1 ^ Zobrist.state1(state) ^ Zobrist.state1(before);
      print2 ^= setKey2 ^ Zobrist.state2(state) ^ Zobrist.state2(before);
      state = before;
      if (step.optional()) {
        used[index] = false;
        countUse(step.value(), -1);
      } else {
        remaining++;
        ordered--;
        unlift(index);
      }
    }

    /**
     * The register state after {@code step}, or FAIL when it cannot come next. A state is the value
     * code times two, plus one while an optional write waits for the read that sees it.
     */
    private static int apply(int state, Step step) {
      int value = state >> 1;
      boolean awaitingRead = (state & 1) == 1;
      if (!step.write()) {
        return value == step.value() ? encode(value, false) : FAIL;
      }
      if (awaitingRead) {
        return FAIL;
      }
      return encode(step.value(), step.optional());
    }

    private static int encode(int value, boolean awaitingRead) {
      return value << 1 | (awaitingRead ? 1 : 0);
    }

    /** Takes a step's invocation and completion out of the list (dancing links). */
    private void lift(int index) {
      unlink(2 * index);
      unlink(2 * index + 1);
    }

    /** Puts them back, in the reverse order of {@link #lift}. */
    private void unlift(int index) {
      relink(2 * index + 1);
      relink(2 * index);
    }

    private void unlink(int event) {
      next[prev[event]] = next[event];
      prev[next[event]] = prev[event];
    }

    private void relink(int event) {
      next[prev[event]] = event;
      prev[next[event]] = event;
    }
  }

  /** Zobrist keys: fixed pseudo-random words per step and per state, mixed from their numbers. */
  private static final class Zobrist {
    private Zobrist() {}

    static long step1(int index) {
      return mix(index * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    static long step2(int index) {
      return mix(index * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L);
    }

    static long state1(int state) {
      return mix(state * 0xD6E8FEB86659FD93L + 0x3C6EF372FE94F82BL);
    }

    static long state2(int state) {
      return mix(state * 0xA0761D6478BD642FL + 0x27BB2EE687B0B0FDL);
    }

    /** The 64-bit finaliser of SplitMix64. */
    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }

  /**
   * The memo for configurations that used optional writes: for each fingerprint of ordered steps
   * and state, the counts of used optional writes per value of the configurations explored so far.
   * Every one of them failed (a success ends the search, and a configuration can never meet itself
   * deeper in its own search), and a configuration that has used at least as many of every value
   * can do nothing they could not, so it is skipped. Only counts that no other stored one undercuts
   * are kept. Past a fixed number of entries it stops remembering, which costs time but never a
   * wrong answer.
   */
  private static final class UsedCounts {
    private static final int MAX_ENTRIES = 1 << 20;

    private final Map<Print, List<int[]>> failed = new HashMap<>();
    private int entries;

    private record Print(long high, long low) {}

    /**
     * False when some stored count vector for the fingerprint is at most {@code usedOfValue}
     * everywhere; otherwise stores the current counts and returns true.
     */
    boolean addIfUndominated(
        long print1, long print2, int[] usedOfValue, int[] usedValues, int usedValueCount) {
      Print print = new Print(print1, print2);
      List<int[]> stored = failed.get(print);
      if (stored != null) {
        for (int[] counts : stored) {
          if (atMost(counts, usedOfValue)) {
            return false;
          }
        }
      }
      if (entries < MAX_ENTRIES) {
        int[] counts = new int[2 * usedValueCount];
        for (int i = 0; i < usedValueCount; i++) {
          counts[2 * i] = usedValues[i];
          counts[2 * i + 1] = usedOfValue[usedValues[i]];
        }
        if (stored == null) {
          stored = new ArrayList<>(1);
          failed.put(print, stored);
        }
        entries -= stored.size();
        stored.removeIf(other -> covers(other, counts));
        stored.add(counts);
        entries += stored.size();
      }
      return true;
    }

    /**
     * True when every (value, count) pair of {@code counts} is at most the count in {@code used}.
     */
    private static boolean atMost(int[] counts, int[] used) {
      for (int i = 0; i < counts.length; i += 2) {
        if (used[counts[i]] < counts[i + 1]) {
          return false;
        }
      }
      return true;
    }

    /**
     * True when {@code other} has used at least as many of every value as {@code counts} (both as
     * (value, count) pair lists), so {@code counts} makes it redundant.
     */
    private static boolean covers(int[] other, int[] counts) {
      for (int i = 0; i < counts.length; i += 2) {
        if (countOf(other, counts[i]) < counts[i + 1]) {
          return false;
        }
      }
      return true;
    }

    private static int countOf(int[] pairs, int value) {
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i] == value) {
          return pairs[i + 1];
        }
      }
      return 0;
    }
  }

  /**
   * The memo: a set of 128-bit fingerprints in open addressing. It grows to a fixed cap (64 MiB)
   * and then stops remembering new configurations; the search stays correct without the memo, just
   * slower, and the budget still bounds it.
   */
  private static final class Fingerprints {
    private static final int MAX_SLOTS = 1 << 22;

    private long[] high = new long[1 << 10];
    private long[] low = new long[1 << 10];
    private int size;

    /** Adds a fingerprint; false when it was already there. */
    boolean add(long print1, long print2) {
      long h = print1 | 1; // an all-zero slot means empty
      int mask = high.length - 1;
      for (int slot = (int) (h >>> 40) & mask; ; slot = (slot + 1) & mask) {
        if (high[slot] == 0) {
          if (2 * size >= high.length) {
            return grow() ? add(print1, print2) : true;
          }
          high[slot] = h;
          low[slot] = print2;
          size++;
          return true;
        }
        if (high[slot] == h && low[slot] == print2) {
          return false;
        }
      }
    }

    /** True when the fingerprint was added before. */
    boolean contains(long print1, long print2) {
      long h = print1 | 1;
      int mask = high.length - 1;
      for (int slot = (int) (h >>> 40) & mask; high[slot] != 0; slot = (slot + 1) & mask) {
        if (high[slot] == h && low[slot] == print2) {
          return true;
        }
      }
      return false;
    }

    /** Doubles the table; false once it is at its cap. */
    private boolean grow() {
      if (high.length >= MAX_SLOTS) {
        return false;
      }
      long[] oldHigh = high;
      long[] oldLow = low;
      high = new long[oldHigh.length * 2];
      low = new long[oldLow.length * 2];
      int mask = high.length - 1;
      for (int i = 0; i < oldHigh.length; i++) {
        if (oldHigh[i] != 0) {
          int slot = (int) (oldHigh[i] >>> 40) & mask;
          while (high[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          high[slot] = oldHigh[i];
          low[slot] = oldLow[i];
        }
      }
      return true;
    }
  }
}
