package dev.replab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeOrderTests {
  @Test
  void nodesSortAsTheyAreCountedNotAsStrings() {
    List<String> nodes = new ArrayList<>(List.of("n10", "n2", "n1", "dc2-n1", "n11", "dc10-n1"));
    nodes.sort(NodeOrder.INSTANCE);
    assertEquals(List.of("dc2-n1", "dc10-n1", "n1", "n2", "n10", "n11"), nodes);
  }

  @Test
  void idsThatDifferOnlyInLeadingZerosStayDistinct() {
    assertNotEquals(0, NodeOrder.INSTANCE.compare("n01", "n1"));
    assertEquals(-NodeOrder.INSTANCE.compare("n01", "n1"), NodeOrder.INSTANCE.compare("n1", "n01"));
    assertEquals(0, NodeOrder.INSTANCE.compare("n7", "n7"));
  }
}
