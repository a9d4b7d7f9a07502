package dev.replab.exercises.grader;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a compiled class refers to, read from its constant pool: the classes it names and the fields
 * and methods of other classes it uses, plus its own methods' flags. That is all the grader needs
 * to decide whether a learner's class stays within the API it may use, without loading it.
 *
 * @param name the class's own name, in internal form ({@code dev/replab/exercises/ex01/X})
 * @param classes every class named in the constant pool, in internal form, arrays unwrapped
 * @param members every field and method of another class the code refers to
 * @param nativeMethods the names of the class's own methods declared {@code native}
 */
record ClassFile(
    String name, List<String> classes, List<MemberRef> members, List<String> nativeMethods) {

  /** A field or method the code refers to: its class (internal form), its name and descriptor. */
  record MemberRef(String owner, String name, String descriptor) {}

  private static final int MAGIC = 0xCAFEBABE;
  private static final int ACC_NATIVE = 0x0100;

  /** Reads a class file; a file that is not one is an {@link IOException}. */
  static ClassFile read(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    Object[] pool = new Object[count];
    int[][] refs = new int[count][];
    int[] tags = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      tags[i] = tag;
      switch (tag) {
        case 1 -> pool[i] = in.readUTF();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
        case 9, 10, 11, 12, 17, 18 ->
            refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 15 -> refs[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
        default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
      }
    }
    in.readUnsignedShort();
    String name = (String) pool[refs[in.readUnsignedShort()][0]];
    List<String> classes = new ArrayList<>();
    List<MemberRef> members = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (tags[i] == 7) {
        String named = unwrapArray((String) pool[refs[i][0]]);
        if (named != null) {
          classes.add(named);
        }
      } else if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {
        String owner = unwrapArray((String) pool[refs[refs[i][0]][0]]);
        int[] nameAndType = refs[refs[i][1]];
        if (owner != null) {
          members.add(
              new MemberRef(owner, (String) pool[nameAndType[0]], (String) pool[nameAndType[1]]));
        }
      }
    }
    in.readUnsignedShort();
    int interfaces = in.readUnsignedShort();
    for (int i = 0; i < interfaces; i++) {
      in.readUnsignedShort();
    }
    skipMembers(in, null, pool);
    List<String> nativeMethods = new ArrayList<>();
    skipMembers(in, nativeMethods, pool);
    return new ClassFile(name, classes, members, nativeMethods);
  }

  /** Reads past the fields or methods; for methods, collects those declared native. */
  private static void skipMembers(DataInputStream in, List<String> natives, Object[] pool)
      throws IOException {
    int count = in.readUnsignedShort();
    for (int i = 0; i < count; i++) {
      int flags = in.readUnsignedShort();
      String memberName = (String) pool[in.readUnsignedShort()];
      in.readUnsignedShort();
      if (natives != null && (flags & ACC_NATIVE) != 0) {
        natives.add(memberName);
      }
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        in.readUnsignedShort();
        in.skipBytes(in.readInt());
      }
    }
  }

  /**
   * The class an array descriptor holds ({@code [[Ljava/io/File;} is {@code java/io/File}), the
   * name itself when it is not an array, and null for an array of primitives.
   */
  private static String unwrapArray(String name) {
    if (!name.startsWith("[")) {
      return name;
    }
    String element = name.replaceFirst("^\\[+", "");
    return element.startsWith("L") && element.endsWith(";")
        ? element.substring(1, element.length() - 1)
        : null;
  }
}
