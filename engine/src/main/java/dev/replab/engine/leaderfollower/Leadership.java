package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.FollowerProgress;
import dev.replab.engine.api.PlugInError;
import dev.replab.engine.api.QuorumPolicy;
import dev.replab.engine.api.StandardCommitRule;
import dev.replab.engine.cluster.Reply;
import dev.replab.engine.sim.Durations;
import dev.replab.engine.sim.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's term as leader: it orders writes into the log, streams them to each follower, counts
 * acknowledgements against the commit rule and answers clients once a write is committed. It is
 * volatile: a crash or a step-down ends it, and the next term starts from the log.
 */
final class Leadership {
  private final Node node;
  private final LeaderFollower cluster;
  private final Map<String, FollowerLink> followers = new LinkedHashMap<>();
  private final TreeMap<Long, PendingWrite> pending = new TreeMap<>();
  private final Map<Long, Timer> commitTimers = new HashMap<>();
  private long commitOffset;
  // The timeout that ran out when this leader fell back to asynchronous replication, or -1 while
  // it has not. It belongs to the setting that had the timeout: a new setquorum clears it.
  private long fellBackAfterUs = -1;

  private record PendingWrite(long opId, String client) {}

  /** Starts a term with the log committed up to {@code committed}; heartbeats begin. */
  Leadership(Node node, LeaderFollower cluster, long committed) {
    this.node = node;
    this.cluster = cluster;
    this.commitOffset = committed;
    long now = cluster.sim().nowUs();
    for (String peer : cluster.peersOf(node.id())) {
      followers.put(peer, new FollowerLink(peer, node.log().lastOffset() + 1, now));
    }
    scheduleHeartbeat();
  }

  long commitOffset() {
    return commitOffset;
  }

  boolean fellBack() {
    return fellBackAfterUs >= 0;
  }

  int pendingWrites() {
    return pending.size();
  }

  void addFollower(String follower) {
    followers.putIfAbsent(
        follower, new FollowerLink(follower, node.log().lastOffset() + 1, cluster.sim().nowUs()));
  }

  void removeFollower(String follower) {
    followers.remove(follower);
    advanceCommit();
  }

  // ---------------------------------------------------------------- writes

  /** Appends a client's write to the log, ships it, and commits it when the rule allows. */
  void accept(String client, Message.ClientWrite write) {
    ReplicationLog log = node.log();
    long offset = log.lastOffset() + 1;
    log.append(
        new LogEntry(
            offset, node.epoch(), write.key(), write.value(), cluster.sim().nowUs(), write.opId()));
    pending.put(offset, new PendingWrite(write.opId(), client));
    for (FollowerLink follower : followers.values()) {
      if (follower.nextOffset == offset) {
        sendEntries(follower);
      }
    }
    armCommitTimer(offset);
    advanceCommit();
  }

  /** Starts the commit timeout for a waiting write, when the setting has one. */
  private void armCommitTimer(long offset) {
    QuorumPolicy policy = cluster.policy();
    if (!policy.isAsync() && policy.timeoutUs() >= 0 && !fellBack()) {
      commitTimers.put(offset, node.later(policy.timeoutUs(), () -> onCommitTimeout(offset)));
    }
  }

  /**
   * A new setquorum starts from its own rules: a fallback and the timeouts that belonged to the old
   * setting end, writes still waiting get the new setting's timeout from now, and whatever the new
   * rule already allows commits at once.
   */
  void policyChanged() {
    commitTimers.values().forEach(Timer::cancel);
    commitTimers.clear();
    fellBackAfterUs = -1;
    for (long offset = commitOffset + 1; offset <= node.log().lastOffset(); offset++) {
      if (pending.containsKey(offset)) {
        armCommitTimer(offset);
      }
    }
    advanceCommit();
  }

  /** Answers every write still waiting with an indefinite failure: it may or may not survive. */
  void failPending(String why) {
    commitTimers.values().forEach(Timer::cancel);
    commitTimers.clear();
    for (PendingWrite waiting : pending.values()) {
      node.reply(waiting.client(), Reply.refused(waiting.opId(), why, true));
    }
    pending.clear();
  }

  // ---------------------------------------------------------------- the replication stream

  private void scheduleHeartbeat() {
    node.chore(cluster.heartbeatUs(), this::heartbeatTick);
  }

  private void heartbeatTick() {
    if (!node.leads(this)) {
      return;
    }
    sendHeartbeats();
    scheduleHeartbeat();
  }

  /** Sends every follower what it lacks, or an empty append that tells it the leader lives. */
  void sendHeartbeats() {
    for (FollowerLink follower : followers.values()) {
      if (follower.nextOffset <= node.log().lastOffset()) {
        sendEntries(follower);
      } else {
        sendAppend(follower, List.of());
      }
    }
  }

  private void sendEntries(FollowerLink follower) {
    ReplicationLog log = node.log();
    long last = Math.min(log.lastOffset(), follower.nextOffset + cluster.maxBatch() - 1);
    sendAppend(follower, log.slice(follower.nextOffset, last));
    follower.nextOffset = last + 1;
  }

