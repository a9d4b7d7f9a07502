import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens the HTML book in a real headless Chromium and checks what a reader would see: the page
 * loads without a console error, every drawing renders at a visible size, and every animation
 * advances, pauses when asked and resumes. Screenshots of each animation at two moments, and of
 * the top of the "Seeing it move" chapter, go to the output folder for a person to look at.
 *
 * <p>A single-file program with no dependencies beyond the JDK: it speaks the Chrome DevTools
 * protocol over the JDK's own WebSocket client.
 *
 * <pre>
 * java book/src/test/browser/BookInBrowser.java book/target/book/index.html [book/target/browser]
 * </pre>
 *
 * Chromium is found through the CHROMIUM environment variable, else chromium, chromium-browser or
 * google-chrome on the PATH. Exit status 0 means every check passed.
 */
public final class BookInBrowser {
  private static final long TIMEOUT_SECONDS = 60;

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java BookInBrowser.java <index.html> [screenshot folder]");
      System.exit(2);
    }
    Path page = Path.of(args[0]).toAbsolutePath();
    Path shots = Path.of(args.length > 1 ? args[1] : "book/target/browser").toAbsolutePath();
    if (!Files.isRegularFile(page)) {
      System.err.println("book in browser: no " + page + "; build the book first (./mvnw verify -pl book -am)");
      System.exit(2);
    }
    Files.createDirectories(shots);
    List<String> failures = new ArrayList<>();
    try (Browser browser = Browser.start(chromium())) {
      check(browser, page, shots, failures);
    }
    if (failures.isEmpty()) {
      System.out.println("book in browser: all checks passed; screenshots in " + shots);
      return;
    }
    System.err.println("book in browser: " + failures.size() + " check(s) failed:");
    failures.forEach(failure -> System.err.println("  - " + failure));
    System.exit(1);
  }

  // ---------------------------------------------------------------- the checks

  private static final String FIGURES = """
      (() => {
        const figures = [...document.querySelectorAll('.imageblock.replab-figure')];
        const broken = [];
        for (const [index, figure] of figures.entries()) {
          const svg = figure.querySelector(':scope > .content > svg');
          const name = '#' + index + ' (' + figure.className + ': ' + (figure.querySelector('.title') || {}).textContent + ')';
          if (!svg) { broken.push(name + ' has no inline SVG'); continue; }
          const box = svg.getBoundingClientRect();
          let content = null;
          try { content = svg.getBBox(); } catch (e) { broken.push(name + ': getBBox failed: ' + e); continue; }
          const marks = svg.querySelectorAll('line, path, rect, polygon, circle, text').length;
          if (!(box.width >= 100 && box.height >= 60)) broken.push(name + ' is drawn ' + box.width + 'x' + box.height + ' px');
          else if (!(content.width >= 100 && content.height >= 40)) broken.push(name + ' has content of ' + content.width + 'x' + content.height);
          else if (marks < 10) broken.push(name + ' draws only ' + marks + ' shapes');
        }
        return JSON.stringify({
          figures: figures.length,
          spacetime: document.querySelectorAll('.replab-figure svg.replab-spacetime').length,
          plots: document.querySelectorAll('.replab-figure svg.replab-plot').length,
          animations: document.querySelectorAll('.replab-figure.replab-animation').length,
          controls: document.querySelectorAll('.replab-figure.replab-animation .replab-controls button').length,
          broken: broken
        });
      })()""";

  /** Samples every animated value of animation {@code i}, so two samples show whether it moved. */
  private static final String SAMPLE = """
      (async (i) => {
        const figure = document.querySelectorAll('.replab-figure.replab-animation')[i];
        const svg = figure.querySelector('svg');
        const values = [];
        for (const animate of svg.querySelectorAll('animate')) {
          const target = animate.parentElement;
          const name = animate.getAttribute('attributeName');
          const value = target[name] && target[name].animVal !== undefined
              ? (target[name].animVal.value !== undefined ? target[name].animVal.value : target[name].animVal)
              : getComputedStyle(target).getPropertyValue(name);
          values.push(String(value));
        }
        return JSON.stringify({time: svg.getCurrentTime(), state: figure.getAttribute('data-state'), values: values,
            controls: figure.querySelectorAll('.replab-controls button').length});
      })""";

  private static void check(Browser browser, Path page, Path shots, List<String> failures) throws Exception {
    browser.open(page.toUri().toString());
    Map<String, Object> figures = browser.evaluateObject(FIGURES);
    System.out.println("book in browser: " + count(figures, "figures") + " figures (" + count(figures, "spacetime") + " space-time diagrams, "
        + count(figures, "plots") + " plots, " + count(figures, "animations") + " animations)");
    for (Object broken : Json.list(figures.get("broken"))) {
      failures.add("a drawing did not render: " + broken);
    }
    expectAtLeast(failures, figures, "spacetime", 10, "space-time diagrams");
    expectAtLeast(failures, figures, "plots", 3, "plots");
    expectAtLeast(failures, figures, "animations", 3, "animations");
    int animations = count(figures, "animations");
    if (count(figures, "controls") != 2 * animations) {
      failures.add("every animation should have a Pause and a Replay button; found " + count(figures, "controls") + " buttons for " + animations);
    }
    browser.evaluate("(() => { document.getElementById('seeing-it-move').scrollIntoView(); return 'ok'; })()");
    browser.screenshot(null, shots.resolve("seeing-it-move.png"));
    for (int i = 0; i < animations; i++) {
      animation(browser, i, shots, failures);
    }
    failures.addAll(browser.errors());
  }

  private static void animation(Browser browser, int index, Path shots, List<String> failures) throws Exception {
    String name = "animation " + (index + 1);
    browser.evaluate("(() => { const f = document.querySelectorAll('.replab-figure.replab-animation')[" + index + "];"
        + " f.scrollIntoView({block: 'center'}); return 'ok'; })()");
    Thread.sleep(700);
    Map<String, Object> first = browser.evaluateObject(SAMPLE + "(" + index + ")");
    browser.screenshot(index, shots.resolve("animation-" + (index + 1) + "-early.png"));
    Thread.sleep(1_500);
    Map<String, Object> second = browser.evaluateObject(SAMPLE + "(" + index + ")");
    browser.screenshot(index, shots.resolve("animation-" + (index + 1) + "-later.png"));
    if (!"playing".equals(first.get("state"))) {
      failures.add(name + " should be playing once it is on screen, but is " + first.get("state"));
    }
    double advanced = ((Number) second.get("time")).doubleValue() - ((Number) first.get("time")).doubleValue();
    if (advanced < 0.5) {
      failures.add(name + ": its clock advanced only " + advanced + " s in 1.5 s");
    }
    List<Object> before = Json.list(first.get("values"));
    List<Object> after = Json.list(second.get("values"));
    long moved = 0;
    for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
      moved += before.get(i).equals(after.get(i)) ? 0 : 1;
    }
    System.out.println("book in browser: " + name + ": " + before.size() + " animated values, " + moved + " changed in 1.5 s");
    if (before.isEmpty() || moved == 0) {
      failures.add(name + ": no animated value changed in 1.5 s (" + before.size() + " animated values)");
    }
    if (((Number) first.get("controls")).intValue() == 0) {
      failures.add(name + " has no Pause button");
      return;
    }
    // Pause holds the picture; Play resumes it.
    browser.evaluate("(() => { document.querySelectorAll('.replab-figure.replab-animation')[" + index + "]"
        + ".querySelector('.replab-controls button').click(); return 'ok'; })()");
    Map<String, Object> paused = browser.evaluateObject(SAMPLE + "(" + index + ")");
    Thread.sleep(500);
    Map<String, Object> stillPaused = browser.evaluateObject(SAMPLE + "(" + index + ")");
    if (!"paused".equals(paused.get("state")) || !paused.get("time").equals(stillPaused.get("time"))) {
      failures.add(name + ": Pause did not stop it (state " + paused.get("state") + ", clock " + paused.get("time") + " then "
          + stillPaused.get("time") + ")");
    }
    browser.evaluate("(() => { document.querySelectorAll('.replab-figure.replab-animation')[" + index + "]"
        + ".querySelector('.replab-controls button').click(); return 'ok'; })()");
    Thread.sleep(400);
    Map<String, Object> resumed = browser.evaluateObject(SAMPLE + "(" + index + ")");
    if (!"playing".equals(resumed.get("state")) || ((Number) resumed.get("time")).doubleValue() <= ((Number) stillPaused.get("time")).doubleValue()) {
      failures.add(name + ": Play did not resume it (state " + resumed.get("state") + ")");
    }
  }

  private static int count(Map<String, Object> counts, String key) {
    return ((Number) counts.get(key)).intValue();
  }

  private static void expectAtLeast(List<String> failures, Map<String, Object> counts, String key, int least, String what) {
    if (count(counts, key) < least) {
      failures.add("expected at least " + least + " " + what + ", found " + counts.get(key));
    }
  }

  private static String chromium() {
    String configured = System.getenv("CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    System.err.println("book in browser: no Chromium found; install it (apt-get install -y chromium) or set CHROMIUM");
    System.exit(2);
    return null;
  }

  // ---------------------------------------------------------------- the browser

  /** A headless Chromium with one page, driven over the DevTools protocol. */
  static final class Browser implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    private int nextId = 1;

    private Browser(Process process, Path profile, WebSocket socket) {
      this.process = process;
      this.profile = profile;
      this.socket = socket;
    }

    static Browser start(String chromium) throws Exception {
      Path profile = Files.createTempDirectory("book-in-browser");
      Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
          "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,1000", "about:blank")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      String browserUrl = devToolsUrl(process);
      URI base = URI.create(browserUrl.replaceFirst("^ws://", "http://").replaceFirst("/devtools/.*$", ""));
      HttpClient http = HttpClient.newHttpClient();
      String targets = http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body();
      String pageUrl = null;
      for (Object target : Json.list(Json.parse(targets))) {
        Map<String, Object> one = Json.object(target);
        if ("page".equals(one.get("type"))) {
          pageUrl = (String) one.get("webSocketDebuggerUrl");
          break;
        }
      }
      if (pageUrl == null) {
        throw new IOException("Chromium opened no page: " + targets);
      }
      Listener listener = new Listener();
      WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), listener).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Browser browser = new Browser(process, profile, socket);
      listener.browser = browser;
      browser.call("Runtime.enable", Map.of());
      browser.call("Log.enable", Map.of());
      browser.call("Page.enable", Map.of());
      return browser;
    }

    private static String devToolsUrl(Process process) throws IOException {
      BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
      List<String> seen = new ArrayList<>();
      for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          Thread drain = new Thread(() -> stderr.lines().forEach(ignored -> {}));
          drain.setDaemon(true);
          drain.start();
          return matcher.group(1);
        }
        seen.add(line);
      }
      throw new IOException("Chromium exited before it opened DevTools:\n" + String.join("\n", seen));
    }

    void open(String url) throws Exception {
      loaded = new CompletableFuture<>();
      call("Page.navigate", Map.of("url", url));
      loaded.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Evaluates an expression in the page (awaiting a promise) and returns its string value. */
    String evaluate(String expression) throws Exception {
      Map<String, Object> result = call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
      Map<String, Object> value = Json.object(result.get("result"));
      if (result.containsKey("exceptionDetails")) {
        throw new IOException("the page threw: " + Json.object(result.get("exceptionDetails")).get("text") + " "
            + Json.object(result.get("exceptionDetails")).get("exception"));
      }
      return String.valueOf(value.get("value"));
    }

    /** Evaluates an expression whose value is a JSON object written as a string. */
    Map<String, Object> evaluateObject(String expression) throws Exception {
      return Json.object(Json.parse(evaluate(expression)));
    }

    /** A PNG of the viewport, or of animation {@code index}'s figure when it is not null. */
    void screenshot(Integer index, Path file) throws Exception {
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("format", "png");
      if (index != null) {
        Map<String, Object> box = Json.object(Json.parse(evaluate("(() => { const r = document.querySelectorAll("
            + "'.replab-figure.replab-animation')[" + index + "].getBoundingClientRect();"
            + " return JSON.stringify({x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height}); })()")));
        Map<String, Object> clip = new LinkedHashMap<>(box);
        clip.put("scale", 1);
        parameters.put("clip", clip);
        parameters.put("captureBeyondViewport", true);
      }
      Map<String, Object> shot = call("Page.captureScreenshot", parameters);
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Console errors, uncaught exceptions and failed loads the page reported. */
    List<String> errors() {
      return List.copyOf(errors);
    }

    synchronized Map<String, Object> call(String method, Map<String, Object> parameters) throws Exception {
      int id = nextId++;
      CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
      pending.put(id, answer);
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("id", id);
      message.put("method", method);
      message.put("params", parameters);
      socket.sendText(Json.write(message), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Map<String, Object> response = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (response.containsKey("error")) {
        throw new IOException(method + " failed: " + response.get("error"));
      }
      return Json.object(response.getOrDefault("result", Map.of()));
    }

    private void received(Map<String, Object> message) {
      if (message.containsKey("id")) {
        CompletableFuture<Map<String, Object>> answer = pending.remove(((Number) message.get("id")).intValue());
        if (answer != null) {
          answer.complete(message);
        }
        return;
      }
      String method = String.valueOf(message.get("method"));
      Map<String, Object> params = Json.object(message.getOrDefault("params", Map.of()));
      switch (method) {
        case "Page.loadEventFired" -> loaded.complete(null);
        case "Runtime.exceptionThrown" -> errors.add("uncaught exception: " + Json.object(params.get("exceptionDetails")).get("text")
            + " " + Json.object(params.get("exceptionDetails")).get("exception"));
        case "Runtime.consoleAPICalled" -> {
          if ("error".equals(params.get("type")) || "assert".equals(params.get("type"))) {
            errors.add("console " + params.get("type") + ": " + params.get("args"));
          }
        }
        case "Log.entryAdded" -> {
          Map<String, Object> entry = Json.object(params.get("entry"));
          if ("error".equals(entry.get("level"))) {
            errors.add("browser log error (" + entry.get("source") + "): " + entry.get("text") + (entry.get("url") == null ? "" : " " + entry.get("url")));
          }
        }
        default -> {
          // Other events are not checked.
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.abort();
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }

    /** Collects a message's fragments and hands whole messages to the browser. */
    private static final class Listener implements WebSocket.Listener {
      private final StringBuilder text = new StringBuilder();
      private volatile Browser browser;

      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          Map<String, Object> message = Json.object(Json.parse(text.toString()));
          text.setLength(0);
          if (browser != null) {
            browser.received(message);
          }
        }
        socket.request(1);
        return null;
      }
    }
  }

  // ---------------------------------------------------------------- a little JSON

  /** Just enough JSON for the DevTools protocol: objects, arrays, strings, numbers, literals. */
  static final class Json {
    private final String text;
    private int at;

    private Json(String text) {
      this.text = text;
    }

    static Object parse(String text) {
      Json json = new Json(text);
      Object value = json.value();
      json.space();
      if (json.at != text.length()) {
        throw new IllegalArgumentException("trailing characters in JSON at " + json.at);
      }
      return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
      return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
      return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    private Object value() {
      space();
      char c = text.charAt(at);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        space();
        if (text.charAt(at) == '}') {
          at++;
          return map;
        }
        while (true) {
          space();
          String key = string();
          space();
          expect(':');
          map.put(key, value());
          space();
          if (text.charAt(at++) == '}') {
            return map;
          }
        }
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        at++;
        space();
        if (text.charAt(at) == ']') {
          at++;
          return list;
        }
        while (true) {
          list.add(value());
          space();
          if (text.charAt(at++) == ']') {
            return list;
          }
        }
      }
      if (c == '"') {
        return string();
      }
      for (String literal : List.of("true", "false", "null")) {
        if (text.startsWith(literal, at)) {
          at += literal.length();
          return literal.equals("null") ? null : Boolean.valueOf(literal);
        }
      }
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      return Double.valueOf(text.substring(start, at));
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escaped = text.charAt(at++);
        switch (escaped) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> out.append(escaped);
        }
      }
    }

    private void expect(char c) {
      if (text.charAt(at) != c) {
        throw new IllegalArgumentException("expected '" + c + "' in JSON at " + at);
      }
      at++;
    }

    private void space() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    static String write(Object value) {
      if (value instanceof Map<?, ?> map) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          out.append(out.length() > 1 ? "," : "").append(write(String.valueOf(entry.getKey()))).append(':').append(write(entry.getValue()));
        }
        return out.append('}').toString();
      }
      if (value instanceof String string) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : string.toCharArray()) {
          if (c == '"' || c == '\\') {
            out.append('\\').append(c);
          } else if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
        return out.append('"').toString();
      }
      return String.valueOf(value);
    }
  }
}
