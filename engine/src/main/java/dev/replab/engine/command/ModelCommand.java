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

  @Override
  default Result accept(Executor executor) {
    return executor.modelCommand(this);
  }
}
