package org.polyphony.consultation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PersonalDataSource;
import org.springframework.stereotype.Component;

/** A person's comments on drafts and replies to comments, with what became of them, for their own data download. */
@Component
class ConsultationPersonalData implements PersonalDataSource {

    private final ConsultationStore store;

    ConsultationPersonalData(ConsultationStore store) {
        this.store = store;
    }

    @Override
    public String section() {
        return "consultation";
    }

    @Override
    public Object dataOf(AccountId account) {
        List<Map<String, Object>> comments = store.allOfAuthor(account.value()).stream()
                .map(c -> {
                    Map<String, Object> comment = new LinkedHashMap<>();
                    comment.put("written", c.createdAt().toString());
                    comment.put("reply", c.parentId() != null);
                    comment.put("passage", c.passage());
                    comment.put("comment", c.body());
                    comment.put("proposedWording", c.proposal());
                    comment.put("decision", c.decision());
                    comment.put("reason", c.reason());
                    return comment;
                })
                .toList();
        return comments.isEmpty() ? null : Map.of("comments", comments);
    }
}
