package org.polyphony.opinions.analysis;

/**
 * A statement most participants agree (or disagree) with.
 *
 * @param probability (votes of that stance + 1) / (votes + 2) over every participant
 * @param z how surely it is more than one half (one-proportion test)
 */
public record ConsensusStatement(int statementId, Stance stance, double probability, double z) {}
