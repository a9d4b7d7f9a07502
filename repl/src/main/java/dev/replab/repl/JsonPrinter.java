package dev.replab.repl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replab.engine.Executed;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Prints exactly one JSON object per command, on one line: {@code command}, {@code ok} and {@code
 * t_ms} first, then the result record's components in declaration order and in snake_case. The
 * record's {@code text} is left out: it is the human rendering of the very fields that follow. A
 * rejected command carries {@code error} (the sentence a person would see) and {@code column}
 * instead.
 *
 * <p>Jackson is loaded only when this class is first used, which keeps text mode starting fast.
 */
final class JsonPrinter implements Printer {
  private static final String TEXT = "text";

  private final PrintWriter out;
  private final ObjectMapper mapper;

  JsonPrinter(PrintWriter out) {
    this.out = out;
    this.mapper = new ObjectMapper();
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    // Simulated time is exact microseconds; print it as a plain decimal such as 1000.5, never
    // 1.0005E+3.
    mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  @Override
  public void echo(String line) {
    // A JSON stream holds objects only; the command is in each object's "command" field.
  }

  @Override
  public void executed(Executed executed, Input input) {
    out.println(render(executed, input));
  }

  /** The JSON object for one command, as a single line. */
  String render(Executed executed, Input input) {
    ObjectNode node = head(executed.command(), executed.ok(), executed.tUs());
    if (executed.ok()) {
      addFields(node, mapper.valueToTree(executed.result()));
    } else {
      node.put("error", executed.error());
      node.put("column", input.lineColumn(executed.column()));
    }
    return write(node);
  }

  @Override
  public void meta(MetaOutcome outcome, long nowUs, Input input) {
    ObjectNode node = head(outcome.command(), outcome.ok(), nowUs);
    if (outcome.ok()) {
      node.put("message", outcome.message());
    } else {
      node.put("error", outcome.message());
      node.put("column", outcome.column());
    }
    out.println(write(node));
  }

  private ObjectNode head(String command, boolean ok, long nowUs) {
    ObjectNode node = mapper.createObjectNode();
    node.put("command", command);
    node.put("ok", ok);
    node.put("t_ms", BigDecimal.valueOf(nowUs, 3).stripTrailingZeros());
    return node;
  }

  private static void addFields(ObjectNode node, JsonNode fields) {
    for (Map.Entry<String, JsonNode> entry : fields.properties()) {
      // The head fields belong to the envelope; a record component of the same name must not
      // replace them.
      if (!entry.getKey().equals(TEXT) && !node.has(entry.getKey())) {
        node.set(entry.getKey(), entry.getValue());
      }
    }
  }

  private String write(ObjectNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree of plain values always serialises; failing here is a bug, not a user's mistake.
      throw new IllegalStateException("could not write JSON for " + node.get("command"), e);
    }
  }

  @Override
  public void flush() {
    out.flush();
  }
}
