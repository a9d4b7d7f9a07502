package dev.replab.exercises.grader.plugin;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of the channel between the grader and a plug-in JVM, on that JVM's standard input and
 * output. The grader asks, the plug-in JVM answers, one frame each; nothing in a frame is a
 * verdict, only a value a plug point returned or an exception it threw, so nothing a learner's code
 * writes there can be mistaken for a test result.
 *
 * <pre>
 * request  := NEW class-name param-types args | CALL handle interface method param-types args
 * response := (RETURNED handle-or-value | THREW thrown) output
 * </pre>
 */
public final class Wire {
  static final int NEW = 1;
  static final int CALL = 2;
  static final int RETURNED = 1;
  static final int THREW = 2;

  /** What the learner's code printed during one call is cut to this many characters. */
  static final int OUTPUT_LIMIT_CHARS = 16 * 1024;

  private static final int FRAME_LIMIT = 64;
  private static final int CAUSE_DEPTH_LIMIT = 4;
  private static final int MESSAGE_LIMIT_CHARS = 4 * 1024;
  private static final int PARAMETER_LIMIT = 32;

  private Wire() {}

  /** The declared parameter types of a constructor or method, by name, for the other side. */
  static void writeTypes(DataOutputStream out, Class<?>[] types) throws IOException {
    out.writeInt(types.length);
    for (Class<?> type : types) {
      Values.writeString(out, type.getName());
    }
  }

  static List<String> readTypeNames(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > PARAMETER_LIMIT) {
      throw new Values.WireException(count + " parameters");
    }
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(Values.readString(in));
    }
    return names;
  }

  /**
   * An exception the learner's code threw, as it crosses: its class name, message, stack frames and
   * cause.
   */
  public record Thrown(
      String className, String message, List<StackTraceElement> frames, Thrown cause) {
    static Thrown of(Throwable t) {
      return of(t, 0);
    }

    private static Thrown of(Throwable t, int depth) {
      StackTraceElement[] trace = t.getStackTrace();
      List<StackTraceElement> frames = new ArrayList<>();
      for (int i = 0; i < Math.min(trace.length, FRAME_LIMIT); i++) {
        frames.add(trace[i]);
      }
      Throwable cause = t.getCause();
      String message = t.getMessage();
      if (message != null && message.length() > MESSAGE_LIMIT_CHARS) {
        message = message.substring(0, MESSAGE_LIMIT_CHARS) + "...";
      }
      return new Thrown(
          t.getClass().getName(),
          message,
          frames,
          cause == null || cause == t || depth >= CAUSE_DEPTH_LIMIT ? null : of(cause, depth + 1));
    }

    void write(DataOutputStream out) throws IOException {
      Values.writeString(out, className);
      out.writeBoolean(message != null);
      if (message != null) {
        Values.writeString(out, message);
      }
      out.writeInt(frames.size());
      for (StackTraceElement frame : frames) {
        Values.writeString(out, frame.getClassName());
        Values.writeString(out, frame.getMethodName());
        out.writeBoolean(frame.getFileName() != null);
        if (frame.getFileName() != null) {
          Values.writeString(out, frame.getFileName());
        }
        out.writeInt(frame.getLineNumber());
      }
      out.writeBoolean(cause != null);
      if (cause != null) {
        cause.write(out);
      }
    }

    static Thrown read(DataInputStream in) throws IOException {
      return read(in, 0);
    }

    private static Thrown read(DataInputStream in, int depth) throws IOException {
      String className = Values.readString(in);
      String message = flag(in) ? Values.readString(in) : null;
      int count = in.readInt();
      if (count < 0 || count > FRAME_LIMIT) {
        throw new Values.WireException(count + " stack frames");
      }
      List<StackTraceElement> frames = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String declaring = Values.readString(in);
        String method = Values.readString(in);
        String file = flag(in) ? Values.readString(in) : null;
        frames.add(new StackTraceElement(declaring, method, file, in.readInt()));
      }
      Thrown cause = null;
      if (flag(in)) {
        if (depth >= CAUSE_DEPTH_LIMIT) {
          throw new Values.WireException("causes nested too deep");
        }
        cause = read(in, depth + 1);
      }
      return new Thrown(className, message, List.copyOf(frames), cause);
    }
  }

  static boolean flag(DataInputStream in) throws IOException {
    int flag = in.readUnsignedByte();
    if (flag > 1) {
      throw new Values.WireException("byte " + flag + " where a yes or no was due");
    }
    return flag == 1;
  }
}
