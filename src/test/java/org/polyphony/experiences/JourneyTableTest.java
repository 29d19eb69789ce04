package org.polyphony.experiences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyphony.languages.UiLanguage;

class JourneyTableTest {

    private final JourneyFlows flows = JourneyFlows.aggregate(
            List.of(new JourneyFlow("MA", "ES", 9), new JourneyFlow("EG", "SA", 12), new JourneyFlow("SN", "FR", 2)));

    @Test
    void namesTheCountriesInTheReadersLanguageBusiestRouteFirst() {
        JourneyTable table = JourneyTable.of(flows, UiLanguage.ES.locale());

        assertThat(table.rows())
                .containsExactly(
                        new JourneyTable.Row("EG", "Egipto", "SA", "Arabia Saudí", 12),
                        new JourneyTable.Row("MA", "Marruecos", "ES", "España", 9));
        assertThat(table.storiesOnOtherRoutes()).isEqualTo(2);
    }

    @Test
    void arabicReadersGetArabicNames() {
        JourneyTable table = JourneyTable.of(flows, UiLanguage.AR.locale());

        assertThat(table.rows().getFirst().origin()).isEqualTo("مصر");
        assertThat(table.rows().getFirst().residence()).isEqualTo("المملكة العربية السعودية");
    }

    @Test
    void listsEvenRoutesTheMapCannotDraw() {
        // Réunion is part of France in Natural Earth's countries: no point of its own on the map.
        JourneyFlows toReunion = JourneyFlows.aggregate(List.of(new JourneyFlow("KM", "RE", 6)));

        assertThat(JourneyTable.of(toReunion, UiLanguage.FR.locale()).rows())
                .extracting(JourneyTable.Row::residence)
                .containsExactly("La Réunion");
    }
}
