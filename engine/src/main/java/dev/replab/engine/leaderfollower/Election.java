package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.FailureDetector;
import dev.replab.engine.api.LogPosition;
import dev.replab.engine.sim.Durations;
import dev.replab.engine.sim.Rng;
import dev.replab.engine.sim.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One node's part in automatic failover without a monitor: watching the leader's heartbeats,
 * standing for election when they stop, voting for others, and counting votes. One vote per voter
 * per epoch; a vote only for a candidate whose log is at least as up to date.
 */
final class Election {
  private final Node node;
  private final LeaderFollower cluster;
  private final Rng rng;
  private FailureDetector detector;
  private final TreeSet<String> votes = new TreeSet<>();
  private final Map<String, String> refusals = new TreeMap<>();
  private Timer pendingStand;
  private Timer electionTimeout;
  private String lastLeader = "n1";

  Election(Node node, LeaderFollower cluster) {
    this.node = node;
    this.cluster = cluster;
    this.rng = cluster.sim().rng("election-" + node.id());
  }

  /** Starts (or restarts after a crash) the periodic check of the leader's heartbeats. */
  void startWatching() {
    detector = cluster.newDetector();
    node.chore(cluster.heartbeatUs(), this::watch);
  }

  /** Starts a fresh detector with the current settings; the leader counts as just heard. */
  void resetDetector() {
    detector = cluster.newDetector();
  }

  /** Any message from the current leader counts as a heartbeat. */
  void heardFromLeader() {
    detector.heartbeat(cluster.sim().nowUs());
  }

  void leaderChanged(String newLeader) {
    if (newLeader != null) {
      lastLeader = newLeader;
      detector.heartbeat(cluster.sim().nowUs());
    }
    stop();
  }

  /** Forgets an election in progress: this node won, or follows someone now. */
  void stop() {
    votes.clear();
    refusals.clear();
    cancel(electionTimeout);
    cancel(pendingStand);
  }

  private static void cancel(Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }

  private void watch() {
    FailoverSettings settings = cluster.failover();
    boolean electing = settings.auto() && !settings.monitor();
    boolean waiting = pendingStand != null && pendingStand.pending();
    if (electing
        && node.role() == Role.FOLLOWER
        && !waiting
        && detector.suspects(cluster.sim().nowUs())) {
      // A random pause before standing makes it unlikely that two followers split the vote.
      long backoffUs = rng.nextLong(settings.detectUs() / 2 + 1);
      pendingStand = node.later(backoffUs, this::stand);
    }
    node.chore(cluster.heartbeatUs(), this::watch);
  }

  private void stand() {
    long now = cluster.sim().nowUs();
    if (!node.up()
        || node.role() == Role.LEADER
        || node.role() == Role.FOLLOWER && !detector.suspects(now)) {
      return;
    }
    boolean again = node.role() == Role.CANDIDATE;
    node.setEpoch(node.epoch() + 1);
    node.becomeCandidate();
    votes.clear();
    refusals.clear();
    votes.add(node.id());
    cluster.noteMode(
        node,
        again
            ? "stands again, for epoch " + node.epoch()
            : "suspects leader "
                + lastLeader
                + " (no heartbeat for over "
                + Durations.format(cluster.failover().detectUs())
                + ") and stands for election in epoch "
                + node.epoch());
    Message.RequestVote request =
        new Message.RequestVote(
            node.epoch(), node.id(), node.log().lastEpoch(), node.log().lastOffset());
    for (String peer : cluster.peersOf(node.id())) {
      cluster.network().send(node.id(), peer, request);
    }
    long detectUs = cluster.failover().detectUs();
    cancel(electionTimeout);
    electionTimeout = node.later(detectUs + rng.nextLong(detectUs + 1), this::timedOut);
    countVotes();
  }

  private void timedOut() {
    if (node.role() != Role.CANDIDATE) {
      return;
    }
    cluster.noteMode(
        node,
        "won no majority for epoch "
            + node.epoch()
            + " (votes: "
            + String.join(", ", votes)
            + refusalText()
            + ")");
    stand();
  }

  private String refusalText() {
    if (refusals.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    refusals.forEach(
        (voter, why) -> text.append("; ").append(voter).append(" refused: ").append(why));
    return text.toString();
  }

  void onRequestVote(String candidate, Message.RequestVote request) {
    long now = cluster.sim().nowUs();
    String refusal = null;
    if (request.epoch() < node.epoch()) {
      refusal = "epoch " + request.epoch() + " is older than its own epoch " + node.epoch();
    } else if (node.isLeading()) {
      refusal = node.id() + " is itself leading epoch " + node.epoch();
    } else if (node.role() == Role.FOLLOWER && node.leaderId() != null && !detector.suspects(now)) {
      refusal = "it still hears from leader " + node.leaderId();
    }
    if (refusal == null) {
      if (request.epoch() > node.epoch()) {
        if (node.role() == Role.CANDIDATE) {
          node.stepDown(request.epoch(), null);
        } else {
          node.setEpoch(request.epoch());
        }
      }
      LogPosition theirs = new LogPosition(request.lastEpoch(), request.lastOffset());
      LogPosition mine = new LogPosition(node.log().lastEpoch(), node.log().lastOffset());
      if (node.votedFor() != null && !node.votedFor().equals(candidate)) {
        refusal = "it already voted for " + node.votedFor() + " in epoch " + node.epoch();
      } else if (!cluster.voteRule().grants(theirs, mine)) {
        refusal = "the candidate's log ends at " + theirs + ", behind its own at " + mine;
      } else {
        node.voteFor(candidate);
        node.forgetLeader();
        detector.heartbeat(now);
        cluster.network().send(node.id(), candidate, new Message.Vote(node.epoch(), true, null));
        return;
      }
    }
    cluster.network().send(node.id(), candidate, new Message.Vote(node.epoch(), false, refusal));
  }

  void onVote(String voter, Message.Vote vote) {
    if (vote.epoch() > node.epoch()) {
      node.stepDown(vote.epoch(), null);
      return;
    }
    if (node.role() != Role.CANDIDATE || vote.epoch() != node.epoch()) {
      return;
    }
    if (vote.granted()) {
      votes.add(voter);
    } else {
      refusals.put(voter, vote.reason());
    }
    countVotes();
  }

  private void countVotes() {
    int majority = cluster.nodeIds().size() / 2 + 1;
    if (node.role() != Role.CANDIDATE || votes.size() < majority) {
      return;
    }
    cluster.noteMode(
        node,
        "won the election for epoch "
            + node.epoch()
            + " with votes from "
            + String.join(", ", votes)
            + " (a majority of "
            + majority
            + ")");
    String previous = lastLeader;
    stop();
    if (cluster.failover().stonith() && previous != null && !previous.equals(node.id())) {
      cluster.powerOff(previous, node.id());
    }
    node.takeOffice();
  }
}
