package org.polyphony.followup;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Indicators: the list, one indicator's chart and table, and the organisers' forms for indicators and values. */
@Controller
class IndicatorsController {

    private final IndicatorStore indicators;
    private final Dashboard dashboard;
    private final FollowupPlaces places;
    private final MessageSource messages;

    IndicatorsController(
            IndicatorStore indicators, Dashboard dashboard, FollowupPlaces places, MessageSource messages) {
        this.indicators = indicators;
        this.dashboard = dashboard;
        this.places = places;
        this.messages = messages;
    }

    @GetMapping("/followup/indicators")
    String list(Model model) {
        model.addAttribute(
                "indicators", indicators.all().stream().map(dashboard::progress).toList());
        model.addAttribute("organiser", places.organiser());
        return "followup/indicators";
    }

    @GetMapping("/followup/indicators/new")
    String newIndicator(Model model) {
        places.requireOrganiser();
        model.addAttribute("form", IndicatorForm.blank());
        model.addAttribute("errors", FormErrors.none());
        return "followup/indicator-form";
    }

    @PostMapping("/followup/indicators")
    String create(
            @ModelAttribute("form") IndicatorForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        places.requireOrganiser();
        Optional<Long> id = result.hasErrors() ? Optional.empty() : indicators.create(form, result);
        if (id.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.of(result, messages, locale));
            return "followup/indicator-form";
        }
        return "redirect:/followup/indicators/" + id.get();
    }

    @GetMapping("/followup/indicators/{id}")
    String indicator(@PathVariable long id, Model model, Locale locale) {
        return page(
                indicators.find(id).orElseThrow(FollowupPlaces::notFound),
                IndicatorValueForm.blank(),
                FormErrors.none(),
                model,
                locale);
    }

    @PostMapping("/followup/indicators/{id}/values")
    String addValue(
            @PathVariable long id,
            @ModelAttribute("valueForm") IndicatorValueForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        places.requireOrganiser();
        Indicator indicator = indicators.find(id).orElseThrow(FollowupPlaces::notFound);
        if (result.hasErrors() || !indicators.addValue(indicator, form, result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(indicator, form, FormErrors.of(result, messages, locale), model, locale);
        }
        return "redirect:/followup/indicators/" + id;
    }

    private String page(Indicator indicator, IndicatorValueForm form, FormErrors errors, Model model, Locale locale) {
        List<IndicatorValue> values = indicators.values(indicator.id());
        model.addAttribute("indicator", indicator);
        model.addAttribute("values", values);
        model.addAttribute(
                "chart",
                IndicatorChart.svg(
                        indicator,
                        values,
                        messages.getMessage("followup.indicator.chart", new Object[] {indicator.name()}, locale),
                        messages.getMessage("followup.indicator.target", null, locale)));
        model.addAttribute("illustrative", values.stream().anyMatch(IndicatorValue::illustrative));
        model.addAttribute("progress", dashboard.progress(indicator));
        model.addAttribute("organiser", places.organiser());
        model.addAttribute("valueForm", form);
        model.addAttribute("errors", errors);
        return "followup/indicator";
    }
}
