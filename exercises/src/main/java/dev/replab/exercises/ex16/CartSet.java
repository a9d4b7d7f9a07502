package dev.replab.exercises.ex16;

import dev.replab.engine.api.SetCrdt;
import java.util.List;

/**
 * Exercise 16: a shopping cart that datacenters change at once and that merges without losing an
 * add or bringing back a removed item: an add-wins observed-remove set.
 *
 * <p>The task is in {@code exercises/ex16-shopping-cart/README.adoc}. Replace the bodies of the
 * four methods; you may add fields, methods and classes in this package. Grade your work with
 * {@code ./replab grade ex16}.
 */
public final class CartSet implements SetCrdt {

  @Override
  public State add(State state, String dc, String element) {
    throw new UnsupportedOperationException("Exercise 16: CartSet.add is not written yet");
  }

  @Override
  public State remove(State state, String element) {
    throw new UnsupportedOperationException("Exercise 16: CartSet.remove is not written yet");
  }

  @Override
  public State merge(State a, State b) {
    throw new UnsupportedOperationException("Exercise 16: CartSet.merge is not written yet");
  }

  @Override
  public List<String> elements(State state) {
    throw new UnsupportedOperationException("Exercise 16: CartSet.elements is not written yet");
  }
}
