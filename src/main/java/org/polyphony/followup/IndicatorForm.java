package org.polyphony.followup;

/** An indicator as typed: numbers and ISO dates as text, checked by {@link IndicatorStore}. */
public record IndicatorForm(
        String name,
        String definition,
        String unit,
        String baselineValue,
        String baselineOn,
        String targetValue,
        String targetOn,
        String source) {

    public static IndicatorForm blank() {
        return new IndicatorForm("", "", "", "", "", "", "", "");
    }
}
