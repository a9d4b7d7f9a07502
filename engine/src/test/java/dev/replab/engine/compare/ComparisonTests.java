package dev.replab.engine.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.command.Result;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** compare durability and compare models: what each configuration measured, side by side. */
class ComparisonTests {
  @Test
  void durabilityTradesLatencyForLostWritesAndAvailability() {
    Lab lab = new Lab(1);
    Result.DurabilityTable table =
        lab.result("compare durability duration=3s crash-at=500ms", Result.DurabilityTable.class);
    Map<String, Result.DurabilityRow> rows =
        table.rows().stream()
            .collect(Collectors.toMap(Result.DurabilityRow::mode, Function.identity()));
    Result.DurabilityRow sync = rows.get("synchronous");
    Result.DurabilityRow semi = rows.get("semi-synchronous");
    Result.DurabilityRow async = rows.get("asynchronous");
    Result.DurabilityRow quorum = rows.get("quorum w=2 of n=3");
    String text = table.text();
    // The farthest follower (ap) is slower to wait for than the nearest (us), and both than none.
    assertTrue(sync.p50Ms() > semi.p50Ms() && semi.p50Ms() > 10 * async.p50Ms(), text);
    assertTrue(async.ackedLost() > 0, text);
    assertEquals(0, sync.ackedLost() + semi.ackedLost() + quorum.ackedLost(), text);
    // With a follower down, a cluster that waits for every follower takes no more writes.
    assertEquals(-1, sync.outageMs(), text);
    assertTrue(semi.outageMs() > 1_000 && async.outageMs() > 1_000, text);
    assertEquals(-1, quorum.maxLagMs(), text);
    assertTrue(text.contains("the crash lost " + async.ackedLost() + " acknowledged writes"), text);
  }

  @Test
  void modelsDifferInLatencyConflictsAndHowLongWritesStop() {
    Lab lab = new Lab(1);
    Result.ModelsTable table =
        lab.result("compare models duration=3s crash-at=500ms", Result.ModelsTable.class);
    Map<String, Result.ModelRow> rows =
        table.rows().stream()
            .collect(Collectors.toMap(Result.ModelRow::model, Function.identity()));
    Result.ModelRow single = rows.get("leader-follower");
    Result.ModelRow multi = rows.get("multi-leader");
    Result.ModelRow none = rows.get("leaderless");
    String text = table.text();
    assertTrue(multi.writeP50Ms() < 5 && single.writeP50Ms() > 50, text);
    assertEquals(0, single.conflicts(), text);
    assertTrue(multi.conflicts() > 0 && multi.overwritten() > 0, text);
    assertTrue(single.stalePercent() > 0 && none.stalePercent() == 0, text);
    assertEquals(-1, multi.stalePercent(), text);
    // A failover stops every region's writes; the other models keep taking them elsewhere.
    assertTrue(single.outageMs() > 1_000, text);
    assertTrue(multi.outageMs() < 100 && none.outageMs() < single.outageMs(), text);
  }

  @Test
  void compareRefusesWhatItDoesNotKnow() {
    Lab lab = new Lab(1);
    assertTrue(lab.reject("compare speed").error().contains("durability, models and conflicts"));
    assertTrue(lab.reject("compare durability trace=x").error().contains("takes no trace="));
    assertTrue(
        lab.reject("compare durability duration=2s crash-at=3s")
            .error()
            .contains("crash-at must come before"));
    assertTrue(lab.reject("compare models duration=2m").error().contains("at most 60s"));
    assertTrue(lab.reject("compare conflicts reads=50").error().contains("takes no reads="));
  }

  @Test
  void theSameSeedGivesTheSameTable() {
    String line = "compare models duration=1s crash-at=300ms";
    String first = new Lab(3).run(line).text();
    String second = new Lab(3).run(line).text();
    assertEquals(first, second, "a second run from seed 3 printed differently");
  }
}
