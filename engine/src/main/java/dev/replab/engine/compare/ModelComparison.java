package dev.replab.engine.compare;

import dev.replab.engine.check.Checker;
import dev.replab.engine.check.Checkers;
import dev.replab.engine.cluster.Consistency;
import dev.replab.engine.command.Args;
import dev.replab.engine.command.Command;
import dev.replab.engine.command.CommandError;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import dev.replab.engine.load.Workload;
import dev.replab.engine.multileader.MultiLeader;
import dev.replab.engine.multileader.MultiLeaderResults;
import dev.replab.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code compare models}: leader-follower, multi-leader and leaderless on three nodes in eu, us and
 * ap, under one workload from clients in every region, with the eu node crashing part way through.
 * Per model: read and write latency and throughput before the crash, stale reads, conflicts and
 * silently overwritten writes, acknowledged writes lost, how long no write succeeded after the
 * crash, and every anomaly the checkers find.
 */
final class ModelComparison {
  /** One model, as the lines that set up its cluster and the read policy its clients use. */
  record Contender(
      String model, String setup, String policy, boolean judgesStaleness, String character) {}

  static final List<Contender> CONTENDERS =
      List.of(
          new Contender(
              "leader-follower",
              "create leader-follower nodes=3 regions=eu,us,ap timeout=2s; failover auto",
              "nearest",
              true,
              "one leader in eu orders every write; reads go to the nearest replica"),
          new Contender(
              "multi-leader",
              "create multi-leader followers=0 timeout=2s",
              "local",
              false,
              "a leader in each region takes its clients' writes; conflicts are resolved by last write wins"),
          new Contender(
              "leaderless",
              "create leaderless nodes=3 n=3 w=2 r=2 regions=eu,us,ap quorum-timeout=1s timeout=2s",
              "nearest",
              true,
              "the nearest node coordinates; a write waits for 2 of 3 replicas, a read asks 2"));

  static final Set<String> OPTIONS =
      Set.of("clients", "reads", "keys", "duration", "crash-at", "trials");

  /** The node that crashes: eu's leader, or the coordinator of eu's clients. */
  static final String CRASHED = "n1";

  /** The checkers counted as anomalies; linearizability is left out (it is a search). */
  static final List<String> ANOMALIES =
      Checkers.all().stream().map(Checker::name).filter(n -> !n.equals("divergence")).toList();

  /** What one run of one model measured. */
  record Run(
      double writeP50Ms,
      double readP50Ms,
      double throughput,
      double stalePercent,
      long conflicts,
      long overwritten,
      long lost,
      double outageMs,
      long anomalies) {}

  private ModelComparison() {}

  static Command parse(Map<String, Args.Option> options) throws CommandError {
    Comparisons.only(options, OPTIONS, "models");
    int clients = options.containsKey("clients") ? options.get("clients").positiveInt(300) : 12;
    int reads = 80;
    if (options.containsKey("reads")) {
      Args.Option option = options.get("reads");
      reads = option.value().equals("0") ? 0 : option.positiveInt(100);
    }
    int keys = options.containsKey("keys") ? options.get("keys").positiveInt(100_000) : 20;
    long durationUs =
        options.containsKey("duration") ? options.get("duration").positiveDurationUs() : 4_000_000;
    if (durationUs > DurabilityComparison.LONGEST_US) {
      throw new CommandError(
          "compare models runs each model for at most "
              + Durations.format(DurabilityComparison.LONGEST_US),
          options.get("duration").column());
    }
    long crashAtUs =
        options.containsKey("crash-at") ? options.get("crash-at").positiveDurationUs() : 1_000_000;
    if (crashAtUs >= durationUs) {
      throw new CommandError(
          "crash-at must come before the clients stop, at " + Durations.format(durationUs),
          options.get("crash-at").column());
    }
    int trials = options.containsKey("trials") ? options.get("trials").positiveInt(20) : 1;
    int readPercent = reads;
    return Comparisons.run(
        "models",
        (seed, cluster) -> run(seed, clients, readPercent, keys, durationUs, crashAtUs, trials));
  }

  static Result run(
      long seed, int clients, int reads, int keys, long durationUs, long crashAtUs, int trials) {
    List<Result.ModelRow> rows = new ArrayList<>();
    for (Contender contender : CONTENDERS) {
      List<Run> runs = new ArrayList<>();
      for (int trial = 0; trial < trials; trial++) {
        runs.add(once(contender, seed + trial, clients, reads, keys, durationUs, crashAtUs));
      }
      rows.add(row(contender, runs));
    }
    return new Result.ModelsTable(
        clients,
        reads,
        keys,
        Durations.toMs(durationUs),
        Durations.toMs(crashAtUs),
        trials,
        rows,
        text(clients, reads, keys, durationUs, crashAtUs, trials, rows));
  }

