package dev.replab.engine.leaderfollower;

import dev.replab.engine.api.FollowerProgress;
import dev.replab.engine.api.StreamDecision;
import dev.replab.engine.cluster.Host;
import dev.replab.engine.cluster.NodeState;
import dev.replab.engine.cluster.Reply;
import dev.replab.engine.net.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One database server in a leader-follower cluster, running on a {@link Host}. Its durable state
 * (the replication log, the epoch it last knew and the role it held) survives a crash; everything
 * else is volatile and is rebuilt on restart.
 */
public final class Node implements Host.Process {
  private final Host host;
  private final String id;
  private final LeaderFollower cluster;

  // Durable state.
  private final ReplicationLog log = new ReplicationLog();
  private int epoch = 1;
  private Role role;
  private String leaderId;
  private String votedFor;

  // Volatile state, rebuilt from the log on restart.
  private final java.util.HashMap<String, Versioned> data = new java.util.HashMap<>();
  private long appliedOffset;
  private long appliedWrittenUs;
  private boolean applying;
  private boolean awaitingLeaderHandshake;
  private boolean truncateAfterHandshake;
  private Leadership leader;
  private final TreeMap<Long, List<Runnable>> waitingReads = new TreeMap<>();
  private final Election election;

  Node(Host host, LeaderFollower cluster, Role role, String leaderId) {
    this.host = host;
    this.id = host.id();
    this.cluster = cluster;
    this.role = role;
    this.leaderId = leaderId;
    this.election = new Election(this, cluster);
  }

  // ---------------------------------------------------------------- lifecycle

  /** Starts the node fresh in a new cluster: its empty log already agrees with the leader's. */
  void start() {
    host.begin();
    if (role == Role.LEADER) {
      becomeLeaderState(0);
    }
    election.startWatching();
  }

  @Override
  public void crashed() {
    waitingReads.clear();
    election.stop();
    leader = null;
    applying = false;
    data.clear();
    appliedOffset = 0;
  }

  /** Recovers from the durable log after a crash, then catches up from the leader. */
  @Override
  public void restarted() {
    rebuildFromLog();
    if (role == Role.CANDIDATE) {
      role = Role.FOLLOWER;
    }
    election.startWatching();
    if (role == Role.LEADER) {
      becomeLeaderState(log.lastOffset());
      leader.sendHeartbeats();
    } else {
      awaitingLeaderHandshake = true;
    }
  }

  /** Starts a node added to a running cluster: an empty follower that copies the leader's log. */
  void join() {
    host.begin();
    awaitingLeaderHandshake = true;
    election.startWatching();
  }

  /** Picks up new failure-detection settings. */
  void resetDetector() {
    election.resetDetector();
  }

  /** A leader learns of a follower added to the cluster. */
  void addFollowerLink(String follower) {
    if (leader != null) {
      leader.addFollower(follower);
    }
  }

  /** A leader forgets a follower removed from the cluster. */
  void removeFollowerLink(String follower) {
    if (leader != null) {
      leader.removeFollower(follower);
    }
  }

  /** Makes this node the leader of a new epoch, as {@code promote} and the monitor do. */
  void promote(int newEpoch) {
    if (role == Role.LEADER && leader != null) {
      leader.failPending("leadership moved to a new epoch");
    }
    epoch = newEpoch;
    takeOffice();
  }

  /** Starts leading the current epoch: finish applying, take over the stream, tell everyone. */
  void takeOffice() {
    role = Role.LEADER;
    leaderId = id;
    votedFor = id;
    awaitingLeaderHandshake = false;
    election.stop();
    while (appliedOffset < log.lastOffset()) {
      applyNext();
    }
    cluster.fence().admit(epoch);
    becomeLeaderState(log.lastOffset());
    cluster.leaderElected(this);
    leader.sendHeartbeats();
  }

  private void becomeLeaderState(long committed) {
    cluster.leaderBegan(this);
    for (long offset = 1; offset <= committed; offset++) {
      // A leader that takes over (or restarts) treats its whole log as committed; record what
      // was not recorded before so that stale reads and lost writes are judged against it.
      cluster.committed(this, log.get(offset));
    }
    leader = new Leadership(this, cluster, committed);
  }

  private void rebuildFromLog() {
    data.clear();
    appliedOffset = 0;
    applying = false;
    while (appliedOffset < log.lastOffset()) {
      applyNext();
    }
  }

  // ---------------------------------------------------------------- delivery

  /** Entry point for everything that reaches this node while its host is up. */
  @Override
  public void deliver(String source, Payload payload) {
    ((Message) payload).dispatch(source, handler);
  }

