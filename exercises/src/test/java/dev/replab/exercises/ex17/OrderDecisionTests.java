package dev.replab.exercises.ex17;

import static dev.replab.exercises.ex17.OrderCases.same;
import static dev.replab.exercises.ex17.OrderCases.wins;

import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 17: which of two writes last write wins keeps, pair by pair. */
class OrderDecisionTests {

  @Test
  @Points(3)
  void theLaterTimestampWins() {
    wins("2000 us#1 b", "1000 eu#1 a", "2 ms is later than 1 ms");
    wins("1001 eu#1 a", "1000 us#5 zzz", "the timestamp decides before anything else");
    wins("5 ap#1 delete", "4 eu#1 x", "a later write of any kind");
    wins(
        "-3000 eu#2 x",
        "-4000 us#1 y",
        "clocks set behind give negative timestamps, still ordered");
    same("1000 eu#1 a");
  }

  @Test
  @Points(4)
  void onATieADeleteBeatsAWriteThenTheGreaterValue() {
    wins("7 us#1 delete", "7 eu#1 zebra", "a delete stamped at the same instant is not undone");
    wins("7 eu#1 zebra", "7 us#1 apple", "then the greater value");
    wins("7 eu#1 b", "7 ap#9 a", "the value decides before the datacenter");
  }

  @Test
  @Points(3)
  void equalTimestampsAndValuesStillHaveOneWinner() {
    wins("7 us#1 same", "7 eu#1 same", "then the greater datacenter name");
    wins("7 eu#2 same", "7 eu#1 same", "then the greater counter");
    wins("7 us#1 delete", "7 eu#4 delete", "two deletes at one instant: the datacenter decides");
  }
}
