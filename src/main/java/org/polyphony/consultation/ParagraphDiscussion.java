package org.polyphony.consultation;

import java.util.List;
import java.util.Locale;
import org.polyphony.consultation.ConsultationStore.Consultation;
import org.polyphony.consultation.ConsultationStore.Paragraph;
import org.polyphony.consultation.ConsultationStore.Version;
import org.polyphony.web.FormErrors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The page of a paragraph's (or the whole draft's) comments, with the form to comment and, for the drafting team, the
 * form to replace the paragraph's machine translation. Shared by the readers' controller and the drafting team's, so
 * that a form sent back with errors is the same page as the one it was sent from, with what was typed kept.
 */
@Component
class ParagraphDiscussion {

    private final ConsultationManagement consultations;
    private final ConsultationStore store;
    private final ConsultationPlaces places;
    private final ConsultationReading reading;

    ParagraphDiscussion(
            ConsultationManagement consultations,
            ConsultationStore store,
            ConsultationPlaces places,
            ConsultationReading reading) {
        this.consultations = consultations;
        this.store = store;
        this.places = places;
        this.reading = reading;
    }

    /** The paragraph of a version with this key, or "not found". */
    Paragraph paragraph(Version version, String key) {
        return store.paragraphs(version.id()).stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow(ConsultationPlaces::notFound);
    }

    String withComment(
            Model model,
            Consultation consultation,
            Version version,
            String key,
            CommentForm form,
            FormErrors errors,
            Locale locale) {
        return page(model, consultation, version, key, form, errors, ReviewForm.blank(), FormErrors.none(), locale);
    }

    String withReview(
            Model model,
            Consultation consultation,
            Version version,
            String key,
            ReviewForm review,
            FormErrors reviewErrors,
            Locale locale) {
        return page(
                model,
                consultation,
                version,
                key,
                CommentForm.blank(key, version.number()),
                FormErrors.none(),
                review,
                reviewErrors,
                locale);
    }

    private String page(
            Model model,
            Consultation consultation,
            Version version,
            String key,
            CommentForm form,
            FormErrors errors,
            ReviewForm review,
            FormErrors reviewErrors,
            Locale locale) {
        Paragraph paragraph = "draft".equals(key) ? null : paragraph(version, key);
        List<String> readers = places.readerLanguages(locale);
        boolean moderator = places.moderator();
        Long openRound = consultations
                .openRound(consultation.id())
                .map(ConsultationStore.Round::id)
                .orElse(null);
        model.addAttribute("edition", places.editionOf(consultation));
        model.addAttribute("consultation", reading.summary(consultation));
        model.addAttribute("version", version);
        model.addAttribute("latest", places.latest(consultation).number());
        model.addAttribute("key", key);
        model.addAttribute(
                "paragraph", paragraph == null ? null : reading.paragraph(version, paragraph, readers, false));
        model.addAttribute("originalText", paragraph == null ? null : paragraph.text());
        model.addAttribute(
                "comments",
                reading.comments(
                        version,
                        paragraph == null ? null : paragraph.id(),
                        readers,
                        moderator,
                        places.signedIn(),
                        openRound));
        model.addAttribute("mayComment", places.mayComment(consultation));
        model.addAttribute("signedIn", places.signedIn().isPresent());
        model.addAttribute("open", openRound != null);
        model.addAttribute("moderator", moderator);
        model.addAttribute("drafts", places.drafts(consultation));
        model.addAttribute("organiser", places.organiser());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("review", review);
        model.addAttribute("reviewErrors", reviewErrors);
        return "consultation/paragraph";
    }
}
