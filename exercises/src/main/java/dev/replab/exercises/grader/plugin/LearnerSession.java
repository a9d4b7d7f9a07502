package dev.replab.exercises.grader.plugin;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The grader's side of one exercise's learner code: a plug-in JVM that runs it (started when first
 * needed, again after it stopped), the time limit of the test that is running, and what happened to
 * the learner's code during that test.
 *
 * <p>Calls wait for their answer until the running test's time is up; then the plug-in JVM is
 * killed and the call fails. Once the learner's code of an exercise has run past the limit {@code
 * timeoutsAllowed} times, later calls fail at once without running it, so a submission that loops
 * forever costs a bounded time per exercise, not a full time limit per test.
 */
public final class LearnerSession implements LearnerCalls, AutoCloseable {
  private static final String HOST = PluginHost.class.getName();
  private static final String LEARNER_PACKAGES = "dev.replab.exercises.ex";
  private static final int STDERR_TAIL_CHARS = 4_000;
  private static final int TEST_OUTPUT_LIMIT_CHARS = 16 * 1024;

  /**
   * How plug-in JVMs are started.
   *
   * @param exercise the exercise's id, for messages
   * @param javaBin the java launcher
   * @param classpath the plug-in JVM's whole class path: the host's classes, the engine, the
   *     learner's classes
   * @param maxHeap its -Xmx, like {@code 256m}
   * @param workDir its working directory
   * @param commandPrefix words before the java launcher, such as {@code runuser -u learner --}
   * @param watchdog the scheduler that kills a JVM whose answer is late
   * @param timeoutsAllowed how many times the exercise's code may run past the limit before the
   *     rest of its tests are not run
   */
  public record Settings(
      String exercise,
      Path javaBin,
      List<Path> classpath,
      String maxHeap,
      Path workDir,
      List<String> commandPrefix,
      ScheduledExecutorService watchdog,
      int timeoutsAllowed) {
    public Settings {
      classpath = List.copyOf(classpath);
      commandPrefix = List.copyOf(commandPrefix);
    }
  }

  /**
   * What stopped the learner's code during a test.
   *
   * @param timedOut whether it ran past the limit (or was not run because it had too often)
   * @param reason one line for the score table
   * @param details what the plug-in JVM wrote to its standard error, if anything
   */
  public record Stop(boolean timedOut, String reason, String details) {}

  /**
   * What happened to the learner's code during one test.
   *
   * @param stop why it stopped, or null when it answered every call
   * @param output what it printed
   */
  public record TestEvents(Stop stop, String output) {}

  private final Settings settings;
  private Jvm jvm;
  private int generation;
  private int timeouts;
  private long deadlineNanos = Long.MAX_VALUE;
  private long limitMs;
  private Stop stop;
  private final StringBuilder output = new StringBuilder();

  public LearnerSession(Settings settings) {
    this.settings = settings;
  }

  /** Starts the plug-in JVM now, so that it boots while the tests are being found. */
  public synchronized void prestart() {
    if (jvm == null && timeouts < settings.timeoutsAllowed()) {
      jvm = startJvm();
    }
  }

