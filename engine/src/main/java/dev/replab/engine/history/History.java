package dev.replab.engine.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every client operation of a session, in the order they were invoked. */
public final class History {
  private final List<Operation> operations = new ArrayList<>();

  public Operation start(
      Operation.Kind kind, String client, String node, String key, String value, long nowUs) {
    Operation op = new Operation(operations.size() + 1, kind, client, node, key, value, nowUs);
    operations.add(op);
    return op;
  }

  /** The operation with that id (ids count from 1 in invocation order), or null. */
  public Operation get(long id) {
    return id >= 1 && id <= operations.size() ? operations.get((int) id - 1) : null;
  }

  public List<Operation> operations() {
    return Collections.unmodifiableList(operations);
  }

  public int size() {
    return operations.size();
  }
}
