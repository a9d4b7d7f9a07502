package dev.replab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replab.engine.Executed;
import dev.replab.engine.Session;
import dev.replab.engine.command.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class JsonPrinterTests {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<JsonNode> objects(String output) throws Exception {
    List<JsonNode> objects = new ArrayList<>();
    for (String line : output.split("\n")) {
      objects.add(MAPPER.readTree(line));
    }
    return objects;
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** camelCase to snake_case, written out independently of Jackson's naming strategy. */
  private static String snake(String name) {
    return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
  }

  @Test
  void printsExactlyOneObjectPerCommandEachOnOneLine() throws Exception {
    Transcript transcript =
        Transcript.json().type("create leader-follower nodes=3; write x 1; read x from n2");
    List<JsonNode> objects = objects(transcript.out().strip());
    assertEquals(3, objects.size());
    assertEquals(
        List.of("create", "write", "read"),
        objects.stream().map(o -> o.get("command").asText()).toList());
    assertEquals("", transcript.err());
  }

  @Test
  void startsWithCommandOkAndTimeThenTheRecordComponentsInSnakeCaseAndOrder() throws Exception {
    Transcript transcript =
        Transcript.json()
            .type("create leader-follower nodes=3; write x 1")
            .clear()
            .type("read x from n2");
    JsonNode read = objects(transcript.out().strip()).get(0);
    List<String> expected = new ArrayList<>(List.of("command", "ok", "t_ms"));
    for (RecordComponent component : Result.ReadDone.class.getRecordComponents()) {
      if (!component.getName().equals("text")) {
        expected.add(snake(component.getName()));
      }
    }
    assertEquals(expected, names(read));
    assertTrue(read.get("stale").asBoolean(), "n2 has not applied the write yet");
    assertEquals("1", read.get("latest").asText());
  }

  @Test
  void leavesOutTheHumanText() throws Exception {
    Transcript transcript =
        Transcript.json().type("create leader-follower; write x 1; status; help");
    for (JsonNode object : objects(transcript.out().strip())) {
      assertFalse(object.has("text"), object.toString());
    }
  }

  @Test
  void nestedRowsAreSnakeCaseToo() throws Exception {
    Transcript transcript =
        Transcript.json().type("create leader-follower nodes=3; write x 1").clear().type("status");
    JsonNode status = objects(transcript.out().strip()).get(0);
    JsonNode follower = status.get("nodes").get(1);
    assertEquals("n2", follower.get("id").asText());
    assertTrue(follower.has("lag_ms"), follower.toString());
    assertFalse(follower.has("lagMs"), follower.toString());
  }

  @Test
  void timeIsTheSimulatedClockInMilliseconds() throws Exception {
    Session session = new Session(1);
    List<Executed> ran = session.execute("create leader-follower; write x 1");
    Executed write = ran.get(1);
    StringWriter out = new StringWriter();
    String json =
        new JsonPrinter(new PrintWriter(out)).render(write, new Input("write x 1", 0, null));
    assertEquals(write.tUs() / 1000.0, MAPPER.readTree(json).get("t_ms").asDouble(), 1e-9);
    assertTrue(write.tUs() > 0, "a write takes simulated time");
  }

  @Test
  void aRejectedCommandHasOkFalseTheSentenceAndTheColumnInTheLine() throws Exception {
    Transcript transcript =
        Transcript.json()
            .type("create leader-follower nodes=3")
            .clear()
            .type("write x 1; read x from n9");
    List<JsonNode> objects = objects(transcript.out().strip());
    JsonNode rejected = objects.get(1);
    assertEquals(List.of("command", "ok", "t_ms", "error", "column"), names(rejected));
    assertEquals("read", rejected.get("command").asText());
    assertFalse(rejected.get("ok").asBoolean());
    assertTrue(rejected.get("error").asText().startsWith("no node 'n9'"), rejected.toString());
    assertEquals("write x 1; read x from n9".indexOf("n9") + 1, rejected.get("column").asInt());
    assertTrue(objects.get(0).get("ok").asBoolean(), "the write before it still ran");
  }

  @Test
  void shellCommandsAreObjectsToo() throws Exception {
    Transcript transcript = Transcript.json().type(":json", ":jsn on");
    List<JsonNode> objects = objects(transcript.out().strip());
    assertEquals(":json", objects.get(0).get("command").asText());
    assertTrue(objects.get(0).get("ok").asBoolean());
    assertTrue(objects.get(0).get("message").asText().contains("on"));
    assertEquals(":jsn", objects.get(1).get("command").asText());
    assertFalse(objects.get(1).get("ok").asBoolean());
    assertTrue(objects.get(1).get("error").asText().contains("did you mean ':json'?"));
  }

  @Test
  void jsonCanBeSwitchedOnAndOffInTheMiddleOfASession() throws Exception {
    Transcript transcript =
        new Transcript().type("create leader-follower").clear().type(":json on", "status");
    List<JsonNode> objects = objects(transcript.out().strip());
    assertEquals("status", objects.get(1).get("command").asText());
    transcript.clear().type(":json off", "status");
    assertTrue(transcript.out().contains("JSON output is off"));
    assertTrue(transcript.out().contains("n3"), transcript.out());
    assertFalse(transcript.out().contains("{\"command\""), transcript.out());
  }
}
