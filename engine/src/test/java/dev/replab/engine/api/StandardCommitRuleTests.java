package dev.replab.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The commit decision on its own, with hand-made follower progress. */
class StandardCommitRuleTests {
  private static final QuorumPolicy.AckLevel RECEIVED = QuorumPolicy.AckLevel.RECEIVED;
  private static final QuorumPolicy.AckLevel APPLIED = QuorumPolicy.AckLevel.APPLIED;

  private final CommitRule rule = new StandardCommitRule();

  private static FollowerProgress follower(
      String id, long received, long applied, boolean connected) {
    return new FollowerProgress(id, received, applied, connected);
  }

  private static QuorumPolicy policy(
      QuorumPolicy.Kind kind, int k, List<String> standbys, QuorumPolicy.AckLevel ack) {
    return new QuorumPolicy(kind, k, standbys, ack, -1);
  }

  @Test
  void asyncCommitsWithNoAcknowledgementAtAll() {
    List<FollowerProgress> none = List.of(follower("n2", 0, 0, false), follower("n3", 0, 0, false));
    assertTrue(rule.isCommitted(5, QuorumPolicy.ASYNC, none));
  }

  @Test
  void allWaitsForEveryFollowerEvenADisconnectedOne() {
    QuorumPolicy all = policy(QuorumPolicy.Kind.ALL, 2, List.of(), RECEIVED);
    assertFalse(
        rule.isCommitted(3, all, List.of(follower("n2", 3, 3, true), follower("n3", 2, 2, false))));
    assertTrue(
        rule.isCommitted(3, all, List.of(follower("n2", 3, 3, true), follower("n3", 3, 0, false))));
  }

  @Test
  void appliedAcksCountOnlyOnceTheEntryIsApplied() {
    QuorumPolicy allApplied = policy(QuorumPolicy.Kind.ALL, 2, List.of(), APPLIED);
    List<FollowerProgress> receivedNotApplied =
        List.of(follower("n2", 3, 2, true), follower("n3", 3, 3, true));
    assertFalse(rule.isCommitted(3, allApplied, receivedNotApplied));
    assertTrue(
        rule.isCommitted(
            3, policy(QuorumPolicy.Kind.ALL, 2, List.of(), RECEIVED), receivedNotApplied));
    assertTrue(
        rule.isCommitted(
            3, allApplied, List.of(follower("n2", 3, 3, true), follower("n3", 4, 4, true))));
  }

  @Test
  void anyCountsAcknowledgementsFromAnyFollowers() {
    QuorumPolicy any2 = policy(QuorumPolicy.Kind.ANY, 2, List.of(), RECEIVED);
    assertFalse(
        rule.isCommitted(
            7,
            any2,
            List.of(
                follower("n2", 7, 0, true),
                follower("n3", 6, 0, true),
                follower("n4", 1, 0, true))));
    assertTrue(
        rule.isCommitted(
            7,
            any2,
            List.of(
                follower("n2", 7, 0, true),
                follower("n3", 6, 0, true),
                follower("n4", 8, 0, true))));
  }

  @Test
  void anyOverAListIgnoresFollowersOutsideIt() {
    QuorumPolicy any1 = policy(QuorumPolicy.Kind.ANY, 1, List.of("n3"), RECEIVED);
    List<FollowerProgress> onlyN2Acked =
        List.of(follower("n2", 5, 5, true), follower("n3", 4, 4, true));
    assertFalse(rule.isCommitted(5, any1, onlyN2Acked));
  }

  @Test
  void firstWaitsForTheFirstConnectedStandbysInPriorityOrder() {
    QuorumPolicy first2 = policy(QuorumPolicy.Kind.FIRST, 2, List.of("n4", "n3", "n2"), RECEIVED);
    List<FollowerProgress> followers =
        List.of(follower("n2", 9, 9, true), follower("n3", 9, 9, true), follower("n4", 8, 8, true));
    assertFalse(
        rule.isCommitted(9, first2, followers),
        "n4 comes first in the list and has not acked offset 9");
    assertEquals(
        List.of("n4", "n3"), ids(StandardCommitRule.synchronousStandbys(first2, followers)));
  }

  @Test
  void firstSkipsADisconnectedStandby() {
    QuorumPolicy first2 = policy(QuorumPolicy.Kind.FIRST, 2, List.of("n4", "n3", "n2"), RECEIVED);
    List<FollowerProgress> followers =
        List.of(
            follower("n2", 9, 9, true), follower("n3", 9, 9, true), follower("n4", 8, 8, false));
    assertEquals(
        List.of("n3", "n2"), ids(StandardCommitRule.synchronousStandbys(first2, followers)));
    assertTrue(rule.isCommitted(9, first2, followers));
  }

  @Test
  void firstCannotCommitWithFewerConnectedStandbysThanItNeeds() {
    QuorumPolicy first2 = policy(QuorumPolicy.Kind.FIRST, 2, List.of("n2", "n3"), RECEIVED);
    List<FollowerProgress> followers =
        List.of(
            follower("n2", 9, 9, true), follower("n3", 9, 9, false), follower("n4", 9, 9, true));
    assertFalse(
        rule.isCommitted(9, first2, followers),
        "n4 is not on the list, so only one standby is available");
  }

  @Test
  void eligibleFollowersComeInTheListsOrderAndSkipUnknownNames() {
    QuorumPolicy policy = policy(QuorumPolicy.Kind.ANY, 1, List.of("n3", "n9", "n2"), RECEIVED);
    List<FollowerProgress> followers =
        List.of(follower("n2", 0, 0, true), follower("n3", 0, 0, true), follower("n4", 0, 0, true));
    assertEquals(List.of("n3", "n2"), ids(StandardCommitRule.eligible(policy, followers)));
    assertEquals(
        List.of("n2", "n3", "n4"), ids(StandardCommitRule.eligible(QuorumPolicy.ASYNC, followers)));
  }

  @Test
  void describeUsesTheSetquorumSyntax() {
    assertEquals("0", QuorumPolicy.ASYNC.describe());
    assertEquals(
        "2 first (n2,n3) ack=applied timeout=1.5s",
        new QuorumPolicy(QuorumPolicy.Kind.FIRST, 2, List.of("n2", "n3"), APPLIED, 1_500_000)
            .describe());
    assertEquals(
        "all ack=received timeout=never",
        policy(QuorumPolicy.Kind.ALL, 2, List.of(), RECEIVED).describe());
  }

  private static List<String> ids(List<FollowerProgress> followers) {
    return followers.stream().map(FollowerProgress::id).toList();
  }
}
