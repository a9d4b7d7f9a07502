package dev.replab.engine;

import java.util.List;

/**
 * Receives the frames of {@code watch} as simulated time passes, so that a terminal can animate
 * them. Without a sink, {@code watch} prints a few snapshots instead.
 */
public interface FrameSink {
  /**
   * Shows one frame.
   *
   * @param lines the frame's lines
   * @param nowUs simulated time
   * @param stepUs how much simulated time passes between frames
   * @return false to stop watching (Ctrl-C); time stays where it got to
   */
  boolean frame(List<String> lines, long nowUs, long stepUs);

  /** How long, in real milliseconds, one frame stays on screen at speed 1. */
  long FRAME_MS = 50;
}
