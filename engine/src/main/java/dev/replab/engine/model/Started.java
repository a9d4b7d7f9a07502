package dev.replab.engine.model;

import dev.replab.engine.command.Result;
import dev.replab.engine.history.Operation;
import java.util.function.Supplier;

/**
 * A client operation a model has sent on its way: the operation, and how to describe it once it has
 * its answer. Starting and describing apart lets several operations start at one instant.
 *
 * @param op the operation in the history
 * @param result describes the finished operation; call it only once the operation has ended
 */
public record Started(Operation op, Supplier<Result> result) {}
