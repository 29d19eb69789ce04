package org.polyphony.opinions.analysis;

import java.util.List;

/**
 * One opinion group.
 *
 * @param id 0 for the group of the participant with the lowest id, then in order of each group's lowest id
 * @param x centre of its members on the map
 * @param representatives at most five statements, most representative first
 */
public record OpinionGroup(int id, int size, double x, double y, List<RepresentativeStatement> representatives) {

    public OpinionGroup {
        representatives = List.copyOf(representatives);
    }
}
