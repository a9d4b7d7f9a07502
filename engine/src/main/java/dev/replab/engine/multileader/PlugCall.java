package dev.replab.engine.multileader;

import dev.replab.engine.api.PlugInError;
import java.util.function.Supplier;

/** Calls into a plugged-in class, turning what it throws into a sentence naming it and the call. */
final class PlugCall {
  private PlugCall() {}

  /**
   * @param plugIn what the plug-in is, like {@code the counter PnCounter}
   * @param call the call as a reader should see it, like {@code merge([eu:1], [us:2])}
   */
  static <T> T guarded(String plugIn, String call, Supplier<T> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      throw new PlugInError(plugIn + " threw " + e + " for " + call, e);
    }
  }
}
