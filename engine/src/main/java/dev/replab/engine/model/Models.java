package dev.replab.engine.model;

import dev.replab.engine.leaderfollower.LeaderFollower;
import dev.replab.engine.leaderless.Leaderless;
import dev.replab.engine.multileader.MultiLeader;
import java.util.List;

/** The replication models a cluster can run: adding a model adds one line here. */
public final class Models {
  private static final List<ModelDefinition> ALL =
      List.of(LeaderFollower.DEFINITION, MultiLeader.DEFINITION, Leaderless.DEFINITION);

  /** Models the course will have that cannot be created yet. */
  private static final List<String> PLANNED = List.of();

  private Models() {}

  public static List<ModelDefinition> all() {
    return ALL;
  }

  /** The model with that name, or null. */
  public static ModelDefinition named(String name) {
    for (ModelDefinition model : ALL) {
      if (model.name().equals(name)) {
        return model;
      }
    }
    return null;
  }

  /** Every model name, built or planned, in the order help lists them. */
  public static List<String> names() {
    java.util.List<String> names = new java.util.ArrayList<>();
    ALL.forEach(model -> names.add(model.name()));
    for (String planned : PLANNED) {
      if (!names.contains(planned)) {
        names.add(planned);
      }
    }
    return names;
  }

  /** True for a model the course promises but this build cannot create yet. */
  public static boolean planned(String name) {
    return PLANNED.contains(name) && named(name) == null;
  }
}
