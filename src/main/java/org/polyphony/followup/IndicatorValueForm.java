package org.polyphony.followup;

/** A new value of an indicator as typed; {@code breakdown} is empty, "sex" or "country". */
public record IndicatorValueForm(
        String measuredOn, String value, String source, String breakdown, String breakdownValue, String illustrative) {

    public static IndicatorValueForm blank() {
        return new IndicatorValueForm("", "", "", "", "", "");
    }
}
