package dev.replab.exercises.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The part of the Java platform a learner's exercise code may use, checked on the compiled classes
 * before they run. An exercise needs the plug point's types and plain computation; it never needs
 * files, processes, the network, reflection, class loading or native code, and those are exactly
 * what code would use to reach outside the JVM the grader gives it (to edit the grader's files,
 * write results of its own, or look around the machine). Refusing them up front means the code
 * never gets to try.
 *
 * <p>The check is a list of what is allowed, not of what is forbidden: a class or member not named
 * here is refused, so a new JDK API cannot slip through. It reads the constant pool, which names
 * every class, field and method the code can touch, including those behind lambdas and method
 * references.
 */
final class ApiPolicy {
  /**
   * Packages whose top-level classes (and their nested classes) may be used, but for the exceptions
   * below.
   */
  private static final List<String> OPEN_PACKAGES =
      List.of(
          "java/lang/",
          "java/lang/ref/",
          "java/util/",
          "java/util/function/",
          "java/util/stream/",
          "java/util/concurrent/",
          "java/util/concurrent/atomic/",
          "java/util/concurrent/locks/",
          "java/util/regex/",
          "java/util/random/",
          "java/math/",
          "java/text/",
          "java/time/",
          "java/time/temporal/",
          "java/time/format/");

  /** Classes in those packages that reach outside the JVM, or into the JVM's own machinery. */
  private static final Set<String> CLOSED_CLASSES =
      Set.of(
          "java/lang/ProcessBuilder",
          "java/lang/Process",
          "java/lang/ProcessHandle",
          "java/lang/ClassLoader",
          "java/lang/Module",
          "java/lang/ModuleLayer",
          "java/lang/SecurityManager",
          "java/lang/Package",
          "java/lang/Compiler",
          "java/lang/ScopedValue",
          "java/util/ServiceLoader",
          "java/util/ResourceBundle",
          "java/util/PropertyResourceBundle",
          "java/util/ListResourceBundle",
          "java/util/Formatter",
          "java/util/Scanner");

  /** Classes of which only these members may be used (and none of their nested classes). */
  private static final Map<String, Set<String>> ONLY_MEMBERS =
      Map.of(
          "java/lang/System",
          Set.of(
              "out",
              "err",
              "exit",
              "nanoTime",
              "currentTimeMillis",
              "arraycopy",
              "identityHashCode",
              "lineSeparator",
              "getProperty",
              "gc"),
          "java/lang/Runtime",
          Set.of(
              "getRuntime",
              "availableProcessors",
              "freeMemory",
              "totalMemory",
              "maxMemory",
              "gc",
              "exit",
              "halt",
              "addShutdownHook",
              "removeShutdownHook"),
          "java/lang/Class",
          Set.of(
              "getName",
              "getSimpleName",
              "getTypeName",
              "getCanonicalName",
              "getPackageName",
              "toString",
              "hashCode",
              "equals",
              "isInstance",
              "cast",
              "desiredAssertionStatus",
              "isArray",
              "isPrimitive",
              "isEnum",
              "isRecord",
              "isInterface",
              "getEnumConstants"),
          "java/io/PrintStream",
          Set.of("print", "println", "printf", "format", "write", "flush", "append", "checkError"));

  /** Classes outside the open packages that may be used in full. */
  private static final Set<String> OPEN_CLASSES =
      Set.of("java/io/Serializable", "java/io/IOException", "java/io/UncheckedIOException");

  /**
   * The classes behind lambdas, string concatenation, records and switches: the compiler names
   * them, and calls only these bootstrap methods of theirs. Any other member is reflection by
   * another name.
   */
  private static final Map<String, Set<String>> BOOTSTRAPS =
      Map.of(
          "java/lang/invoke/LambdaMetafactory", Set.of("metafactory", "altMetafactory"),
          "java/lang/invoke/StringConcatFactory", Set.of("makeConcatWithConstants", "makeConcat"),
          "java/lang/runtime/ObjectMethods", Set.of("bootstrap"),
          "java/lang/runtime/SwitchBootstraps", Set.of("typeSwitch", "enumSwitch"),
          "java/lang/invoke/MethodHandles$Lookup", Set.of(),
          "java/lang/invoke/MethodHandles", Set.of(),
          "java/lang/invoke/MethodHandle", Set.of(),
          "java/lang/invoke/MethodType", Set.of(),
          "java/lang/invoke/CallSite", Set.of());

