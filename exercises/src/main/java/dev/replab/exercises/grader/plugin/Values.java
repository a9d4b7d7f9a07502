package dev.replab.exercises.grader.plugin;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the values that cross between the grader and the JVM running a learner's code:
 * the arguments and answers of the plug points' small interfaces. A value is written by its
 * declared type, never by what it says about itself, so the reader always knows what to expect and
 * rejects anything else.
 *
 * <p>The types that can cross: primitives and their boxes, strings, enums, records of such types,
 * sealed interfaces whose permitted classes are such records, and lists of them. That is all the
 * plug points in {@code dev.replab.engine.api} use.
 */
public final class Values {
  /** Longer strings are refused: no answer of a plug point needs more. */
  static final int STRING_LIMIT_BYTES = 1 << 20;

  /** Longer lists are refused. */
  static final int LIST_LIMIT = 1 << 20;

  private Values() {}

  /**
   * Whether a value of this type can cross, with the reason when it cannot.
   *
   * @return null when it can, otherwise a phrase saying which part cannot
   */
  public static String unsupported(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      if (parameterized.getRawType() != List.class) {
        return type.getTypeName();
      }
      return unsupported(parameterized.getActualTypeArguments()[0]);
    }
    if (!(type instanceof Class<?> c)) {
      return type.getTypeName();
    }
    if (c.isPrimitive() || isBox(c) || c == String.class || c.isEnum()) {
      return null;
    }
    if (c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        String inner = unsupported(component.getGenericType());
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    if (c.isSealed() && c.isInterface()) {
      for (Class<?> permitted : c.getPermittedSubclasses()) {
        String inner = permitted.isRecord() ? unsupported(permitted) : permitted.getName();
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    return c.getName();
  }

  private static boolean isBox(Class<?> c) {
    return c == Boolean.class
        || c == Byte.class
        || c == Short.class
        || c == Character.class
        || c == Integer.class
        || c == Long.class
        || c == Float.class
        || c == Double.class;
  }

  /** Writes {@code value} as a value of {@code type}. */
  public static void write(DataOutputStream out, Type type, Object value) throws IOException {
    if (type == void.class || type == Void.class) {
      return;
    }
    if (type instanceof Class<?> c && c.isPrimitive()) {
      writePrimitive(out, c, value);
      return;
    }
    if (value == null) {
      out.writeBoolean(false);
      return;
    }
    out.writeBoolean(true);
    if (type instanceof ParameterizedType list) {
      List<?> items = (List<?>) value;
      Type element = list.getActualTypeArguments()[0];
      List<Object> copy = new ArrayList<>(items);
      out.writeInt(copy.size());
      for (Object item : copy) {
        write(out, element, item);
      }
      return;
    }
    Class<?> c = (Class<?>) type;
    if (isBox(c)) {
      writePrimitive(out, unbox(c), value);
    } else if (c == String.class) {
      writeString(out, (String) value);
    } else if (c.isEnum()) {
      writeString(out, ((Enum<?>) value).name());
    } else if (c.isRecord()) {
      writeRecord(out, c, value);
    } else if (c.isSealed()) {
      Class<?> actual = value.getClass();
      if (!actual.isRecord() || !List.of(c.getPermittedSubclasses()).contains(actual)) {
        throw new IllegalArgumentException(actual.getName() + " is not one of " + c.getName());
      }
      writeString(out, actual.getName());
      writeRecord(out, actual, value);
    } else {
      throw new IllegalArgumentException("a " + c.getName() + " cannot cross");
    }
  }

  private static void writeRecord(DataOutputStream out, Class<?> c, Object value)
      throws IOException {
    try {
      for (RecordComponent component : c.getRecordComponents()) {
        write(out, component.getGenericType(), component.getAccessor().invoke(value));
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e.getCause());
    }
  }

  private static void writePrimitive(DataOutputStream out, Class<?> c, Object value)
      throws IOException {
    if (c == boolean.class) {
      out.writeBoolean((Boolean) value);
    } else if (c == byte.class) {
      out.writeByte((Byte) value);
    } else if (c == short.class) {
      out.writeShort((Short) value);
    } else if (c == char.class) {
      out.writeChar((Character) value);
    } else if (c == int.class) {
      out.writeInt((Integer) value);
    } else if (c == long.class) {
      out.writeLong((Long) value);
    } else if (c == float.class) {
      out.writeFloat((Float) value);
    } else {
      out.writeDouble((Double) value);
    }
  }

  /** Writes a string with its length, refusing one longer than the limit. */
  public static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > STRING_LIMIT_BYTES) {
      bytes = value.substring(0, STRING_LIMIT_BYTES / 4).getBytes(StandardCharsets.UTF_8);
    }
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /**
   * Reads a value of {@code type}.
   *
   * @throws WireException when the bytes are not a value of that type
   */
  public static Object read(DataInputStream in, Type type) throws IOException {
    if (type == void.class || type == Void.class) {
      return null;
    }
    if (type instanceof Class<?> c && c.isPrimitive()) {
      return readPrimitive(in, c);
    }
    if (!readFlag(in)) {
      return null;
    }
    if (type instanceof ParameterizedType list) {
      int size = in.readInt();
      if (size < 0 || size > LIST_LIMIT) {
        throw new WireException("a list of " + size + " elements");
      }
      Type element = list.getActualTypeArguments()[0];
      List<Object> items = new ArrayList<>(Math.min(size, 1024));
      for (int i = 0; i < size; i++) {
        items.add(read(in, element));
      }
      return java.util.Collections.unmodifiableList(items);
    }
    Class<?> c = (Class<?>) type;
    if (isBox(c)) {
      return readPrimitive(in, unbox(c));
    }
    if (c == String.class) {
      return readString(in);
    }
    if (c.isEnum()) {
      String name = readString(in);
      for (Object constant : c.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(name)) {
          return constant;
        }
      }
      throw new WireException("no " + c.getSimpleName() + " named '" + name + "'");
    }
    if (c.isRecord()) {
      return readRecord(in, c);
    }
    if (c.isSealed()) {
      String name = readString(in);
      for (Class<?> permitted : c.getPermittedSubclasses()) {
        if (permitted.getName().equals(name) && permitted.isRecord()) {
          return readRecord(in, permitted);
        }
      }
      throw new WireException("'" + name + "' is not a kind of " + c.getSimpleName());
    }
    throw new IllegalArgumentException("a " + c.getName() + " cannot cross");
  }

