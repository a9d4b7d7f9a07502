package dev.replab.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replab.engine.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The network on its own: endpoints that record what reaches them. */
class NetworkTests {
  private Simulation sim;
  private Network network;
  private final List<Arrival> arrivals = new ArrayList<>();
  private final List<String> dropped = new ArrayList<>();
  private int lost;

  private record Arrival(long atUs, String source, String target, long id) {}

  @BeforeEach
  void setUp() {
    sim = new Simulation(11);
    network = new Network(sim);
    for (String id : List.of("a", "b", "c")) {
      network.register(
          id,
          Regions.DEFAULT,
          (source, message) -> arrivals.add(new Arrival(sim.nowUs(), source, id, idOf(message))));
    }
    network.setListener(
        new Network.Listener() {
          @Override
          public void sent(
              long atUs,
              String source,
              String target,
              Payload message,
              long deliverAtUs,
              boolean wasLost) {
            if (wasLost) {
              lost++;
            }
          }

          @Override
          public void dropped(
              long atUs, String source, String target, Payload message, String why) {
            dropped.add(source + "->" + target + " " + why);
          }
        });
  }

  /** A payload of no model at all: the network carries anything that names itself. */
  private record Probe(long id) implements Payload {
    public String label() {
      return "probe " + id;
    }

    public Traffic traffic() {
      return Traffic.REQUEST;
    }
  }

  /** Sends a message that carries {@code id}. */
  private void send(String source, String target, long id) {
    network.send(source, target, new Probe(id));
  }

  private static long idOf(Payload message) {
    return ((Probe) message).id();
  }

  private List<Long> idsArrivedAt(String target) {
    return arrivals.stream().filter(a -> a.target().equals(target)).map(Arrival::id).toList();
  }

  @Test
  void messagesOnOneLinkArriveInSendOrderEvenWithExponentialDelays() {
    network.configureLink("a", "b", new Latency.Exponential(20_000), null);
    List<Long> sentOrder = new ArrayList<>();
    for (long id = 0; id < 2_000; id++) {
      send("a", "b", id);
      sentOrder.add(id);
      if (id % 7 == 0) {
        sim.runUntil(sim.nowUs() + 3_000);
      }
    }
    sim.runUntil(sim.nowUs() + 10_000_000);
    assertEquals(sentOrder, idsArrivedAt("b"));
    List<Long> times = arrivals.stream().map(Arrival::atUs).toList();
    for (int i = 1; i < times.size(); i++) {
      assertTrue(times.get(i) >= times.get(i - 1));
    }
  }

  @Test
  void fifoHoldsWhenALinkGetsFasterMidStream() {
    network.configureLink("a", "b", new Latency.Constant(200_000), null);
    send("a", "b", 1);
    network.configureLink("a", "b", new Latency.Constant(1_000), null);
    send("a", "b", 2);
    sim.runUntil(1_000_000);
    assertEquals(List.of(1L, 2L), idsArrivedAt("b"));
    assertEquals(
        200_000, arrivals.get(1).atUs(), "the fast message waits for the slow one ahead of it");
  }

  @Test
  void differentLinksDoNotWaitForEachOther() {
    network.configureLink("a", "b", new Latency.Constant(200_000), null);
    network.configureLink("a", "c", new Latency.Constant(1_000), null);
    send("a", "b", 1);
    send("a", "c", 2);
    sim.runUntil(1_000_000);
    assertEquals(List.of(2L, 1L), arrivals.stream().map(Arrival::id).toList());
    assertEquals(1_000, arrivals.get(0).atUs());
  }

  @Test
  void messageArrivesAfterItsLinksDelay() {
    network.configureLink("a", "b", new Latency.Constant(80_000), null);
    send("a", "b", 1);
    sim.runUntil(79_999);
    assertTrue(arrivals.isEmpty());
    sim.runUntil(80_000);
    assertEquals(List.of(new Arrival(80_000, "a", "b", 1)), arrivals);
  }

  @Test
  void oneWayCutDropsOneDirectionOnly() {
    network.cut("a", "b");
    send("a", "b", 1);
    send("b", "a", 2);
    sim.runUntil(1_000_000);
    assertEquals(List.of(), idsArrivedAt("b"));
    assertEquals(List.of(2L), idsArrivedAt("a"));
    assertEquals(List.of("a->b partition"), dropped);
    assertTrue(network.isCut("a", "b"));
    assertFalse(network.isCut("b", "a"));
  }

