package org.polyphony.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's geometry and the CSV reader, without Spring. */
class IndicatorChartTest {

    static final Indicator C189 = new Indicator(
            1,
            "C189",
            "",
            "states",
            BigDecimal.ZERO,
            LocalDate.of(2011, 6, 16),
            BigDecimal.valueOf(50),
            LocalDate.of(2020, 12, 31),
            "");

    static IndicatorValue value(String date, int value, String breakdown) {
        return new IndicatorValue(
                0,
                1,
                LocalDate.parse(date),
                BigDecimal.valueOf(value),
                "s",
                breakdown,
                breakdown == null ? null : "PH",
                false);
    }

    @Test
    void pointsRunFromTheBaselineAndHigherValuesStandHigher() {
        List<IndicatorValue> values = List.of(value("2012-06-14", 1, null), value("2015-01-01", 20, null));
        IndicatorChart.Scale scale = IndicatorChart.Scale.of(C189, values);
        List<IndicatorChart.Point> points = IndicatorChart.points(C189, values, scale);
        assertThat(points).hasSize(3);
        assertThat(points.get(0).y()).isEqualTo(IndicatorChart.HEIGHT - 32.0);
        assertThat(points.get(2).y()).isLessThan(points.get(1).y());
        assertThat(points.get(2).x()).isGreaterThan(points.get(1).x());
        assertThat(scale.y(C189.targetValue())).isEqualTo(16.0);
    }

    @Test
    void theSvgMarksTheTargetAndDrawsOnlyTotals() {
        String svg = IndicatorChart.svg(
                C189,
                List.of(value("2012-06-14", 1, null), value("2012-06-14", 1, "country")),
                "C189 <ratifications>",
                "Target");
        assertThat(svg).contains("class=\"target\"").contains("Target 50").contains("&lt;ratifications&gt;");
        assertThat(svg.split("class=\"value\"", -1)).hasSize(3);
        assertThat(svg).doesNotContain("<script");
    }

    @Test
    void theWayToTheTargetIsAShareOfTheDistance() {
        assertThat(Dashboard.percentOfWay(C189, BigDecimal.valueOf(25))).isEqualTo(50);
    }

    @Test
    void csvRowsKeepTheLineTheyStartOnAcrossQuotedLineBreaks() throws Exception {
        List<CsvRows.Row> rows = CsvRows.read("a,b\r\n\"x\ny\",\"say \"\"hi\"\"\"\n\nlast,\n");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(1).cells()).containsExactly("x\ny", "say \"hi\"");
        assertThat(rows.get(2).line()).isEqualTo(5);
        assertThat(rows.get(2).cells()).containsExactly("last", "");
    }

    @Test
    void evidenceIsRecognisedByItsFirstBytes() {
        assertThat(EvidenceFiles.typeOf("%PDF-1.7".getBytes())).isPresent();
        assertThat(EvidenceFiles.typeOf("MZ...".getBytes())).isEmpty();
        assertThat(EvidenceFiles.typeOf("<svg onload=x>".getBytes())).isEmpty();
        assertThat(EvidenceFiles.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceFiles.link("javascript:alert(1)")).isEmpty();
        assertThat(EvidenceFiles.link("https://example.org/a")).contains("https://example.org/a");
    }
}
