package dev.replab.lessons;

/**
 * A number or name in lesson prose that comes from the run cell before it instead of being typed by
 * hand: {@code {{3.behind_entries}}} is the {@code behind_entries} field of what line 3 of the
 * previous run cell produced, {@code {{offset}}} that of its last line. Fields are the command's
 * JSON fields ({@code --json} shows them); {@code nodes[n2].applied} picks a row by its id or node,
 * {@code acked_by.size} counts a list, and {@code latency_ms:0} rounds to no decimals and {@code
 * stale_share:%1} shows a share as a percentage with one decimal.
 *
 * @param source the placeholder as written, braces included
 * @param line the line of the previous run cell it reads, from 1; 0 for that cell's last line
 * @param path the field, as dot-separated steps
 * @param decimals how many decimals a number is shown with, or -1 for as many as it needs (at most
 *     two)
 * @param percent whether a share (0.25) is shown as a percentage (25)
 * @param at where the placeholder is written
 */
public record Placeholder(
    String source, int line, String path, int decimals, boolean percent, Position at) {}
