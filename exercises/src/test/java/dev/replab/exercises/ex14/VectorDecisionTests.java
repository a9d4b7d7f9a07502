package dev.replab.exercises.ex14;

import static dev.replab.exercises.ex14.VectorCases.compares;
import static dev.replab.exercises.ex14.VectorCases.merges;

import dev.replab.engine.api.VersionVectorRule.Order;
import dev.replab.exercises.grader.Points;
import org.junit.jupiter.api.Test;

/** Graded, Exercise 14: compare and merge, vector by vector. */
class VectorDecisionTests {

  @Test
  @Points(3)
  void aVectorThatSawFewerWritesComesBefore() {
    compares("eu:1", "eu:2", Order.BEFORE, "eu's second write saw its first");
    compares("eu:2 us:1", "eu:1", Order.AFTER, "the first saw everything the second saw, and more");
    compares("eu:1", "eu:1 us:1", Order.BEFORE, "a datacenter a vector does not name counts zero");
    compares("", "ap:3", Order.BEFORE, "the empty vector has seen nothing");
    compares("ap:2 eu:1 us:4", "ap:2 eu:1 us:4", Order.EQUAL, "the same writes seen");
    compares("", "", Order.EQUAL, "two empty vectors");
  }

  @Test
  @Points(3)
  void vectorsThatEachSawAWriteTheOtherDidNotAreConcurrent() {
    compares("eu:1", "us:1", Order.CONCURRENT, "two first writes in two datacenters");
    compares("eu:2 us:1", "eu:1 us:2", Order.CONCURRENT, "each is ahead in one datacenter");
    compares(
        "ap:1 eu:5",
        "eu:5 us:1",
        Order.CONCURRENT,
        "equal where both count, each ahead where only it counts");
  }

  @Test
  @Points(4)
  void aMergeKeepsTheLargerCounterOfEveryDatacenterInOrder() {
    merges("eu:2 us:1", "eu:1 us:3", "eu:2 us:3", "the larger counter of each");
    merges("eu:1", "us:2", "eu:1 us:2", "datacenters only one side names are kept");
    merges("us:1", "ap:4 eu:2", "ap:4 eu:2 us:1", "sorted by datacenter name");
    merges("eu:3", "", "eu:3", "merging with the empty vector changes nothing");
    merges("eu:3 us:1", "eu:3 us:1", "eu:3 us:1", "merging a vector with itself changes nothing");
  }
}