  @Test
  void symmetricCutDropsBothDirectionsAndSparesOtherLinks() {
    network.cut("a", "b");
    network.cut("b", "a");
    send("a", "b", 1);
    send("b", "a", 2);
    send("a", "c", 3);
    send("c", "b", 4);
    sim.runUntil(1_000_000);
    assertEquals(List.of(3L), idsArrivedAt("c"));
    assertEquals(List.of(4L), idsArrivedAt("b"));
    assertEquals(List.of(), idsArrivedAt("a"));
    assertEquals(2, dropped.size());
  }

  @Test
  void healRestoresEveryCutLink() {
    network.cut("a", "b");
    network.cut("b", "a");
    assertTrue(network.anyCut());
    network.healAll();
    assertFalse(network.anyCut());
    send("a", "b", 1);
    send("b", "a", 2);
    sim.runUntil(1_000_000);
    assertEquals(List.of(1L), idsArrivedAt("b"));
    assertEquals(List.of(2L), idsArrivedAt("a"));
  }

  @Test
  void messageInFlightWhenALinkIsCutIsDropped() {
    network.configureLink("a", "b", new Latency.Constant(50_000), null);
    send("a", "b", 1);
    sim.runUntil(10_000);
    network.cut("a", "b");
    sim.runUntil(1_000_000);
    assertEquals(List.of(), idsArrivedAt("b"));
  }

  @Test
  void lossOfOneDropsEveryMessage() {
    network.configureLink("a", "b", null, 1.0);
    for (long id = 0; id < 500; id++) {
      send("a", "b", id);
    }
    send("b", "a", 999);
    sim.runUntil(10_000_000);
    assertEquals(List.of(), idsArrivedAt("b"));
    assertEquals(List.of(999L), idsArrivedAt("a"), "loss is per direction");
    assertEquals(500, lost);
    assertEquals(501, network.messagesSent());
  }

  @Test
  void clusterWideLossSparesClientLinksUnlessALinkSaysOtherwise() {
    network.registerClient(
        "app",
        Regions.DEFAULT,
        (source, message) -> arrivals.add(new Arrival(sim.nowUs(), source, "app", idOf(message))));
    network.setDefaultLoss(1.0);
    send("a", "b", 1);
    send("app", "a", 2);
    send("b", "app", 3);
    sim.runUntil(1_000_000);
    assertEquals(List.of(2L, 3L), arrivals.stream().map(Arrival::id).toList());
    network.configureLink("app", "a", null, 1.0);
    send("app", "a", 4);
    sim.runUntil(2_000_000);
    assertEquals(List.of(2L, 3L), arrivals.stream().map(Arrival::id).toList());
  }

  @Test
  void partialLossDropsAboutThatShare() {
    network.configureLink("a", "b", null, 0.25);
    int count = 20_000;
    for (long id = 0; id < count; id++) {
      send("a", "b", id);
    }
    sim.runUntil(10_000_000);
    // Binomial standard error of the delivered share is 0.3%.
    assertEquals(0.75, idsArrivedAt("b").size() / (double) count, 0.015);
  }

  @Test
  void defaultLatencyInsideARegionIsSubMillisecondToAFewMilliseconds() {
    Latency inside = network.latency("a", "b");
    assertEquals(new Latency.Uniform(200, 1_500), inside);
  }

  @Test
  void regionsGetTheTypicalOneWayDelayBetweenThem() {
    network.register("eu-node", "eu", (source, message) -> {});
    network.register("us-node", "us", (source, message) -> {});
    assertEquals(new Latency.Uniform(40_000, 44_000), network.latency("eu-node", "us-node"));
    network.setWanUs(100_000);
    assertEquals(new Latency.Uniform(100_000, 110_000), network.latency("us-node", "eu-node"));
  }

  @Test
  void linkOverrideAppliesToOneDirectionOnly() {
    network.configureLink("a", "b", new Latency.Constant(5_000), null);
    assertEquals(new Latency.Constant(5_000), network.latency("a", "b"));
    assertEquals(new Latency.Uniform(200, 1_500), network.latency("b", "a"));
  }
}