  /** Schedules a periodic chore on this node's host. */
  void chore(long delayUs, Runnable tick) {
    host.chore(delayUs, tick);
  }

  /** Runs a timer action unless the node crashed since it was set. */
  dev.replab.engine.sim.Timer later(long delayUs, Runnable action) {
    return host.later(delayUs, action);
  }

  private final Message.Handler handler =
      new Message.Handler() {
        @Override
        public void onClientWrite(String source, Message.ClientWrite write) {
          serve(() -> Node.this.onClientWrite(source, write));
        }

        @Override
        public void onClientRead(String source, Message.ClientRead read) {
          serve(() -> Node.this.onClientRead(source, read));
        }

        @Override
        public void onAppend(String source, Message.Append append) {
          Node.this.onAppend(source, append);
        }

        @Override
        public void onAppendReply(String source, Message.AppendReply reply) {
          if (reply.epoch() > epoch) {
            stepDown(reply.epoch(), null);
          } else if (role == Role.LEADER && leader != null && reply.epoch() == epoch) {
            leader.onAppendReply(source, reply);
          }
        }

        @Override
        public void onRequestVote(String source, Message.RequestVote request) {
          election.onRequestVote(source, request);
        }

        @Override
        public void onVote(String source, Message.Vote vote) {
          election.onVote(source, vote);
        }

        @Override
        public void onPing(String source, Message.Ping ping) {
          cluster.network().send(id, source, new Message.Pong(ping.sequence(), epoch, isLeading()));
        }

        @Override
        public void onStatusQuery(String source, Message.StatusQuery query) {
          cluster
              .network()
              .send(
                  id,
                  source,
                  new Message.StatusReport(
                      query.round(), epoch, log.lastEpoch(), log.lastOffset(), isLeading()));
        }

        @Override
        public void onPromoteOrder(String source, Message.PromoteOrder order) {
          if (order.epoch() > epoch) {
            cluster.noteMode(Node.this, "was told by the monitor to lead epoch " + order.epoch());
            promote(order.epoch());
          }
        }
      };

  // ---------------------------------------------------------------- clients

  /** Client requests wait their turn on the host. */
  private void serve(Runnable request) {
    host.serve(request);
  }

  private void onClientRead(String client, Message.ClientRead read) {
    if (appliedOffset < read.minOffset()) {
      // A session guarantee: answer once this replica has applied what the client already saw.
      waitingReads
          .computeIfAbsent(read.minOffset(), k -> new ArrayList<>())
          .add(() -> answerRead(client, read));
      return;
    }
    answerRead(client, read);
  }

  private void answerRead(String client, Message.ClientRead read) {
    Versioned current = data.getOrDefault(read.key(), Versioned.NONE);
    cluster.readServed(read.opId(), this, current);
    reply(client, Answer.ok(read.opId(), current, appliedOffset, List.of(), -1));
  }

  private void releaseWaitingReads() {
    while (!waitingReads.isEmpty() && waitingReads.firstKey() <= appliedOffset) {
      waitingReads.pollFirstEntry().getValue().forEach(Runnable::run);
    }
  }

  private void onClientWrite(String client, Message.ClientWrite write) {
    if (role != Role.LEADER || leader == null) {
      String where = leaderId == null ? "no leader is known" : "the leader is " + leaderId;
      reply(
          client,
          Reply.refused(
              write.opId(), id + " is a follower and does not accept writes; " + where, false));
      return;
    }
    if (cluster.failover().fencing() && !cluster.fence().admit(epoch)) {
      int newest = cluster.fence().newestEpoch();
      reply(
          client,
          Reply.refused(
              write.opId(),
              "storage refused the write: "
                  + id
                  + " leads epoch "
                  + epoch
                  + " but storage has already seen epoch "
                  + newest
                  + " (fencing token too old)",
              false));
      cluster.noteMode(this, "was fenced off by storage (epoch " + epoch + " < " + newest + ")");
      stepDown(Math.max(epoch, newest), null);
      return;
    }
    leader.accept(client, write);
  }

  void reply(String client, Reply reply) {
    cluster.network().send(id, client, reply);
  }

  void stepDown(int newEpoch, String newLeader) {
    if (role == Role.LEADER && leader != null) {
      leader.failPending(id + " stepped down: a newer leader took over in epoch " + newEpoch);
      cluster.noteMode(this, "stepped down on seeing epoch " + newEpoch);
    }
    if (newEpoch > epoch) {
      votedFor = null;
    }
    leader = null;
    role = Role.FOLLOWER;
    epoch = newEpoch;
    leaderId = newLeader;
    awaitingLeaderHandshake = true;
    election.leaderChanged(newLeader);
  }

  // ---------------------------------------------------------------- follower side

