package org.polyphony.opinions.analysis;

/**
 * A vote as cast, with when.
 *
 * @param timestamp milliseconds since the epoch
 * @param vote {@code 1} agree, {@code -1} disagree, {@code 0} pass
 */
public record TimedVote(long timestamp, long participantId, int statementId, int vote) {}