  private static boolean readFlag(DataInputStream in) throws IOException {
    int flag = in.readUnsignedByte();
    if (flag > 1) {
      throw new WireException("byte " + flag + " where a value or null was due");
    }
    return flag == 1;
  }

  private static Object readRecord(DataInputStream in, Class<?> c) throws IOException {
    RecordComponent[] components = c.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = read(in, components[i].getGenericType());
      types[i] = components[i].getType();
    }
    try {
      Constructor<?> canonical = c.getDeclaredConstructor(types);
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      // The record's own checks refused the values: that is an answer the plug point forbids.
      throw new WireException(
          "a " + c.getSimpleName() + " its own checks refuse: " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make a " + c.getName(), e);
    }
  }

  private static Object readPrimitive(DataInputStream in, Class<?> c) throws IOException {
    if (c == boolean.class) {
      return readFlag(in);
    } else if (c == byte.class) {
      return in.readByte();
    } else if (c == short.class) {
      return in.readShort();
    } else if (c == char.class) {
      return in.readChar();
    } else if (c == int.class) {
      return in.readInt();
    } else if (c == long.class) {
      return in.readLong();
    } else if (c == float.class) {
      return in.readFloat();
    } else {
      return in.readDouble();
    }
  }

  /** Reads a string written by {@link #writeString}. */
  public static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > STRING_LIMIT_BYTES) {
      throw new WireException("a string of " + length + " bytes");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Class<?> unbox(Class<?> box) {
    if (box == Boolean.class) {
      return boolean.class;
    } else if (box == Byte.class) {
      return byte.class;
    } else if (box == Short.class) {
      return short.class;
    } else if (box == Character.class) {
      return char.class;
    } else if (box == Integer.class) {
      return int.class;
    } else if (box == Long.class) {
      return long.class;
    } else if (box == Float.class) {
      return float.class;
    }
    return double.class;
  }

  /** Bytes that are not what the channel expected at that point. */
  public static final class WireException extends IOException {
    private static final long serialVersionUID = 1L;

    public WireException(String message) {
      super(message);
    }
  }
}