  private void onAppend(String source, Message.Append append) {
    if (append.epoch() < epoch) {
      cluster
          .network()
          .send(
              id,
              source,
              new Message.AppendReply(
                  epoch,
                  false,
                  log.lastOffset(),
                  appliedOffset,
                  log.lastOffset(),
                  log.lastEpoch(),
                  false));
      return;
    }
    if (append.epoch() > epoch || role == Role.LEADER || !append.leader().equals(leaderId)) {
      stepDown(append.epoch(), append.leader());
    }
    election.heardFromLeader();
    if (awaitingLeaderHandshake) {
      // A leader we have not synchronised with yet: tell it where our log ends so that it can
      // find the last offset on which both logs agree, and resend from there.
      awaitingLeaderHandshake = false;
      truncateAfterHandshake = true;
      reject(source, log.lastOffset());
      return;
    }
    long prev = append.prevOffset();
    if (prev <= log.lastOffset() && log.epochAt(prev) != append.prevEpoch()) {
      reject(source, Math.min(prev - 1, log.lastOffset()));
      return;
    }
    boolean truncated = truncateAfterHandshake && prev <= log.lastOffset();
    if (truncated) {
      // The first batch after the handshake starts where both logs agree: whatever this log
      // holds beyond it, the new leader does not have in that place.
      truncateAfterHandshake = false;
      discardDivergent(prev, append.entries(), append.leader(), append.epoch());
    }
    for (LogEntry entry : append.entries()) {
      if (entry.offset() <= log.lastOffset() && log.epochAt(entry.offset()) != entry.epoch()) {
        discardDivergent(entry.offset() - 1, List.of(), append.leader(), append.epoch());
        break;
      }
    }
    StreamDecision decision = decideStream(prev, append.entries().size());
    if (decision instanceof StreamDecision.Resend resend) {
      reject(source, resend.from() - 1);
      return;
    }
    if (decision instanceof StreamDecision.Append from) {
      for (LogEntry entry : append.entries()) {
        if (entry.offset() >= from.from()) {
          log.append(entry);
        }
      }
    }
    acknowledge(source, append.entries().isEmpty() && !truncated);
    startApplying();
  }

  /** Asks the stream rule and checks that its answer keeps the log gap-free. */
  private StreamDecision decideStream(long prev, int count) {
    long logEnd = log.lastOffset();
    StreamDecision decision;
    try {
      decision = cluster.streamApplier().decide(logEnd, prev, count);
    } catch (RuntimeException e) {
      throw new dev.replab.engine.api.PlugInError(
          id
              + "'s stream rule "
              + cluster.streamApplier().getClass().getSimpleName()
              + " threw "
              + e
              + " for decide(logEnd="
              + logEnd
              + ", prevOffset="
              + prev
              + ", count="
              + count
              + ")",
          e);
    }
    String problem = null;
    if (decision == null) {
      problem = "returned null";
    } else if (decision instanceof StreamDecision.Append append
        && (append.from() != logEnd + 1 || append.from() > prev + count)) {
      problem =
          "returned "
              + decision
              + ", but appending must start right after the log's end, at "
              + (logEnd + 1)
              + ", and within the batch (offsets "
              + (prev + 1)
              + ".."
              + (prev + count)
              + ")";
    } else if (decision instanceof StreamDecision.Resend resend
        && (resend.from() < 1 || resend.from() > logEnd + 1)) {
      problem =
          "returned "
              + decision
              + ", but a resend can only ask for offsets from 1 to "
              + (logEnd + 1)
              + ", which the log lacks";
    }
    if (problem != null) {
      throw new dev.replab.engine.api.PlugInError(
          id
              + "'s stream rule "
              + cluster.streamApplier().getClass().getSimpleName()
              + " "
              + problem
              + " (for decide(logEnd="
              + logEnd
              + ", prevOffset="
              + prev
              + ", count="
              + count
              + "))");
    }
    return decision;
  }

  private void reject(String source, long hintOffset) {
    cluster
        .network()
        .send(
            id,
            source,
            new Message.AppendReply(
                epoch,
                false,
                log.lastOffset(),
                appliedOffset,
                hintOffset,
                log.epochAt(hintOffset),
                false));
  }

  /**
   * Drops the entries after {@code offset}, which the new leader's log does not have. Entries that
   * the leader is resending in {@code incoming} are not divergent and are not reported.
   */
  private void discardDivergent(
      long offset, List<LogEntry> incoming, String newLeader, int newEpoch) {
    if (offset >= log.lastOffset()) {
      return;
    }
    List<LogEntry> removed = log.truncateAfter(offset);
    if (appliedOffset > offset) {
      rebuildFromLog();
    }
    List<LogEntry> divergent = new ArrayList<>();
    for (LogEntry entry : removed) {
      boolean resent =
          incoming.stream()
              .anyMatch(e -> e.offset() == entry.offset() && e.epoch() == entry.epoch());
      if (!resent) {
        divergent.add(entry);
      }
    }
    if (!divergent.isEmpty()) {
      cluster.discarded(this, divergent, newLeader, newEpoch);
    }
  }

