package org.polyphony.experiences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.polyphony.experiences.JourneyFlows.MINIMUM_STORIES_PER_ROUTE;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyFlowsTest {

    @Test
    void theThresholdIsFiveStories() {
        assertThat(MINIMUM_STORIES_PER_ROUTE).isEqualTo(5);
    }

    @Test
    void aRouteOfFourStoriesIsNotShownButCounted() {
        JourneyFlows flows = JourneyFlows.aggregate(List.of(new JourneyFlow("MX", "US", 4)));

        assertThat(flows.routes()).isEmpty();
        assertThat(flows.storiesOnOtherRoutes()).isEqualTo(4);
    }

    @Test
    void aRouteOfFiveStoriesIsShown() {
        JourneyFlows flows = JourneyFlows.aggregate(List.of(new JourneyFlow("MX", "US", 5)));

        assertThat(flows.routes()).containsExactly(new JourneyFlow("MX", "US", 5));
        assertThat(flows.storiesOnOtherRoutes()).isZero();
    }

    @Test
    void addsUpTheStoriesOfARouteBeforeJudgingIt() {
        List<JourneyFlow> onePerStory = Collections.nCopies(5, new JourneyFlow("ph", "sa", 1));

        assertThat(JourneyFlows.aggregate(onePerStory).routes()).containsExactly(new JourneyFlow("PH", "SA", 5));
    }

    @Test
    void mergesEverySmallRouteIntoOneTotal() {
        JourneyFlows flows = JourneyFlows.aggregate(List.of(
                new JourneyFlow("SN", "FR", 4),
                new JourneyFlow("ML", "FR", 3),
                new JourneyFlow("ML", "FR", 1), // ML → FR: 4 in all, still too few
                new JourneyFlow("MA", "ES", 9),
                new JourneyFlow("PH", "AE", 1),
                new JourneyFlow("PH", "AE", 6)));

        assertThat(flows.routes()).containsExactly(new JourneyFlow("MA", "ES", 9), new JourneyFlow("PH", "AE", 7));
        assertThat(flows.storiesOnOtherRoutes()).isEqualTo(4 + 3 + 1);
    }

    @Test
    void keepsTheDirectionOfARoute() {
        JourneyFlows flows =
                JourneyFlows.aggregate(List.of(new JourneyFlow("TN", "IT", 3), new JourneyFlow("IT", "TN", 3)));

        assertThat(flows.routes()).isEmpty();
        assertThat(flows.storiesOnOtherRoutes()).isEqualTo(6);
    }

    @Test
    void leavesOutStoriesThatNeverLeftTheirCountry() {
        JourneyFlows flows =
                JourneyFlows.aggregate(List.of(new JourneyFlow("NP", "NP", 12), new JourneyFlow("NP", "QA", 2)));

        assertThat(flows.routes()).isEmpty();
        assertThat(flows.storiesOnOtherRoutes()).isEqualTo(2);
    }

    @Test
    void listsTheBusiestRoutesFirst() {
        JourneyFlows flows = JourneyFlows.aggregate(List.of(
                new JourneyFlow("IN", "AE", 5), new JourneyFlow("BD", "SA", 20), new JourneyFlow("EG", "JO", 5)));

        assertThat(flows.routes())
                .extracting(JourneyFlow::origin)
                .containsExactly("BD", "EG", "IN"); // ties by code, so the order never depends on the input's
        assertThat(flows.mostStoriesOnARoute()).isEqualTo(20);
    }

    @Test
    void noFlowsNoRoutes() {
        JourneyFlows flows = JourneyFlows.aggregate(List.of());

        assertThat(flows.routes()).isEmpty();
        assertThat(flows.storiesOnOtherRoutes()).isZero();
        assertThat(flows.mostStoriesOnARoute()).isZero();
    }

    @Test
    void cannotBeBuiltWithASmallRouteOtherwise() {
        assertThatThrownBy(() -> new JourneyFlows(List.of(new JourneyFlow("MX", "US", 4)), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnknownCountriesAndNegativeCounts() {
        assertThatThrownBy(() -> new JourneyFlow("XK", "DE", 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JourneyFlow("DE", null, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JourneyFlow("DE", "FR", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
