package dev.replab.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.Lab;
import dev.replab.engine.command.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * history's filters: each one narrows the operations, and together they all must hold; timeline
 * takes the same last= form.
 */
class HistoryFilterTests {
  private static Lab lab() {
    Lab lab = Lab.with(1, "create leader-follower nodes=3");
    lab.runAll("write x 1", "write y 2 as bob", "read x from n2", "crash n3", "read x from n3");
    return lab;
  }

  private static List<Long> ops(Lab lab, String line) {
    return lab.result(line, Result.HistoryListing.class).operations().stream()
        .map(Result.OpRow::id)
        .toList();
  }

  @Test
  void eachFilterKeepsTheOperationsItNames() {
    Lab lab = lab();
    assertEquals(List.of(1L, 2L, 3L, 4L), ops(lab, "history"));
    assertEquals(List.of(3L, 4L), ops(lab, "history last=2"));
    assertEquals(List.of(1L, 3L, 4L), ops(lab, "history key=x"));
    assertEquals(List.of(2L), ops(lab, "history client=bob"));
    assertEquals(List.of(4L), ops(lab, "history outcome=fail"));
    assertEquals(List.of(3L), ops(lab, "history kind=read node=n2"));
    assertEquals(List.of(4L), ops(lab, "history key=x last=1"));
  }

  @Test
  void eventsShowBesideTheWholeHistoryOrItsLastOperationsOnly() {
    Lab lab = lab();
    Result.HistoryListing last = lab.result("history last=2", Result.HistoryListing.class);
    assertTrue(last.text().contains("n3 crashed") && last.text().endsWith("2 of 4 operations"));
    Result.HistoryListing key = lab.result("history key=x", Result.HistoryListing.class);
    assertEquals(List.of(), key.events());
    assertTrue(key.text().contains("cluster events are left out"), key.text());
  }

  @Test
  void aFilterThatCannotMatchIsRefusedWithTheChoices() {
    Lab lab = lab();
    assertTrue(lab.reject("history outcome=oops").error().contains("ok, fail, unknown, pending"));
    assertTrue(lab.reject("history client=zed").error().contains("clients are app bob"));
    assertTrue(lab.reject("history node=n9").error().contains("nodes are n1 n2 n3"));
    assertTrue(lab.reject("history kind=update").error().contains("read, write, delete"));
  }

  @Test
  void timelineTakesLastAndSinceAsOptionsTooAsHistoryDoes() {
    Lab lab = lab();
    assertEquals(lab.run("timeline last 2").text(), lab.run("timeline last=2").text());
    assertEquals(lab.run("timeline since 3ms").text(), lab.run("timeline since=3ms").text());
    assertTrue(lab.reject("timeline last 2 last=3").error().contains("'last' is given twice"));
  }
}
