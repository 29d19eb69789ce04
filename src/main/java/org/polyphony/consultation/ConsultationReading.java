package org.polyphony.consultation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.antennas.HubAudiences;
import org.polyphony.consultation.ConsultationStore.Comment;
import org.polyphony.consultation.ConsultationStore.Consultation;
import org.polyphony.consultation.ConsultationStore.Paragraph;
import org.polyphony.consultation.ConsultationStore.Round;
import org.polyphony.consultation.ConsultationStore.Version;
import org.polyphony.consultation.ConsultationViews.Change;
import org.polyphony.consultation.ConsultationViews.CommentView;
import org.polyphony.consultation.ConsultationViews.ComparedParagraph;
import org.polyphony.consultation.ConsultationViews.MyComment;
import org.polyphony.consultation.ConsultationViews.ParagraphView;
import org.polyphony.consultation.ConsultationViews.Response;
import org.polyphony.consultation.ConsultationViews.RoundView;
import org.polyphony.consultation.ConsultationViews.ShownText;
import org.polyphony.consultation.ConsultationViews.Summary;
import org.polyphony.people.OrganisationChoice;
import org.polyphony.people.OrganisationRoles;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.polyphony.web.MarkdownRenderer;
import org.polyphony.web.ShortLivedCache;
import org.springframework.stereotype.Component;

/** Builds what the pages show: texts in the reader's language, comments with their authors' public names. */
@Component
class ConsultationReading {

    private final ConsultationStore store;
    private final Translations translations;
    private final AccountDirectory accounts;
    private final OrganisationRoles organisations;
    private final HubAudiences hubs;
    private final DraftTexts ready;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    /**
     * Rendering Markdown and sanitising it is most of a long draft's page time, and a paragraph's HTML depends on its
     * text alone: kept by text, in this node only (any node renders the same), for a while.
     */
    private final ShortLivedCache rendered = new ShortLivedCache(java.time.Duration.ofMinutes(10));

