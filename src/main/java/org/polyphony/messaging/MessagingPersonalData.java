package org.polyphony.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PersonalDataSource;
import org.springframework.stereotype.Component;

/** A person's conversations, settings and blocks, for their data download (section "messages"). */
@Component
class MessagingPersonalData implements PersonalDataSource {

    private final MessagingManagement messaging;

    MessagingPersonalData(MessagingManagement messaging) {
        this.messaging = messaging;
    }

    @Override
    public String section() {
        return "messages";
    }

    @Override
    public Object dataOf(AccountId account) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("acceptsMessages", messaging.accepts(account));
        data.put(
                "blocked",
                messaging.blocked(account).stream()
                        .map(MessagingViews.Blocked::name)
                        .toList());
        data.put("conversations", messaging.export(account));
        return data;
    }
}
