package dev.replab.lessons;

import java.util.List;

/**
 * A notebook lesson: a cluster scenario the learner runs cell by cell, from a fixed seed so that
 * every run shows the same lag, the same latencies and the same lost writes.
 *
 * @param id the file name without {@code .yaml}, such as {@code 01-why-replicate}
 * @param title the lesson's title
 * @param seed the seed of the lesson's session
 * @param objectives what the learner will be able to do or explain afterwards
 * @param cells prose, commands to run, Java snippets, prompts and quizzes, in order
 */
public record Lesson(
    String id, String title, long seed, List<String> objectives, List<Cell> cells) {
  public Lesson {
    objectives = List.copyOf(objectives);
    cells = List.copyOf(cells);
  }

  /** The number in front of the id ({@code 01}), or the whole id when it has none. */
  public String number() {
    int dash = id.indexOf('-');
    return dash < 0 ? id : id.substring(0, dash);
  }
}
