package org.polyphony.consultation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountId;
import org.polyphony.consultation.ConsultationStore.Comment;
import org.polyphony.consultation.ConsultationStore.Consultation;
import org.polyphony.consultation.ConsultationStore.Paragraph;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A commenter edits or withdraws their own comment while its round is open and before the drafting team handles it.
 * Anyone else's comment (or a hidden or withdrawn one) does not exist here. Plain forms: no JavaScript needed.
 */
@Controller
class CommentEditController {

    private final ConsultationManagement consultations;
    private final ConsultationStore store;
    private final ConsultationPlaces places;
    private final ConsultationReading reading;
    private final MessageSource messages;

    CommentEditController(
            ConsultationManagement consultations,
            ConsultationStore store,
            ConsultationPlaces places,
            ConsultationReading reading,
            MessageSource messages) {
        this.consultations = consultations;
        this.store = store;
        this.places = places;
        this.reading = reading;
        this.messages = messages;
    }

    @GetMapping("/consultations/comments/{comment}/edit")
    String edit(@PathVariable long comment, Model model, Locale locale) {
        Comment mine = own(comment);
        Consultation consultation = places.consultation(store.consultationOfComment(comment));
        var form = new CommentForm(null, null, mine.parentId(), mine.passage(), mine.proposal(), mine.body());
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        consultations.unchangeable(consultation, mine).ifPresent(result::reject);
        return page(model, consultation, mine, form, FormErrors.of(result, messages, locale));
    }

    @PostMapping("/consultations/comments/{comment}/edit")
    String save(
            @PathVariable long comment,
            @ModelAttribute("form") CommentForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Comment mine = own(comment);
        Consultation consultation = places.consultation(store.consultationOfComment(comment));
        if (!consultations.reword(consultation, mine, form, result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, consultation, mine, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:" + places.discussionOf(consultation, mine) + "#comment-" + comment;
    }

    @PostMapping("/consultations/comments/{comment}/withdraw")
    String withdraw(@PathVariable long comment, Model model, Locale locale, HttpServletResponse response) {
        Comment mine = own(comment);
        Consultation consultation = places.consultation(store.consultationOfComment(comment));
        var form = new CommentForm(null, null, mine.parentId(), mine.passage(), mine.proposal(), mine.body());
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        if (!consultations.withdraw(consultation, mine, result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, consultation, mine, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:" + places.discussionOf(consultation, mine) + "&withdrawn#comment-" + comment;
    }

    /** The signed-in person's own comment, still shown; anything else is "not found". */
    private Comment own(long id) {
        AccountId me = places.signedIn().orElseThrow(ConsultationPlaces::notFound);
        Comment comment = places.comment(id);
        if (comment.authorId() == null || comment.authorId() != me.value() || comment.hidden() || comment.withdrawn()) {
            throw ConsultationPlaces.notFound();
        }
        return comment;
    }

    private String page(Model model, Consultation consultation, Comment comment, CommentForm form, FormErrors errors) {
        Paragraph paragraph = comment.paragraphId() == null
                ? null
                : store.paragraphsById(List.of(comment.paragraphId())).get(comment.paragraphId());
        model.addAttribute("edition", places.editionOf(consultation));
        model.addAttribute("consultation", reading.summary(consultation));
        model.addAttribute("comment", comment.id());
        model.addAttribute("reply", comment.parentId() != null);
        model.addAttribute("paragraphNumber", paragraph == null ? null : paragraph.number());
        model.addAttribute("paragraphText", paragraph == null ? null : reading.html(paragraph.text()));
        model.addAttribute("back", places.discussionOf(consultation, comment) + "#comment-" + comment.id());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "consultation/edit";
    }
}
