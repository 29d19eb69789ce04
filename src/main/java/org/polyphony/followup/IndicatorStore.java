package org.polyphony.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.polyphony.languages.Countries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** Indicators and their series of values, with the checks of their forms. */
@Repository
class IndicatorStore {

    private static final String INDICATOR =
            "SELECT id, name, definition, unit, baseline_value, baseline_on, target_value, target_on, source"
                    + " FROM followup_indicator";
    private static final String VALUE =
            "SELECT id, indicator_id, measured_on, value, source, breakdown, breakdown_value, illustrative"
                    + " FROM followup_indicator_value";

    private final JdbcClient jdbc;

    IndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Indicator> find(long id) {
        return jdbc.sql(INDICATOR + " WHERE id = :id")
                .param("id", id)
                .query(IndicatorStore::indicator)
                .optional();
    }

    List<Indicator> all() {
        return jdbc.sql(INDICATOR + " ORDER BY name, id")
                .query(IndicatorStore::indicator)
                .list();
    }

    /** Values of an indicator, oldest first, totals before breakdowns on the same day. */
    List<IndicatorValue> values(long indicator) {
        return jdbc.sql(VALUE + " WHERE indicator_id = :i ORDER BY measured_on, breakdown NULLS FIRST, breakdown_value")
                .param("i", indicator)
                .query(IndicatorStore::value)
                .list();
    }

    @Transactional
    Optional<Long> create(IndicatorForm form, Errors errors) {
        String name = RecommendationForm.text(form.name());
        if (name.isEmpty() || name.length() > 200) {
            errors.rejectValue("name", "followup.indicator.name.required");
        }
        String unit = RecommendationForm.text(form.unit());
        if (unit.isEmpty() || unit.length() > 60) {
            errors.rejectValue("unit", "followup.indicator.unit.required");
        }
        BigDecimal baseline = number(form.baselineValue(), "baselineValue", errors);
        LocalDate baselineOn = date(form.baselineOn(), "baselineOn", errors);
        BigDecimal target = number(form.targetValue(), "targetValue", errors);
        LocalDate targetOn = date(form.targetOn(), "targetOn", errors);
        if (baselineOn != null && targetOn != null && !targetOn.isAfter(baselineOn)) {
            errors.rejectValue("targetOn", "followup.indicator.targetBeforeBaseline");
        }
        String source = RecommendationForm.text(form.source());
        if (source.length() > 1000) {
            errors.rejectValue("source", "followup.indicator.source.length");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql(
                        """
                        INSERT INTO followup_indicator (name, definition, unit, baseline_value, baseline_on,
                               target_value, target_on, source)
                        VALUES (:n, :d, :u, :bv, :bo, :tv, :to, :s) RETURNING id
                        """)
                .param("n", name)
                .param("d", RecommendationForm.text(form.definition()))
                .param("u", unit)
                .param("bv", baseline)
                .param("bo", baselineOn)
                .param("tv", target)
                .param("to", targetOn)
                .param("s", source)
                .query(Long.class)
                .single());
    }

    @Transactional
    boolean addValue(Indicator indicator, IndicatorValueForm form, Errors errors) {
        LocalDate on = date(form.measuredOn(), "measuredOn", errors);
        BigDecimal value = number(form.value(), "value", errors);
        String source = RecommendationForm.text(form.source());
        if (source.isEmpty() || source.length() > 1000) {
            errors.rejectValue("source", "followup.indicator.value.source.required");
        }
        String breakdown = RecommendationForm.text(form.breakdown());
        String breakdownValue = RecommendationForm.text(form.breakdownValue());
        if (breakdown.isEmpty()) {
            breakdownValue = null;
            breakdown = null;
        } else if (breakdown.equals("sex")) {
            if (!breakdownValue.equals("F") && !breakdownValue.equals("M")) {
                errors.rejectValue("breakdownValue", "followup.indicator.breakdown.sex");
            }
        } else if (breakdown.equals("country")) {
            breakdownValue = Countries.normalise(breakdownValue).orElse(null);
            if (breakdownValue == null) {
                errors.rejectValue(
                        "breakdownValue", "followup.country.unknown", new Object[] {form.breakdownValue()}, null);
            }
        } else {
            errors.rejectValue("breakdown", "followup.indicator.breakdown.unknown");
        }
        if (errors.hasErrors()) {
            return false;
        }
        insertValue(indicator.id(), on, value, source, breakdown, breakdownValue, "true".equals(form.illustrative()));
        return true;
    }

    void insertValue(
            long indicator,
            LocalDate on,
            BigDecimal value,
            String source,
            String breakdown,
            String breakdownValue,
            boolean illustrative) {
        jdbc.sql(
                        """
                        INSERT INTO followup_indicator_value (indicator_id, measured_on, value, source, breakdown,
                               breakdown_value, illustrative)
                        VALUES (:i, :on, :v, :s, :b, :bv, :ill)
                        """)
                .param("i", indicator)
                .param("on", on)
                .param("v", value)
                .param("s", source)
                .param("b", breakdown)
                .param("bv", breakdownValue)
                .param("ill", illustrative)
                .update();
    }

    private static BigDecimal number(String text, String field, Errors errors) {
        String typed = RecommendationForm.text(text).replace(',', '.');
        if (typed.matches("-?\\d{1,12}(\\.\\d{1,6})?")) {
            return new BigDecimal(typed);
        }
        errors.rejectValue(field, "followup.number.invalid");
        return null;
    }

    private static LocalDate date(String text, String field, Errors errors) {
        LocalDate date = Progress.date(text);
        if (date == null) {
            errors.rejectValue(field, "followup.date.invalid");
        }
        return date;
    }

    private static Indicator indicator(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Indicator(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("definition"),
                rs.getString("unit"),
                rs.getBigDecimal("baseline_value"),
                rs.getObject("baseline_on", LocalDate.class),
                rs.getBigDecimal("target_value"),
                rs.getObject("target_on", LocalDate.class),
                rs.getString("source"));
    }

    private static IndicatorValue value(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new IndicatorValue(
                rs.getLong("id"),
                rs.getLong("indicator_id"),
                rs.getObject("measured_on", LocalDate.class),
                rs.getBigDecimal("value"),
                rs.getString("source"),
                rs.getString("breakdown"),
                rs.getString("breakdown_value"),
                rs.getBoolean("illustrative"));
    }
}
