package org.polyphony.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.polyphony.statistics.SmallCells;

/** The choropleth on the journeys' world map shows only what the protected table shows. */
class ChoroplethTest {

    static final Choropleth.Labels LABELS =
            new Choropleth.Labels("Workers: totals by country", "suppressed", n -> "up to " + n, "no data");

    @Test
    void aSuppressedTotalIsHatchedAndItsValueAppearsNowhere() {
        DisaggregatedTable table = DisaggregatedTable.of(
                List.of(
                        new Object[] {"FR", "female", 400L},
                        new Object[] {"FR", "male", 380L},
                        new Object[] {"SN", "female", 2L},
                        new Object[] {"SN", "male", 1L},
                        new Object[] {"MX", "female", 120L},
                        new Object[] {"MX", "male", 95L}),
                new SmallCells(5));
        String svg = Choropleth.svg(table, Locale.ENGLISH, LABELS);
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        // France's total is shown (Mexico's may be hidden too, as the complement of Senegal's)
        assertThat(svg).contains("<title>France: 780</title>");
        assertThat(svg).contains("fill=\"url(#suppressed-hatch)\"><title>Senegal: suppressed</title>");
        assertThat(svg).doesNotContain("Senegal: 3").doesNotContain("Senegal: 2");
        // the largest total is in the darkest class, a small one in a lighter class
        assertThat(Choropleth.shade(780, 780)).isEqualTo(3);
        assertThat(Choropleth.shade(215, 780)).isEqualTo(1);
        assertThat(Choropleth.shade(1, 780)).isZero();
        // countries without data are blank, without a title
        assertThat(svg).doesNotContain("Germany");
    }

    @Test
    void namesAreInTheReadersLanguage() {
        DisaggregatedTable table = DisaggregatedTable.of(
                List.of(new Object[] {"DE", "f", 50L}, new Object[] {"DE", "m", 60L}), new SmallCells(5));
        assertThat(Choropleth.svg(table, Locale.FRENCH, LABELS)).contains("<title>Allemagne: 110</title>");
    }
}