  private void acknowledge(String leaderNode, boolean heartbeat) {
    cluster
        .network()
        .send(
            id,
            leaderNode,
            new Message.AppendReply(epoch, true, log.lastOffset(), appliedOffset, 0, 0, heartbeat));
  }

  private void startApplying() {
    if (applying || appliedOffset >= log.lastOffset()) {
      return;
    }
    applying = true;
    later(cluster.applyUs(), this::applyOneAndContinue);
  }

  private void applyOneAndContinue() {
    applying = false;
    if (appliedOffset < log.lastOffset()) {
      applyNext();
      boolean caughtUp = appliedOffset == log.lastOffset();
      if (role == Role.FOLLOWER && leaderId != null && (caughtUp || cluster.ackOnApply())) {
        acknowledge(leaderId, false);
      }
    }
    startApplying();
  }

  /** Applies every entry up to {@code offset} at once, as a leader does when it commits. */
  void applyThrough(long offset) {
    while (appliedOffset < offset) {
      applyNext();
    }
  }

  private void applyNext() {
    LogEntry entry = log.get(appliedOffset + 1);
    data.put(entry.key(), new Versioned(entry.value(), entry.offset(), entry.epoch()));
    appliedOffset = entry.offset();
    appliedWrittenUs = entry.writtenUs();
    if (!waitingReads.isEmpty()) {
      releaseWaitingReads();
    }
  }

  // ---------------------------------------------------------------- views

  public String id() {
    return id;
  }

  public String region() {
    return host.region();
  }

  public NodeState state() {
    return host.state();
  }

  public Role role() {
    return role;
  }

  public int epoch() {
    return epoch;
  }

  /** The leader this node believes in (itself when it leads), or null. */
  public String leaderId() {
    return leaderId;
  }

  public ReplicationLog log() {
    return log;
  }

  public long receivedOffset() {
    return log.lastOffset();
  }

  public long appliedOffset() {
    return appliedOffset;
  }

  /** When the leader wrote the last entry this node applied (0 when none). */
  public long appliedWrittenUs() {
    return appliedWrittenUs;
  }

  /** The offset up to which this node, as leader, has committed; its applied offset otherwise. */
  public long commitOffset() {
    return leader != null ? leader.commitOffset() : appliedOffset;
  }

  /** True while {@code term} is this node's current term as leader. */
  boolean leads(Leadership term) {
    return role == Role.LEADER && leader == term;
  }

  /** True while this node is up and acting as a leader. */
  boolean isLeading() {
    return role == Role.LEADER && leader != null && host.state() == NodeState.UP;
  }

  // Accessors for the election.

  void setEpoch(int newEpoch) {
    if (newEpoch > epoch) {
      votedFor = null;
    }
    epoch = newEpoch;
  }

  void becomeCandidate() {
    role = Role.CANDIDATE;
    leaderId = null;
    votedFor = id;
  }

  /** Stops following a leader this node has voted to replace. */
  void forgetLeader() {
    if (role == Role.FOLLOWER) {
      leaderId = null;
    }
  }

  String votedFor() {
    return votedFor;
  }

  void voteFor(String candidate) {
    votedFor = candidate;
  }

  boolean up() {
    return host.up();
  }

  public boolean isActiveLeader() {
    return role == Role.LEADER && leader != null && host.state() != NodeState.CRASHED;
  }

  /** True while this leader runs asynchronously after a commit timeout. */
  public boolean fellBack() {
    return leader != null && leader.fellBack();
  }

  /** A leader starts over under a new commit setting; a follower has nothing to change. */
  void policyChanged() {
    if (leader != null) {
      leader.policyChanged();
    }
  }

  public Versioned valueOf(String key) {
    return data.getOrDefault(key, Versioned.NONE);
  }

  /** Keys this node has applied, in sorted order. */
  public java.util.SortedSet<String> keys() {
    return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(data.keySet()));
  }

  /** What this node, as leader, knows of its followers; empty for a follower. */
  public List<FollowerProgress> knownFollowers() {
    return leader == null ? List.of() : leader.progress();
  }

  /** Writes waiting for acknowledgements on this leader. */
  public int pendingWrites() {
    return leader == null ? 0 : leader.pendingWrites();
  }
}
