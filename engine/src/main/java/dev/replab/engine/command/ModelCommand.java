package dev.replab.engine.command;

import dev.replab.engine.model.ReplicationModel;

/**
 * A command that only one replication model has, such as leader-follower's {@code promote}: plain
 * data like every command, run against that model.
 *
 * @param <M> the model it runs on
 */
public non-sealed interface ModelCommand<M extends ReplicationModel> extends Command {
  /** The model type this command runs on. */
  Class<M> model();

  /** Runs the command on the cluster's model. */
  Result run(M model);

  /**
   * Runs the command with the session's seed. {@code model} is null when the command stands alone
   * (it builds its own clusters) and the session's cluster is missing or of another model.
   */
  default Result run(M model, long seed) {
    return run(model);
  }

  /** True for a command that is one client operation, so that it can start beside others with &. */
  default boolean clientOperation() {
    return false;
  }

  /**
   * Starts the client operation this command is, for {@code &}; only called when {@link
   * #clientOperation()} is true.
   */
  default dev.replab.engine.model.Started start(M model) {
    throw new UnsupportedOperationException(name() + " is not a client operation");
  }

  @Override
  default Result accept(Executor executor) {
    return executor.modelCommand(this);
  }
}