  private static Run once(
      Contender contender,
      long seed,
      int clients,
      int reads,
      int keys,
      long durationUs,
      long crashAtUs) {
    Workload workload =
        new Workload(
            0,
            clients,
            reads,
            keys,
            false,
            0,
            durationUs,
            contender.policy(),
            Consistency.EVENTUAL,
            false,
            false,
            null,
            DurabilityComparison.BACKOFF_US);
    CrashRun run = CrashRun.run(List.of(contender.setup()), seed, workload, crashAtUs, CRASHED);
    long[] writes = run.latenciesBefore(Operation::isWrite);
    long[] readsBefore = run.latenciesBefore(op -> !op.isWrite());
    long conflicts = 0;
    if (run.cluster.model() instanceof MultiLeader) {
      conflicts =
          ((MultiLeaderResults.Conflicts) Comparisons.one(run.session, "conflicts"))
              .conflicts()
              .size();
    }
    long anomalies = 0;
    for (String checker : ANOMALIES) {
      anomalies += Math.max(0, run.findings(checker));
    }
    return new Run(
        CrashRun.quantileMs(writes, 0.5),
        CrashRun.quantileMs(readsBefore, 0.5),
        (writes.length + readsBefore.length) / Durations.toMs(crashAtUs) * 1_000,
        contender.judgesStaleness() ? 100.0 * run.report.staleShare() : -1,
        conflicts,
        Math.max(0, run.findings("lost-updates")),
        Math.max(0, run.findings("lost-writes")),
        run.writeOutageMs(),
        anomalies);
  }

  private static Result.ModelRow row(Contender contender, List<Run> runs) {
    return new Result.ModelRow(
        contender.model(),
        contender.character(),
        median(runs, Run::writeP50Ms),
        median(runs, Run::readP50Ms),
        median(runs, Run::throughput),
        median(runs, Run::stalePercent),
        Math.round(median(runs, r -> (double) r.conflicts())),
        Math.round(median(runs, r -> (double) r.overwritten())),
        Math.round(median(runs, r -> (double) r.lost())),
        runs.stream().anyMatch(r -> r.outageMs() < 0) ? -1 : median(runs, Run::outageMs),
        Math.round(median(runs, r -> (double) r.anomalies())));
  }

  private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
    return DurabilityComparison.median(runs.stream().mapToDouble(value).toArray());
  }

  private static String text(
      int clients,
      int reads,
      int keys,
      long durationUs,
      long crashAtUs,
      int trials,
      List<Result.ModelRow> rows) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "compare models: %d clients spread over eu, us and ap, %d%% reads over %d keys for"
                    + " %s, on three nodes (n1 in eu, n2 or n3 in us and ap); n1 crashes at %s%s%n",
                clients,
                reads,
                keys,
                Durations.format(durationUs),
                Durations.format(crashAtUs),
                trials == 1 ? "" : "; medians of " + trials + " trials (seeds in a row)"));
    text.append(
        String.format(
            Locale.ROOT,
            "%-16s %9s %9s %7s %6s %9s %11s %10s %13s %9s%n",
            "model",
            "write p50",
            "read p50",
            "ops/s",
            "stale",
            "conflicts",
            "overwritten",
            "acked lost",
            "no writes for",
            "anomalies"));
    for (Result.ModelRow row : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              "%-16s %9s %9s %7.0f %6s %9d %11d %10d %13s %9d%n",
              row.model(),
              Result.ms(row.writeP50Ms()),
              Result.ms(row.readP50Ms()),
              row.throughputOpsPerSecond(),
              row.stalePercent() < 0
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f%%", row.stalePercent()),
              row.conflicts(),
              row.overwritten(),
              row.ackedLost(),
              row.outageMs() < 0 ? "the rest" : Result.ms(row.outageMs()),
              row.anomalies()));
    }
    text.append(
        "latency and ops/s before the crash; 'no writes for' runs from the crash to the first"
            + " write begun after it that succeeded, from any region; anomalies are the checkers'"
            + " findings; '-': the model does not judge a read stale (a multi-leader read is"
            + " local by design)\n");
    for (Result.ModelRow row : rows) {
      text.append("  ").append(row.model()).append(": ").append(row.character()).append('\n');
    }
    return text.toString().stripTrailing();
  }
}