  private void sendAppend(FollowerLink follower, List<LogEntry> entries) {
    long prev = follower.nextOffset - 1;
    cluster
        .network()
        .send(
            node.id(),
            follower.id,
            new Message.Append(
                node.epoch(), node.id(), prev, node.log().epochAt(prev), entries, commitOffset));
  }

  /** A follower's answer from this term: progress to count, or where to resend from. */
  void onAppendReply(String source, Message.AppendReply reply) {
    FollowerLink follower = followers.get(source);
    if (follower == null) {
      return;
    }
    follower.lastHeardUs = cluster.sim().nowUs();
    if (!reply.accepted()) {
      long agreed = Math.min(reply.hintOffset(), node.log().endOffsetFor(reply.hintEpoch()));
      follower.nextOffset = Math.min(follower.nextOffset, agreed + 1);
      follower.received = Math.min(follower.received, agreed);
      sendEntries(follower);
      return;
    }
    follower.received = Math.max(follower.received, reply.receivedOffset());
    follower.applied = Math.max(follower.applied, reply.appliedOffset());
    advanceCommit();
  }

  // ---------------------------------------------------------------- commits

  private void advanceCommit() {
    QuorumPolicy policy = cluster.policy();
    long last = node.log().lastOffset();
    if (policy.isAsync() && !fellBack() && commitOffset == last) {
      return;
    }
    List<FollowerProgress> progress = progress();
    if (fellBack() && isCommitted(last, policy, progress)) {
      fellBackAfterUs = -1;
      cluster.noteMode(
          node, "resumed setquorum " + policy.describe() + ": enough followers caught up");
    }
    boolean asyncNow = policy.isAsync() || fellBack();
    while (commitOffset < last && (asyncNow || isCommitted(commitOffset + 1, policy, progress))) {
      commit(commitOffset + 1, progress, false);
    }
  }

  /** Asks the commit rule, naming it if it throws. */
  private boolean isCommitted(long offset, QuorumPolicy policy, List<FollowerProgress> progress) {
    try {
      return cluster.commitRule().isCommitted(offset, policy, progress);
    } catch (RuntimeException e) {
      throw new PlugInError(
          node.id()
              + "'s commit rule "
              + cluster.commitRule().getClass().getSimpleName()
              + " threw "
              + e
              + " for isCommitted(offset="
              + offset
              + ", setquorum "
              + policy.describe()
              + ", "
              + progress
              + ")",
          e);
    }
  }

  private void commit(long offset, List<FollowerProgress> progress, boolean byFallback) {
    commitOffset = offset;
    node.applyThrough(offset);
    LogEntry entry = node.log().get(offset);
    cluster.committed(node, entry);
    Timer timer = commitTimers.remove(offset);
    if (timer != null) {
      timer.cancel();
    }
    PendingWrite waiting = pending.remove(offset);
    if (waiting != null) {
      Versioned written = new Versioned(entry.value(), offset, entry.epoch());
      node.reply(
          waiting.client(),
          Answer.ok(
              waiting.opId(),
              written,
              node.appliedOffset(),
              countedAcks(offset, progress),
              byFallback || fellBack() ? fellBackAfterUs : -1));
    }
  }

  /** The followers whose acknowledgements counted for the commit of {@code offset}. */
  private List<String> countedAcks(long offset, List<FollowerProgress> progress) {
    QuorumPolicy policy = cluster.policy();
    List<FollowerProgress> counted =
        policy.kind() == QuorumPolicy.Kind.FIRST
            ? StandardCommitRule.synchronousStandbys(policy, progress)
            : StandardCommitRule.eligible(policy, progress);
    List<String> ackedBy = new ArrayList<>();
    for (FollowerProgress follower : counted) {
      if (follower.acked(policy.ack()) >= offset) {
        ackedBy.add(follower.id());
      }
    }
    return ackedBy;
  }

  /** MySQL's semi-sync timeout: stop waiting, commit what waits, carry on asynchronously. */
  private void onCommitTimeout(long offset) {
    QuorumPolicy policy = cluster.policy();
    if (!node.leads(this) || commitOffset >= offset || fellBack() || policy.timeoutUs() < 0) {
      return;
    }
    fellBackAfterUs = policy.timeoutUs();
    cluster.noteMode(
        node,
        "fell back to asynchronous replication: offset "
            + offset
            + " waited "
            + Durations.format(policy.timeoutUs())
            + " without enough acknowledgements");
    List<FollowerProgress> progress = progress();
    while (commitOffset < node.log().lastOffset()) {
      commit(commitOffset + 1, progress, true);
    }
  }

  /** What this leader knows of each follower now. */
  List<FollowerProgress> progress() {
    List<FollowerProgress> progress = new ArrayList<>(followers.size());
    long now = cluster.sim().nowUs();
    for (FollowerLink follower : followers.values()) {
      progress.add(follower.progress(now, cluster.connectionTimeoutUs()));
    }
    return progress;
  }
}
