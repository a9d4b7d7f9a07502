package dev.replab.repl;

import dev.replab.engine.FrameSink;
import java.util.List;
import org.jline.terminal.Terminal;

/**
 * Draws {@code watch} frames in place on a real terminal, one every {@link FrameSink#FRAME_MS} real
 * milliseconds, moving the cursor back up over the previous frame. Ctrl-C stops the watch through
 * the session's interrupt; the simulation stays where it got to.
 */
final class WatchAnimation implements FrameSink {
  private final Terminal terminal;
  private int drawn;
  private long lastNanos;
  private volatile boolean watching;
  private volatile boolean stopRequested;

  WatchAnimation(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public boolean frame(List<String> lines, long nowUs, long stepUs) {
    watching = true;
    if (stopRequested) {
      stopRequested = false;
      return false;
    }
    pace();
    StringBuilder out = new StringBuilder();
    if (drawn > 0) {
      out.append("\u001b[").append(drawn).append('A');
    }
    int width = Math.max(20, terminal.getWidth() - 1);
    for (String line : lines) {
      out.append('\r')
          .append(line.length() > width ? line.substring(0, width) : line)
          .append("\u001b[K\n");
    }
    terminal.writer().print(out);
    terminal.writer().flush();
    drawn = lines.size();
    return true;
  }

  /** Waits out the rest of this frame's time on screen: the watch runs at a chosen real speed. */
  private void pace() {
    long now = System.nanoTime();
    long due = lastNanos + FRAME_MS * 1_000_000;
    if (lastNanos != 0 && now < due) {
      try {
        Thread.sleep((due - now) / 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lastNanos = System.nanoTime();
  }

  /** Forgets the last frame so that the next watch starts below the prompt. */
  void reset() {
    drawn = 0;
    lastNanos = 0;
    watching = false;
    stopRequested = false;
  }

  /**
   * Ctrl-C while a watch is drawing: ends the watch at the next frame and nothing else, so a
   * background load keeps running. Returns false when no watch is drawing.
   */
  boolean stopWatching() {
    if (!watching) {
      return false;
    }
    stopRequested = true;
    return true;
  }
}
