package dev.replab.book;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.extension.JavaExtensionRegistry;

/** Registers every replab extension with an Asciidoctor instance. */
public final class ReplabExtensions {
  private ReplabExtensions() {}

  public static void register(Asciidoctor asciidoctor) {
    JavaExtensionRegistry registry = asciidoctor.javaExtensionRegistry();
    registry.block(ReplabBlock.class);
    registry.blockMacro(ReplabMacro.class);
    registry.includeProcessor(LessonInclude.class);
    registry.block(SpaceTimeBlock.class);
    registry.block(PlotBlock.class);
    registry.blockMacro(RaceMacro.class);
  }
}
