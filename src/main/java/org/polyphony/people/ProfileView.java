package org.polyphony.people;

import java.util.List;

/**
 * A profile as one viewer may see it: a field the viewer may not see is null (lists: empty), never the owner's
 * value. Pages and the API show only this.
 *
 * @param photo whether there is a photo the viewer may see, at {@code /people/{id}/photo}
 * @param own whether the viewer is the profile's owner (then every field is filled, with its visibility)
 */
public record ProfileView(
        long id,
        String displayName,
        String bio,
        List<String> languages,
        List<String> countries,
        List<String> themes,
        List<String> links,
        boolean photo,
        @com.fasterxml.jackson.annotation.JsonIgnore boolean own) {}