    ConsultationReading(
            ConsultationStore store,
            Translations translations,
            AccountDirectory accounts,
            OrganisationRoles organisations,
            HubAudiences hubs,
            DraftTexts ready) {
        this.hubs = hubs;
        this.ready = ready;
        this.store = store;
        this.translations = translations;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    Summary summary(Consultation consultation) {
        var today = ConsultationManagement.today();
        List<RoundView> rounds = store.rounds(consultation.id()).stream()
                .map(r -> new RoundView(
                        r.number(),
                        r.opensOn(),
                        r.closesOn(),
                        r.openOn(today),
                        r.closesOn().isBefore(today)))
                .toList();
        List<String> names = new ArrayList<>();
        if (!consultation.organisations().isEmpty()) {
            Set<Long> chosen = new HashSet<>(consultation.organisations());
            organisations.choices().stream()
                    .filter(o -> chosen.contains(o.id()))
                    .map(OrganisationChoice::name)
                    .forEach(names::add);
        }
        if (!consultation.hubs().isEmpty()) {
            Set<Long> chosen = new HashSet<>(consultation.hubs());
            hubs.ofEdition(consultation.editionId()).stream()
                    .filter(h -> chosen.contains(h.id()))
                    .map(HubAudiences.HubChoice::name)
                    .forEach(names::add);
        }
        return new Summary(
                consultation.id(),
                consultation.title(),
                consultation.purpose(),
                consultation.language(),
                rounds,
                store.versions(consultation.id()).size(),
                consultation.outcomeVersion(),
                consultation.audience() == ConsultationStore.Audience.ORGANISATIONS,
                names);
    }

    String html(String text) {
        return rendered.get(text, () -> markdown.render(text));
    }

    /**
     * A version's paragraphs in the reader's language (or as written, with {@code originals}), ready to write; kept by
     * {@link DraftTexts}. Comment counts are not in it: see {@link ConsultationStore#counts}.
     */
    ReadyDraft draft(Version version, List<String> readerLanguages, boolean originals) {
        return ready.draft(
                version,
                readerLanguages,
                originals,
                () -> ReadyDraft.of(version, texts(version, readerLanguages, originals)));
    }

    private List<ParagraphView> texts(Version version, List<String> readerLanguages, boolean originals) {
        List<Paragraph> paragraphs = store.paragraphs(version.id());
        Map<TextRef, Shown> shown = originals
                ? Map.of()
                : translations.shown(
                        ConsultationManagement.PARAGRAPH,
                        paragraphs.stream().map(Paragraph::id).toList(),
                        readerLanguages);
        return paragraphs.stream()
                .map(p -> new ParagraphView(
                        p.id(),
                        p.key(),
                        p.number(),
                        p.heading(),
                        text(
                                p.heading() ? DraftText.headingText(p.text()) : p.text(),
                                shown.get(new TextRef(ConsultationManagement.PARAGRAPH, p.id())),
                                languageOf(version),
                                p.heading()),
                        0))
                .toList();
    }

    private final ShortLivedCache languages = new ShortLivedCache(java.time.Duration.ofMinutes(10));

    /** A consultation's language never changes once it is opened. */
    private String languageOf(Version version) {
        return languages.get(version.consultationId(), () -> store.consultation(version.consultationId())
                .map(Consultation::language)
                .orElse("und"));
    }

    ParagraphView paragraph(Version version, Paragraph p, List<String> readerLanguages, boolean originals) {
        Map<TextRef, Shown> shown = originals
                ? Map.of()
                : translations.shown(ConsultationManagement.PARAGRAPH, List.of(p.id()), readerLanguages);
        return new ParagraphView(
                p.id(),
                p.key(),
                p.number(),
                p.heading(),
                text(
                        p.heading() ? DraftText.headingText(p.text()) : p.text(),
                        shown.get(new TextRef(ConsultationManagement.PARAGRAPH, p.id())),
                        languageOf(version),
                        p.heading()),
                0);
    }

    /** A heading is shown as plain text (the page's own heading element carries it); the rest as Markdown. */
    private ShownText text(String original, Shown shown, String language, boolean plain) {
        if (shown == null || !shown.translated()) {
            return new ShownText(plain ? escape(original) : html(original), language, false, language, null);
        }
        String text = plain ? DraftText.headingText(shown.text()) : shown.text();
        return new ShownText(
                plain ? escape(text) : html(text),
                shown.language(),
                true,
                shown.originalLanguage(),
                shown.state() == Shown.State.REVIEWED ? null : shown.providerLabel());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /**
     * Comments on a paragraph (or the whole draft), each followed by its replies; a withdrawn one without its words.
     *
     * @param reader who reads: their own comments of the open round ({@code openRound}, or null), not yet handled,
     *     are marked changeable
     */
    List<CommentView> comments(
            Version version,
            Long paragraph,
            List<String> readerLanguages,
            boolean withHidden,
            java.util.Optional<AccountId> reader,
            Long openRound) {
        List<Comment> comments = store.commentsOn(version.id(), paragraph, withHidden);
        Map<AccountId, String> names =
                names(comments.stream().map(Comment::authorId).toList());
        Map<TextRef, Shown> shown = translations.shown(
                ConsultationManagement.COMMENT,
                comments.stream().filter(c -> !c.withdrawn()).map(Comment::id).toList(),
                readerLanguages);
        Map<Long, List<ConsultationStore.Revision>> earlier = store.revisions(comments.stream()
                .filter(c -> c.editedAt() != null && !c.withdrawn())
                .map(Comment::id)
                .toList());
        Long me = reader.map(AccountId::value).orElse(null);
        Map<Long, List<CommentView>> replies = new HashMap<>();
        List<CommentView> top = new ArrayList<>();
        for (Comment c : comments.reversed()) {
            CommentView view = new CommentView(
                    c.id(),
                    name(names, c.authorId()),
                    text(c.body(), shown.get(new TextRef(ConsultationManagement.COMMENT, c.id())), c.language(), false),
                    c.passage(),
                    c.proposal(),
                    c.supports(),
                    c.decision(),
                    c.reason(),
                    c.hidden(),
                    c.flags(),
                    c.createdAt(),
                    replies.getOrDefault(c.id(), List.of()).reversed(),
                    c.editedAt(),
                    c.withdrawn(),
                    me != null
                            && me.equals(c.authorId())
                            && !c.hidden()
                            && !c.withdrawn()
                            && c.decision() == null
                            && openRound != null
                            && openRound == c.roundId(),
                    earlier.getOrDefault(c.id(), List.of()));
            if (c.parentId() == null) {
                top.add(view);
            } else {
                replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(view);
            }
        }
        return top.reversed();
    }

    Map<AccountId, String> names(Collection<Long> ids) {
        return accounts.displayNames(
                ids.stream().filter(id -> id != null).map(AccountId::new).collect(Collectors.toSet()));
    }

    static String name(Map<AccountId, String> names, Long id) {
        return id == null ? null : names.get(new AccountId(id));
    }

    /**
     * Paragraph by paragraph: those kept in place (same or changed), moved (out of the order the others keep), new,
     * and removed (shown where they stood). Word-level changes are of the original texts.
     */
    List<ComparedParagraph> compare(Version from, Version to) {
        return compare(store.paragraphs(from.id()), store.paragraphs(to.id()));
    }

    static List<ComparedParagraph> compare(List<Paragraph> before, List<Paragraph> after) {
        Map<String, Paragraph> old = new LinkedHashMap<>();
        before.forEach(p -> old.put(p.key(), p));
        Set<String> kept = after.stream().map(Paragraph::key).collect(Collectors.toSet());
        List<String> commonBefore =
                before.stream().map(Paragraph::key).filter(kept::contains).toList();
        List<String> commonAfter =
                after.stream().map(Paragraph::key).filter(old::containsKey).toList();
        Set<String> inPlace = inPlace(commonBefore, commonAfter);
        // removed paragraphs follow the last kept paragraph before them
        Map<String, List<Paragraph>> removedAfter = new HashMap<>();
        String lastKept = "";
        for (Paragraph p : before) {
            if (kept.contains(p.key())) {
                lastKept = p.key();
            } else {
                removedAfter.computeIfAbsent(lastKept, k -> new ArrayList<>()).add(p);
            }
        }
        List<ComparedParagraph> rows = new ArrayList<>();
        removedAfter.getOrDefault("", List.of()).forEach(p -> rows.add(removed(p)));
        for (Paragraph p : after) {
            Paragraph was = old.get(p.key());
            if (was == null) {
                rows.add(new ComparedParagraph(
                        Change.NEW, null, p.number(), p.heading(), WordDiff.between("", p.text())));
            } else {
                List<WordDiff.Segment> segments = WordDiff.between(was.text(), p.text());
                Change change = !inPlace.contains(p.key())
                        ? Change.MOVED
                        : WordDiff.changed(segments) ? Change.CHANGED : Change.SAME;
                rows.add(new ComparedParagraph(change, was.number(), p.number(), p.heading(), segments));
            }
            removedAfter.getOrDefault(p.key(), List.of()).forEach(r -> rows.add(removed(r)));
        }
        return rows;
    }

    private static ComparedParagraph removed(Paragraph p) {
        return new ComparedParagraph(Change.REMOVED, p.number(), null, p.heading(), WordDiff.between(p.text(), ""));
    }

    /** The keys that keep their relative order: the longest common subsequence of the two orders. */
    private static Set<String> inPlace(List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        Set<String> keys = new HashSet<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                keys.add(a.get(i));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return keys;
    }

    /** My comments, newest first, with the decision and the paragraph as the following version has it. */
    List<MyComment> mine(AccountId account) {
        List<Comment> comments = store.ofAuthor(account.value());
        Set<Long> unread = new HashSet<>(store.unreadNotices(account.value()));
        Map<Long, Consultation> consultations = new HashMap<>();
        Map<Long, List<Version>> versions = new HashMap<>();
        Map<Long, Integer> roundNumbers = new HashMap<>();
        Map<Long, Paragraph> paragraphs = store.paragraphsById(comments.stream()
                .map(Comment::paragraphId)
                .filter(id -> id != null)
                .toList());
        List<MyComment> mine = new ArrayList<>();
        for (Comment c : comments) {
            long consultationId = store.consultationOfComment(c.id());
            Consultation consultation = consultations.computeIfAbsent(
                    consultationId, id -> store.consultation(id).orElseThrow());
            List<Version> all = versions.computeIfAbsent(consultationId, store::versions);
            if (!roundNumbers.containsKey(c.roundId())) {
                store.rounds(consultationId).forEach(r -> roundNumbers.put(r.id(), r.number()));
            }
            Paragraph paragraph = c.paragraphId() == null ? null : paragraphs.get(c.paragraphId());
            int commentedNumber = all.stream()
                    .filter(v -> v.id() == c.versionId())
                    .findFirst()
                    .map(Version::number)
                    .orElse(0);
            Version next = all.stream()
                    .filter(v -> v.number() == commentedNumber + 1)
                    .findFirst()
                    .orElse(null);
            String nextText = null;
            boolean removed = false;
            if (next != null && paragraph != null) {
                Paragraph followed = store.paragraphs(next.id()).stream()
                        .filter(p -> p.key().equals(paragraph.key()))
                        .findFirst()
                        .orElse(null);
                removed = followed == null;
                nextText = followed == null ? null : html(followed.text());
            }
            mine.add(new MyComment(
                    c.id(),
                    consultationId,
                    consultation.title(),
                    roundNumbers.getOrDefault(c.roundId(), 0),
                    paragraph == null ? null : paragraph.number(),
                    c.passage(),
                    c.body(),
                    c.decision(),
                    c.reason(),
                    unread.contains(c.id()),
                    c.withdrawn(),
                    next == null ? null : next.number(),
                    nextText,
                    removed));
        }
        return mine;
    }

    /** A round's public response table: every visible comment, its paragraph, the decision and its reason. */
    List<Response> responses(Round round) {
        List<Comment> comments = store.ofRound(round.id());
        Map<AccountId, String> names =
                names(comments.stream().map(Comment::authorId).toList());
        Map<Long, Paragraph> paragraphs = store.paragraphsById(comments.stream()
                .map(Comment::paragraphId)
                .filter(id -> id != null)
                .toList());
        return comments.stream()
                .map(c -> new Response(
                        c.id(),
                        name(names, c.authorId()),
                        c.paragraphId() == null
                                ? null
                                : paragraphs.get(c.paragraphId()).number(),
                        c.passage(),
                        c.body(),
                        c.proposal(),
                        c.supports(),
                        c.decision(),
                        c.reason()))
                .toList();
    }
}
