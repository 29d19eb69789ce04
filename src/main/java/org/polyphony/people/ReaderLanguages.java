package org.polyphony.people;

import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.languages.ReadingLanguages;
import org.springframework.stereotype.Component;

/** The languages a reader reads: those their account declares, else the interface language. */
@Component
class ReaderLanguages {

    private final AccountDirectory accounts;

    ReaderLanguages(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    List<String> of(Locale locale) {
        return accounts.readerLanguages(locale);
    }

    /** For the API: the language asked for, else as for pages. */
    List<String> of(String lang, Locale locale) {
        return lang != null && ReadingLanguages.isKnown(lang) ? List.of(lang) : of(locale);
    }
}