  /** The engine's own implementations of the plug points: using them is not doing the exercise. */
  private static final List<String> ENGINE_ANSWERS =
      List.of(
          "dev/replab/engine/api/Standard",
          "dev/replab/engine/api/EpochFence",
          "dev/replab/engine/api/SessionGuarantees",
          "dev/replab/engine/api/TimeoutDetector",
          "dev/replab/engine/api/UpToDateVoteRule");

  private static final String ENGINE_API = "dev/replab/engine/api/";

  private static final String LEARNER_PACKAGES = "dev/replab/exercises/ex";

  private ApiPolicy() {}

  /**
   * The first use of something a learner's code may not use, as a sentence, or null when every
   * class under {@code classesDir} keeps to the policy.
   */
  static String firstViolation(Path classesDir) throws IOException {
    try (Stream<Path> files = Files.walk(classesDir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String violation = violation(ClassFile.read(Files.readAllBytes(file)));
        if (violation != null) {
          return violation;
        }
      }
    }
    return null;
  }

  /** The first use in one class that the policy refuses, as a sentence, or null. */
  static String violation(ClassFile type) {
    String user = type.name().replace('/', '.');
    if (!type.nativeMethods().isEmpty()) {
      return user
          + " declares the native method "
          + type.nativeMethods().get(0)
          + "; exercise code must be plain Java";
    }
    for (String used : type.classes()) {
      String why = refusal(used, null);
      if (why != null) {
        return sentence(user, used, null, why);
      }
    }
    for (ClassFile.MemberRef member : type.members()) {
      String why = refusal(member.owner(), member.name());
      if (why != null) {
        return sentence(user, member.owner(), member.name(), why);
      }
    }
    return null;
  }

  /**
   * Why using a class (or one of its members, when {@code member} is given) is refused, or null.
   */
  private static String refusal(String owner, String member) {
    if (owner.startsWith(LEARNER_PACKAGES)) {
      return null;
    }
    for (String answer : ENGINE_ANSWERS) {
      if (owner.startsWith(answer)) {
        return "engine";
      }
    }
    String outer = outerClass(owner);
    if (owner.startsWith("dev/replab/")) {
      return isTopLevelIn(outer, ENGINE_API) ? null : "simulator";
    }
    if (BOOTSTRAPS.containsKey(owner)) {
      return member == null || BOOTSTRAPS.get(owner).contains(member) ? null : "platform";
    }
    if (ONLY_MEMBERS.containsKey(outer)) {
      if (!outer.equals(owner)) {
        return "platform";
      }
      return member == null || ONLY_MEMBERS.get(outer).contains(member) ? null : "platform";
    }
    if (OPEN_CLASSES.contains(outer)) {
      return null;
    }
    if (CLOSED_CLASSES.contains(outer)) {
      return "platform";
    }
    for (String open : OPEN_PACKAGES) {
      if (isTopLevelIn(outer, open)) {
        return null;
      }
    }
    return "platform";
  }

  /** Whether the class lives directly in the package, not in one of its subpackages. */
  private static boolean isTopLevelIn(String className, String packagePrefix) {
    return className.startsWith(packagePrefix)
        && className.indexOf('/', packagePrefix.length()) < 0;
  }

  /** {@code java/util/Map} for {@code java/util/Map$Entry}. */
  private static String outerClass(String className) {
    int slash = className.lastIndexOf('/');
    int dollar = className.indexOf('$', slash + 1);
    return dollar < 0 ? className : className.substring(0, dollar);
  }

  private static String sentence(String user, String owner, String member, String why) {
    String used = owner.replace('/', '.') + (member == null ? "" : "." + member);
    return switch (why) {
      case "engine" ->
          user
              + " uses the engine's own "
              + owner.replace('/', '.')
              + "; write the rule yourself instead";
      case "simulator" ->
          user
              + " uses "
              + used
              + ", which belongs to the simulator or the grader; exercise code may use the plug point's types in"
              + " dev.replab.engine.api and nothing else of the engine";
      default ->
          user
              + " uses "
              + used
              + ", which exercise code may not use: it gets the core of the JDK (java.lang,"
              + " java.util, java.math, java.time, java.text) and nothing that reaches outside its"
              + " JVM (files, processes, the network, reflection, class loading)";
    };
  }
}
