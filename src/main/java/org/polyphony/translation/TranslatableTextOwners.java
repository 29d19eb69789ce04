package org.polyphony.translation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The modules that own translatable texts, asked which of their texts volunteers may translate now. */
@Component
class TranslatableTextOwners {

    // looked up when asked, not at start: owners use this module's services themselves
    private final org.springframework.beans.factory.ObjectProvider<TranslatableTexts> provider;

    TranslatableTextOwners(org.springframework.beans.factory.ObjectProvider<TranslatableTexts> provider) {
        this.provider = provider;
    }

    private List<TranslatableTexts> owners() {
        return provider.orderedStream().toList();
    }

    List<String> kinds() {
        return owners().stream().flatMap(o -> o.kinds().stream()).toList();
    }

    Map<Long, String> translatable(String kind, Collection<Long> ids) {
        return owner(kind).map(o -> o.translatable(kind, ids)).orElse(Map.of());
    }

    /** The address where readers see a text, when anyone may read it and volunteers may translate it. */
    Optional<String> address(TextRef ref) {
        return Optional.ofNullable(translatable(ref.kind(), List.of(ref.id())).get(ref.id()));
    }

    boolean wanted(TextRef ref, String target) {
        return owner(ref.kind())
                .map(o -> o.wanted(ref.kind(), ref.id(), target))
                .orElse(false);
    }

    String kindLabel(String kind) {
        return owner(kind).map(o -> o.kindLabel(kind)).orElse("volunteers.kind.text");
    }

    private Optional<TranslatableTexts> owner(String kind) {
        return owners().stream().filter(o -> o.kinds().contains(kind)).findFirst();
    }
}
