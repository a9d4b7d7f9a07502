package dev.replab.engine.multileader;

import dev.replab.engine.cluster.Cluster;
import dev.replab.engine.command.ModelCommand;
import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import dev.replab.engine.model.Started;

/** The commands only a multi-leader cluster has, as plain data that runs on the model. */
final class MultiLeaderCommands {
  private MultiLeaderCommands() {}

  /** {@code conflicts}: every conflict so far and what became of it. */
  record ListConflicts() implements ModelCommand<MultiLeader> {
    public String name() {
      return "conflicts";
    }

    public Class<MultiLeader> model() {
      return MultiLeader.class;
    }

    public Result run(MultiLeader cluster) {
      return MultiLeaderViews.conflicts(cluster);
    }
  }

  /** {@code conflicts <strategy>}: how conflicts found from now on are resolved. */
  record SetConflicts(MultiLeaderOptions.Strategy strategy) implements ModelCommand<MultiLeader> {
    public String name() {
      return "conflicts";
    }

    public Class<MultiLeader> model() {
      return MultiLeader.class;
    }

    public Result run(MultiLeader cluster) {
      cluster.setConflicts(strategy);
      return new Result.Message(
          "conflicts "
              + strategy.word()
              + ": "
              + strategy.meaning
              + "; conflicts already resolved stay as they are");
    }
  }

  /** {@code type <key> <type>}. */
  record SetType(String key, KeyType type) implements ModelCommand<MultiLeader> {
    public String name() {
      return "type";
    }

    public Class<MultiLeader> model() {
      return MultiLeader.class;
    }

    public Result run(MultiLeader cluster) {
      cluster.setType(key, type);
      return new Result.Message(key + " is now " + type.meaning);
    }
  }

  /** {@code incr}, {@code decr}, {@code add} or {@code remove}: one client operation. */
  record Update(String key, Crdt.Update update, String via, String client)
      implements ModelCommand<MultiLeader> {
    public String name() {
      return update.verb();
    }

    public Class<MultiLeader> model() {
      return MultiLeader.class;
    }

    @Override
    public boolean clientOperation() {
      return true;
    }

    public Result run(MultiLeader model) {
      Started started = start(model);
      model.cluster().runUntilDone(started.op());
      return started.result().get();
    }

    @Override
    public Started start(MultiLeader model) {
      Cluster cluster = model.cluster();
      String name = Cluster.DEFAULT_CLIENT;
      if (client != null) {
        int at = client.indexOf('@');
        name = at < 0 ? client : client.substring(0, at);
        cluster.client(name, at < 0 ? null : client.substring(at + 1));
      }
      String node = via != null ? via : model.homeLeader(name);
      Operation op = model.startUpdate(name, key, update, node);
      String who = name;
      return new Started(op, () -> MultiLeaderViews.updated(model, op, update, who));
    }
  }
}
