package dev.replab.exercises.ex15;

import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 15: increments, decrements and merges, state by state. */
class CounterDecisionTests {

  @Test
  @Points(3)
  void eachDatacenterRaisesOnlyItsOwnTotal() {
    CounterSteps.check(
        "a datacenter adds to its own increments; other datacenters' totals stay",
        "a = incr empty eu 2",
        "state a +eu:2 -",
        "b = incr a eu 3",
        "state b +eu:5 -",
        "c = incr b us 1",
        "state c +eu:5,us:1 -",
        "value c 6",
        "d = decr c ap 4",
        "state d +eu:5,us:1 -ap:4",
        "value d 2",
        "value empty 0");
  }

  @Test
  @Points(4)
  void aMergeKeepsTheLargerTotalOfEachDatacenter() {
    CounterSteps.check(
        "two replicas that each saw some updates: the merge holds each update once",
        "a = incr empty eu 5",
        "b = incr empty eu 3",
        "c = incr b us 1",
        "m = merge a c",
        "state m +eu:5,us:1 -",
        "value m 6",
        "n = decr empty us 2",
        "o = merge m n",
        "state o +eu:5,us:1 -us:2",
        "value o 4");
  }

  @Test
  @Points(3)
  void mergingAgainOrTheOtherWayRoundChangesNothing() {
    CounterSteps.check(
        "states arrive twice and in any order; a merge is idempotent and commutative",
        "a = incr empty eu 2",
        "b = decr empty us 1",
        "ab = merge a b",
        "ba = merge b a",
        "state ab +eu:2 -us:1",
        "state ba +eu:2 -us:1",
        "again = merge ab ab",
        "state again +eu:2 -us:1",
        "old = merge ab a",
        "state old +eu:2 -us:1",
        "value old 1");
  }
}
