package dev.replab.engine.multileader;

import dev.replab.engine.api.ConflictResolver;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The application's conflict resolver for {@code conflicts custom}, called so that no resolver can
 * break a read: one that throws, returns null or runs longer than {@link #LIMIT_MS} of real time is
 * answered by last write wins, with a sentence saying why. One that ran too long is switched off,
 * because the thread it runs on cannot be stopped and must not be joined by another.
 */
final class Resolving {
  /** How long one call may take, in real milliseconds; a resolver only joins a few strings. */
  static final long LIMIT_MS = 1_000;

  private ConflictResolver resolver;
  private boolean tooSlow;
  private ExecutorService thread;

  /** What a resolver made of siblings, or the fallback and why. */
  record Resolved(String value, String note) {}

  void install(ConflictResolver resolver) {
    this.resolver = resolver;
    this.tooSlow = false;
  }

  ConflictResolver resolver() {
    return resolver;
  }

  boolean installed() {
    return resolver != null;
  }

  /** The value a read of {@code key} returns for {@code values}, or {@code lww} and why. */
  Resolved resolve(String key, List<String> values, String lww) {
    if (resolver == null) {
      return new Resolved(lww, "no resolver is installed, so last write wins decided");
    }
    if (tooSlow) {
      return new Resolved(
          lww,
          "the resolver was switched off after a call ran past "
              + LIMIT_MS
              + " ms, so last write wins decided; install a new one with cluster.resolveWith(...)");
    }
    if (thread == null) {
      thread =
          Executors.newSingleThreadExecutor(
              task -> {
                Thread t = new Thread(task, "replab-conflict-resolver");
                t.setDaemon(true);
                return t;
              });
    }
    ConflictResolver called = resolver;
    Future<String> answer = thread.submit(() -> called.resolve(key, List.copyOf(values)));
    try {
      String value = answer.get(LIMIT_MS, TimeUnit.MILLISECONDS);
      if (value == null) {
        return new Resolved(lww, "the resolver returned null, so last write wins decided");
      }
      return new Resolved(value, "resolved by your resolver from " + String.join(", ", values));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return new Resolved(
          lww,
          "the resolver threw "
              + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
              + ", so last write wins decided");
    } catch (TimeoutException e) {
      answer.cancel(true);
      thread.shutdownNow();
      thread = null;
      tooSlow = true;
      return new Resolved(
          lww,
          "the resolver ran past "
              + LIMIT_MS
              + " ms and was switched off, so last write wins decided");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Resolved(lww, "the read was interrupted, so last write wins decided");
    }
  }
}
