package org.polyphony.research;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polyphony.translation.TranslatableTexts;
import org.springframework.stereotype.Component;

/**
 * Publication abstracts volunteers may translate: every publication of the library is public, so any stored
 * abstract, offered with the publication's page, which shows the abstract in the reader's language. Titles are not
 * offered: they are not handed to translation, and the page shows them as written, so a translated title would be
 * shown nowhere.
 */
@Component
class ResearchTranslatableTexts implements TranslatableTexts {

    private final Library library;

    ResearchTranslatableTexts(Library library) {
        this.library = library;
    }

    @Override
    public Collection<String> kinds() {
        return List.of(Library.ABSTRACT);
    }

    @Override
    public Map<Long, String> translatable(String kind, Collection<Long> ids) {
        Map<Long, String> found = new LinkedHashMap<>();
        if (!Library.ABSTRACT.equals(kind)) {
            return found;
        }
        Set<Long> readable = library.withAbstract(ids);
        for (long id : ids) {
            if (readable.contains(id)) {
                found.put(id, "/research/library/" + id);
            }
        }
        return found;
    }

    @Override
    public String kindLabel(String kind) {
        return "volunteers.kind.researchAbstract";
    }
}
