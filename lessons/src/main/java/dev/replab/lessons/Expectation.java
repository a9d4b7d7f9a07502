package dev.replab.lessons;

/**
 * One assertion on the result of one line of a run cell.
 *
 * @param command the line it checks, from 1; on a line with several commands, the last one
 * @param check what must hold
 * @param at where the assertion is written
 */
public record Expectation(int command, Check check, Position at) {}
