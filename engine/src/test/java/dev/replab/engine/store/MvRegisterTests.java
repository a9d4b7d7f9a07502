package dev.replab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MvRegisterTests {
  @Test
  void concurrentAssignmentsAreAllKeptUntilOneOverwritesThem() {
    MvRegister base = MvRegister.empty().assign("n1", "red");
    MvRegister atN1 = base.assign("n1", "green");
    MvRegister atN2 = base.assign("n2", "blue");
    MvRegister merged = atN1.merge(atN2);
    assertEquals(List.of("green", "blue"), merged.value());
    assertEquals(List.of("purple"), merged.assign("n2", "purple").value());
    assertEquals(List.of("purple"), merged.assign("n2", "purple").merge(atN1).value());
  }

  @Test
  void aLaterAssignmentAtTheSameReplicaOverwrites() {
    MvRegister register = MvRegister.empty().assign("n1", "a").assign("n1", "b");
    assertEquals(List.of("b"), register.value());
    assertEquals("{b@n1:2} [n1:2]", register.describe());
    assertEquals(List.of(), MvRegister.empty().value());
    assertThrows(NullPointerException.class, () -> register.assign("n1", null));
  }

  @Test
  void mergeIsAJoinOnRandomHistories() {
    for (long seed = 1; seed <= 60; seed++) {
      List<MvRegister> states =
          MergeLaws.history(
              seed,
              MvRegister.empty(),
              3,
              50,
              (register, node, random) -> register.assign(node, "v" + random.nextInt(3)),
              MvRegister::merge);
      MergeLaws.assertJoin(seed, states, MvRegister::merge, 150);
    }
  }
}
