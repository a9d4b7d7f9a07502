package dev.replab.exercises.grader.plugin;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class of a plug-in JVM: the only JVM in which a learner's code runs. It makes the
 * learner's objects and calls their methods when the grader asks, and answers with what they
 * returned or threw, in {@link Wire} frames on its standard output.
 *
 * <p>Nothing here decides anything. The graded tests, the simulated cluster they drive and every
 * verdict live in the grader's own JVM, which this one cannot reach: whatever the learner's code
 * does in here (exits, loops, prints, writes bytes of its own to the channel) can only turn into a
 * wrong or missing answer to one call.
 */
public final class PluginHost {
  private static final String EXERCISE_PACKAGES = "dev.replab.exercises.ex";

  private final DataInputStream requests;
  private final OutputStream channel;
  private final Capture printed;
  private final List<Object> objects = new ArrayList<>();

  private PluginHost(DataInputStream requests, OutputStream channel, Capture printed) {
    this.requests = requests;
    this.channel = channel;
    this.printed = printed;
  }

  public static void main(String[] args) throws IOException {
    DataInputStream requests =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    OutputStream channel = new FileOutputStream(FileDescriptor.out);
    // What the learner's code prints is kept with the answer of the call that printed it; the
    // learner's code reads an empty standard input.
    Capture printed = new Capture(Wire.OUTPUT_LIMIT_CHARS);
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    System.setIn(new ByteArrayInputStream(new byte[0]));
    new PluginHost(requests, channel, printed).serve();
    // halt, not exit: threads the learner's code left behind must not keep this JVM alive.
    Runtime.getRuntime().halt(0);
  }

  private void serve() throws IOException {
    while (true) {
      int kind;
      try {
        kind = requests.readUnsignedByte();
      } catch (EOFException e) {
        return;
      }
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      DataOutputStream answer = new DataOutputStream(frame);
      switch (kind) {
        case Wire.NEW -> construct(answer);
        case Wire.CALL -> call(answer);
        default -> throw new IOException("unknown request " + kind);
      }
      Values.writeString(answer, printed.takeText());
      answer.flush();
      synchronized (channel) {
        channel.write(frame.toByteArray());
        channel.flush();
      }
    }
  }

  private void construct(DataOutputStream answer) throws IOException {
    String className = Values.readString(requests);
    List<String> typeNames = Wire.readTypeNames(requests);
    Class<?>[] types = resolve(typeNames);
    Object[] args = readArgs(types);
    try {
      if (!className.startsWith(EXERCISE_PACKAGES)) {
        throw new IllegalArgumentException(className + " is not an exercise's class");
      }
      Class<?> type = Class.forName(className, true, ClassLoader.getSystemClassLoader());
      Constructor<?> constructor = type.getConstructor(types);
      Object made = invoke(constructor, null, args);
      objects.add(made);
      answer.writeByte(Wire.RETURNED);
      answer.writeInt(objects.size() - 1);
    } catch (NoSuchMethodException e) {
      threw(
          answer,
          new NoSuchMethodError(
              simpleName(className)
                  + " has no public constructor "
                  + simpleName(className)
                  + "("
                  + String.join(", ", typeNames)
                  + "); keep the constructor the exercise gave you"));
    } catch (Throwable t) {
      threw(answer, unwrap(t));
    }
  }

  private void call(DataOutputStream answer) throws IOException {
    int handle = requests.readInt();
    String interfaceName = Values.readString(requests);
    String methodName = Values.readString(requests);
    Class<?>[] types = resolve(Wire.readTypeNames(requests));
    Method method;
    try {
      method = Class.forName(interfaceName).getMethod(methodName, types);
    } catch (ReflectiveOperationException e) {
      throw new IOException("no method " + interfaceName + "." + methodName, e);
    }
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = Values.read(requests, method.getGenericParameterTypes()[i]);
    }
    try {
      if (handle < 0 || handle >= objects.size()) {
        throw new IllegalStateException("no object " + handle);
      }
      Object result = invoke(method, objects.get(handle), args);
      // Written aside first: a value that cannot cross becomes an exception, not half a frame.
      ByteArrayOutputStream value = new ByteArrayOutputStream();
      Values.write(new DataOutputStream(value), method.getGenericReturnType(), result);
      answer.writeByte(Wire.RETURNED);
      answer.write(value.toByteArray());
    } catch (Throwable t) {
      threw(answer, unwrap(t));
    }
  }

  private static Object invoke(Executable target, Object receiver, Object[] args) throws Throwable {
    try {
      if (target instanceof Constructor<?> constructor) {
        return constructor.newInstance(args);
      }
      return ((Method) target).invoke(receiver, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
  }

  private static void threw(DataOutputStream answer, Throwable t) throws IOException {
    answer.writeByte(Wire.THREW);
    Wire.Thrown.of(t).write(answer);
  }

  private Object[] readArgs(Class<?>[] types) throws IOException {
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = Values.read(requests, types[i]);
    }
    return args;
  }

  private static Class<?>[] resolve(List<String> names) throws IOException {
    Class<?>[] types = new Class<?>[names.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = primitive(names.get(i));
      if (types[i] == null) {
        try {
          types[i] = Class.forName(names.get(i), false, PluginHost.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new IOException("no type " + names.get(i), e);
        }
      }
    }
    return types;
  }

  private static Class<?> primitive(String name) {
    return switch (name) {
      case "boolean" -> boolean.class;
      case "byte" -> byte.class;
      case "short" -> short.class;
      case "char" -> char.class;
      case "int" -> int.class;
      case "long" -> long.class;
      case "float" -> float.class;
      case "double" -> double.class;
      default -> null;
    };
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** Keeps the first characters printed since the last answer and counts the rest. */
  static final class Capture extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    Capture(int limit) {
      this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
      if (kept.size() < limit) {
        kept.write(b);
      } else {
        dropped++;
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      int room = Math.max(0, Math.min(length, limit - kept.size()));
      kept.write(bytes, offset, room);
      dropped += length - room;
    }

    synchronized String takeText() {
      String text = kept.toString(StandardCharsets.UTF_8);
      if (dropped > 0) {
        text += "\n[... " + dropped + " more bytes of output dropped]\n";
      }
      kept.reset();
      dropped = 0;
      return text;
    }
  }
}
