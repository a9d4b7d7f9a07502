package dev.replab.engine.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every client operation of a session, in the order they were invoked. */
public final class History {
  private final List<Operation> operations = new ArrayList<>();
  private final Map<Long, Operation> byId = new HashMap<>();

  public Operation start(Operation.Kind kind, String client, String node, String key, String value, long nowUs) {
    Operation op = new Operation(operations.size() + 1, kind, client, node, key, value, nowUs);
    operations.add(op);
    byId.put(op.id(), op);
    return op;
  }

  public Operation get(long id) {
    return byId.get(id);
  }

  public List<Operation> operations() {
    return Collections.unmodifiableList(operations);
  }

  public int size() {
    return operations.size();
  }
}