  /** A test starts: it may use the learner's code for {@code timeLimitMs} from now. */
  public synchronized void beginTest(long timeLimitMs) {
    limitMs = timeLimitMs;
    deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeLimitMs);
    stop = null;
    output.setLength(0);
  }

  /** The test ended; what happened to the learner's code during it. */
  public synchronized TestEvents endTest() {
    deadlineNanos = Long.MAX_VALUE;
    return new TestEvents(stop, output.toString());
  }

  @Override
  public synchronized Handle construct(String className, Class<?>[] parameterTypes, Object[] args) {
    byte[] request =
        frame(
            out -> {
              out.writeByte(Wire.NEW);
              Values.writeString(out, className);
              Wire.writeTypes(out, parameterTypes);
              for (int i = 0; i < parameterTypes.length; i++) {
                Values.write(out, parameterTypes[i], args[i]);
              }
            });
    Object id = exchange(request, className, "<init>", in -> in.readInt());
    return new Handle(generation, (Integer) id);
  }

  @Override
  public synchronized Object call(Handle target, Method method, Object[] args) {
    String className = method.getDeclaringClass().getName();
    if (target.jvm() != generation || jvm == null) {
      throw stopped(
          new Stop(
              false,
              "this object of your code lived in a JVM that has stopped since it was made",
              ""));
    }
    Type[] types = method.getGenericParameterTypes();
    byte[] request =
        frame(
            out -> {
              out.writeByte(Wire.CALL);
              out.writeInt(target.id());
              Values.writeString(out, className);
              Values.writeString(out, method.getName());
              Wire.writeTypes(out, method.getParameterTypes());
              for (int i = 0; i < types.length; i++) {
                Values.write(out, types[i], args == null ? null : args[i]);
              }
            });
    Type answer = method.getGenericReturnType();
    return exchange(request, null, method.getName(), in -> Values.read(in, answer));
  }

  /** Reads one value from the answer of a call. */
  private interface Reader {
    Object read(DataInputStream in) throws IOException;
  }

  /** Writes a request. */
  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] frame(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a request: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  /**
   * Sends one request and reads its answer, within the running test's time.
   *
   * @param constructed the class being constructed, or null for a call
   */
  private Object exchange(byte[] request, String constructed, String method, Reader value) {
    if (stop != null) {
      // The learner's code already stopped during this test; it gets no second chance in it.
      throw stopped(stop);
    }
    if (timeouts >= settings.timeoutsAllowed()) {
      throw stopped(
          new Stop(
              true,
              "not run: your code of "
                  + settings.exercise()
                  + " ran past the time limit "
                  + times(timeouts)
                  + " already, so its remaining tests are not run",
              ""));
    }
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw stopped(timedOut());
    }
    if (jvm == null) {
      jvm = startJvm();
    }
    Jvm current = jvm;
    ScheduledFuture<?> alarm =
        deadlineNanos == Long.MAX_VALUE
            ? null
            : settings.watchdog().schedule(current::ranOutOfTime, remaining, TimeUnit.NANOSECONDS);
    try {
      current.requests.write(request);
      current.requests.flush();
      int kind = current.answers.readUnsignedByte();
      Object result;
      Wire.Thrown thrown = null;
      if (kind == Wire.RETURNED) {
        result = value.read(current.answers);
      } else if (kind == Wire.THREW) {
        result = null;
        thrown = Wire.Thrown.read(current.answers);
      } else {
        throw new Values.WireException("byte " + kind + " where an answer was due");
      }
      append(Values.readString(current.answers));
      if (thrown != null) {
        throw rebuild(thrown, constructed, method);
      }
      return result;
    } catch (Values.WireException e) {
      current.kill();
      throw stopped(
          current.timedOut
              ? timedOut()
              : new Stop(
                  false,
                  "the JVM running your code wrote something other than an answer to the grader"
                      + " (does the code write to FileDescriptor.out?); it was stopped",
                  e.getMessage() + "\n" + current.stderrTail()));
    } catch (IOException e) {
      throw stopped(current.timedOut ? timedOut() : died(current));
    } finally {
      if (alarm != null) {
        alarm.cancel(false);
      }
    }
  }

  private Stop timedOut() {
    return new Stop(
        true,
        "did not finish within "
            + seconds(limitMs)
            + "; your code was stopped (an endless loop? a wait that never ends?)",
        "");
  }

  private Stop died(Jvm dead) {
    String tail = dead.stderrTail();
    int code = dead.exitCode();
    String how;
    if (tail.contains("OutOfMemoryError")) {
      how = "ran out of memory (its heap is limited to " + settings.maxHeap() + ")";
    } else if (code > 128) {
      how = "was killed by signal " + (code - 128);
    } else if (code < 0) {
      how = "stopped answering";
    } else {
      how = "exited with code " + code + " (does the code call System.exit or Runtime.halt?)";
    }
    return new Stop(false, "the JVM running your code " + how + " during this test", tail);
  }

  /** Records why the learner's code stopped, ends its JVM and returns the exception to throw. */
  private LearnerCodeStopped stopped(Stop why) {
    if (stop == null) {
      stop = why;
      if (why.timedOut() && !why.reason().startsWith("not run")) {
        timeouts++;
      }
    }
    if (jvm != null) {
      jvm.kill();
      jvm = null;
    }
    return new LearnerCodeStopped(why.reason(), why.timedOut());
  }

  private void append(String printed) {
    int room = TEST_OUTPUT_LIMIT_CHARS - output.length();
    if (room <= 0 || printed.isEmpty()) {
      return;
    }
    output.append(printed, 0, Math.min(room, printed.length()));
    if (printed.length() > room) {
      output.append("\n[... more output dropped]\n");
    }
  }

  /** The exception the learner's code threw, rebuilt here with its frames in the learner's code. */
  private static RuntimeException rebuild(Wire.Thrown thrown, String constructed, String method) {
    Throwable rebuilt = rebuildOne(thrown);
    if (rebuilt instanceof Error error) {
      throw error;
    }
    return rebuilt instanceof RuntimeException runtime
        ? runtime
        : new LearnerException(thrown.className(), thrown.message());
  }

  private static final Map<String, Function<String, Throwable>> REBUILT =
      Map.ofEntries(
          Map.entry("java.lang.UnsupportedOperationException", UnsupportedOperationException::new),
          Map.entry("java.lang.IllegalArgumentException", IllegalArgumentException::new),
          Map.entry("java.lang.IllegalStateException", IllegalStateException::new),
          Map.entry("java.lang.NullPointerException", NullPointerException::new),
          Map.entry("java.lang.ArithmeticException", ArithmeticException::new),
          Map.entry("java.lang.IndexOutOfBoundsException", IndexOutOfBoundsException::new),
          Map.entry(
              "java.lang.ArrayIndexOutOfBoundsException", ArrayIndexOutOfBoundsException::new),
          Map.entry(
              "java.lang.StringIndexOutOfBoundsException", StringIndexOutOfBoundsException::new),
          Map.entry("java.lang.ClassCastException", ClassCastException::new),
          Map.entry("java.lang.NumberFormatException", NumberFormatException::new),
          Map.entry("java.lang.NegativeArraySizeException", NegativeArraySizeException::new),
          Map.entry("java.lang.ArrayStoreException", ArrayStoreException::new),
          Map.entry("java.util.NoSuchElementException", java.util.NoSuchElementException::new),
          Map.entry(
              "java.util.ConcurrentModificationException",
              java.util.ConcurrentModificationException::new),
          Map.entry("java.lang.StackOverflowError", StackOverflowError::new),
          Map.entry("java.lang.AssertionError", AssertionError::new),
          Map.entry("java.lang.NoSuchMethodError", NoSuchMethodError::new),
          Map.entry("java.lang.NoClassDefFoundError", NoClassDefFoundError::new),
          Map.entry("java.lang.ExceptionInInitializerError", ExceptionInInitializerError::new));

  private static Throwable rebuildOne(Wire.Thrown thrown) {
    Function<String, Throwable> make = REBUILT.get(thrown.className());
    Throwable rebuilt =
        make != null
            ? make.apply(thrown.message())
            : new LearnerException(thrown.className(), thrown.message());
    List<StackTraceElement> frames = new ArrayList<>();
    for (StackTraceElement frame : thrown.frames()) {
      if (frame.getClassName().startsWith(LEARNER_PACKAGES)) {
        frames.add(frame);
      }
    }
    frames.addAll(callersFrames());
    rebuilt.setStackTrace(frames.toArray(StackTraceElement[]::new));
    if (thrown.cause() != null) {
      try {
        rebuilt.initCause(rebuildOne(thrown.cause()));
      } catch (IllegalStateException e) {
        // The type set its own cause; the learner's frames above still say where it came from.
      }
    }
    return rebuilt;
  }

  /** The frames of whoever called the stand-in, below this package and the stand-in itself. */
  private static List<StackTraceElement> callersFrames() {
    StackTraceElement[] here = new Throwable().getStackTrace();
    int first = 0;
    while (first < here.length
        && here[first].getClassName().startsWith(LearnerSession.class.getPackageName() + ".")) {
      first++;
    }
    // The next frame is the stand-in's own method, which only forwarded the call.
    first = Math.min(here.length, first + 1);
    return Arrays.asList(here).subList(first, here.length);
  }

  private Jvm startJvm() {
    generation++;
    try {
      return new Jvm(command(), settings.workDir());
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not start a JVM for the learner's code: " + e.getMessage(), e);
    }
  }

  private List<String> command() {
    List<String> command = new ArrayList<>(settings.commandPrefix());
    command.add(settings.javaBin().toString());
    command.add("-Xmx" + settings.maxHeap());
    // Exit at once on an exhausted heap, and say so on standard error, not on the channel.
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:+DisplayVMOutputToStderr");
    // A short-lived JVM with a small heap: the serial collector and the client compiler start
    // fastest.
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:-UsePerfData");
    command.add("-Xshare:auto");
    command.add("-Djava.awt.headless=true");
    command.add("-Dfile.encoding=UTF-8");
    command.add("-cp");
    command.add(
        settings.classpath().stream()
            .map(p -> p.toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator)));
    command.add(HOST);
    return command;
  }

  @Override
  public synchronized void close() {
    if (jvm != null) {
      jvm.kill();
      jvm = null;
    }
  }

  private static String times(int count) {
    return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
  }

  static String seconds(long ms) {
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** One run of a plug-in JVM. */
  private static final class Jvm {
    final Process process;
    final BufferedOutputStream requests;
    final DataInputStream answers;
    final StringBuilder stderr = new StringBuilder();
    volatile boolean timedOut;

    Jvm(List<String> command, Path workDir) throws IOException {
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
      // Nothing of the grader's environment (tokens, paths) is the learner's code's business.
      builder.environment().clear();
      builder.environment().put("LANG", "C.UTF-8");
      process = builder.start();
      requests = new BufferedOutputStream(process.getOutputStream());
      answers = new DataInputStream(new BufferedInputStream(process.getInputStream()));
      Thread drain = new Thread(this::drainStderr, "learner-stderr");
      drain.setDaemon(true);
      drain.start();
    }

    /** Keeps the end of the standard error, however much the learner's code writes there. */
    private void drainStderr() {
      try (InputStream err = process.getErrorStream()) {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = err.read(buffer)) >= 0) {
          synchronized (stderr) {
            stderr.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            if (stderr.length() > 2 * STDERR_TAIL_CHARS) {
              stderr.delete(0, stderr.length() - STDERR_TAIL_CHARS);
            }
          }
        }
      } catch (IOException e) {
        // The JVM is gone; what arrived is all there is.
      }
    }

    void ranOutOfTime() {
      timedOut = true;
      kill();
    }

    int exitCode() {
      try {
        if (process.waitFor(5, TimeUnit.SECONDS)) {
          // Give the drain thread a moment to take the last words off standard error.
          Thread.sleep(20);
          return process.exitValue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      kill();
      return -1;
    }

    String stderrTail() {
      synchronized (stderr) {
        String text = stderr.toString();
        return text.length() <= STDERR_TAIL_CHARS
            ? text.strip()
            : "..." + text.substring(text.length() - STDERR_TAIL_CHARS).strip();
      }
    }

    void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
