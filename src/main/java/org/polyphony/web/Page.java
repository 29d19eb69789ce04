package org.polyphony.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.polyphony.languages.LocalizedText;
import org.polyphony.languages.UiLanguage;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * What every page's layout needs: the reader's language and text direction, the messages in that language,
 * who is signed in, the CSRF token for forms, and the current path for "return to" links.
 */
public final class Page {

    private final UiLanguage language;
    private final MessageSource messages;
    private final CsrfToken csrf;
    private final String userName;
    private final Set<String> roles;
    private final String path;
    private final ResourceUrlProvider assets;
    private final UnreadNotifications notifications;
    private final UnreadMessages messageCount;
    private final boolean sharedCopy;

    Page(
            UiLanguage language,
            MessageSource messages,
            CsrfToken csrf,
            String userName,
            Set<String> roles,
            String path,
            ResourceUrlProvider assets,
            UnreadNotifications notifications,
            UnreadMessages messageCount) {
        this(language, messages, csrf, userName, roles, path, assets, notifications, messageCount, false);
    }

    private Page(
            UiLanguage language,
            MessageSource messages,
            CsrfToken csrf,
            String userName,
            Set<String> roles,
            String path,
            ResourceUrlProvider assets,
            UnreadNotifications notifications,
            UnreadMessages messageCount,
            boolean sharedCopy) {
        this.sharedCopy = sharedCopy;
        this.notifications = notifications;
        this.messageCount = messageCount;
        this.language = language;
        this.messages = messages;
        this.csrf = csrf;
        this.userName = userName;
        this.roles = roles;
        this.path = path;
        this.assets = assets;
    }

    /**
     * This page as rendered once for every signed-in participant in the same language: signed in, without roles,
     * with a {@link PageSlots slot} for the CSRF token and one for the site header, which each reader's copy fills.
     */
    public Page forSharedCopy() {
        CsrfToken slot = new org.springframework.security.web.csrf.DefaultCsrfToken(
                "X-CSRF-TOKEN", csrfParameter(), PageSlots.marker("csrf"));
        return new Page(language, messages, slot, "", Set.of(), path, assets, null, null, true);
    }

    /** Whether this page is rendered as a copy shared by many signed-in readers ({@link #forSharedCopy()}). */
    public boolean sharedCopy() {
        return sharedCopy;
    }

    /** The marker of a slot that each reader's copy of a shared page fills with their own part. */
    public String slot(String name) {
        return PageSlots.marker(name);
    }

    /** The message {@code key} in the reader's language, with {@code {0}}-style arguments filled in. */
    public String t(String key, Object... args) {
        try {
            return messages.getMessage(key, args, locale());
        } catch (NoSuchMessageException missing) {
            return key;
        }
    }

    /** The version of {@code text} to show this reader. */
    public LocalizedText.Shown show(LocalizedText text) {
        return text.in(locale());
    }

    /**
     * Wraps text of unknown direction, such as a person's name inside a sentence, in Unicode isolates, so that a
     * Latin name in an Arabic sentence (or the reverse) does not scramble the punctuation around it.
     */
    public String isolate(String text) {
        return "\u2068" + text + "\u2069";
    }

    /**
     * The page's {@code <meta name="description">}: the page's own words when it has some (a summary, the start of
     * a text), shortened to what search engines show, else a sentence in the reader's language naming the page.
     */
    public String description(String own, String title) {
        String text = own == null ? "" : own.replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return t("safety.meta.description", title == null ? "Polyphony" : title);
        }
        return text.length() <= DESCRIPTION_LENGTH
                ? text
                : text.substring(
                                0,
                                text.lastIndexOf(' ', DESCRIPTION_LENGTH) > 80
                                        ? text.lastIndexOf(' ', DESCRIPTION_LENGTH)
                                        : DESCRIPTION_LENGTH)
                        + "…";
    }

    static final int DESCRIPTION_LENGTH = 160;

    /** A date written the way the reader's language writes it. */
    public String date(LocalDate date) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale())
                        .format(date);
    }

    /** A moment, in the reader's language, in UTC (the reader's time zone is not collected). */
    public String time(java.time.Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                .withLocale(locale())
                                .withZone(java.time.ZoneOffset.UTC)
                                .format(instant)
                        + " UTC";
    }

    /** A moment as the HTML datetime attribute wants it. */
    public String isoTime(java.time.Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** A text's paragraphs: blocks separated by blank lines. */
    public List<String> paragraphs(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split("\\n\\s*\\n"))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList();
    }

    public Locale locale() {
        return language.locale();
    }

    /** A language's name in the interface language ("French", "francés"); the tag itself when Java has no name. */
    public String languageName(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(language.locale());
        return name.isEmpty() || name.equals(tag)
                ? tag
                : name.substring(0, 1).toUpperCase(language.locale()) + name.substring(1);
    }

    public UiLanguage language() {
        return language;
    }

    public String lang() {
        return language.tag();
    }

    public String dir() {
        return language.direction();
    }

    public List<UiLanguage> languages() {
        return Arrays.asList(UiLanguage.values());
    }

    public boolean signedIn() {
        return userName != null;
    }

    /** Unread notifications of the signed-in person (counted only when a page asks). */
    public int unreadNotifications() {
        return signedIn() && notifications != null ? notifications.unread() : 0;
    }

    /** Whether the navigation offers direct messages (the messaging module is there and someone is signed in). */
    public boolean messaging() {
        return signedIn() && messageCount != null;
    }

    /** Unread direct messages of the signed-in person (counted only when a page asks). */
    public int unreadMessages() {
        return messaging() ? messageCount.unreadMessages() : 0;
    }

    /** Whether the signed-in person follows a thread ("THREAD") or a session ("SESSION"). */
    public boolean follows(String type, long id) {
        return signedIn() && notifications != null && notifications.follows(type, id);
    }

    public String userName() {
        return userName;
    }

    /** Whether the signed-in person holds {@code role} (e.g. "ORGANISER"), directly or through a higher role. */
    public boolean hasRole(String role) {
        return roles.contains("ROLE_" + role);
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public String path() {
        return path;
    }

    /** The URL of a static asset, with its content hash so browsers may cache it for a year. */
    public String asset(String assetPath) {
        String versioned = assets == null ? null : assets.getForLookupPath(assetPath);
        return versioned == null ? assetPath : versioned;
    }
}
