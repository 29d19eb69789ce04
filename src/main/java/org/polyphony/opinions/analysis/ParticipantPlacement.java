package org.polyphony.opinions.analysis;

import java.util.OptionalInt;

/**
 * Where a participant stands on the opinion map.
 *
 * @param x position on the first principal component
 * @param y position on the second principal component
 * @param group the opinion group, empty when the participant voted too little to be clustered or no groups formed
 */
public record ParticipantPlacement(long participantId, double x, double y, OptionalInt group) {}
