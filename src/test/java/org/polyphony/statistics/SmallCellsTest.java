package org.polyphony.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmallCellsTest {

    private final SmallCells cells = SmallCells.standard();

    @Test
    void countsBelowTheMinimumAreHiddenButZeroIsShown() {
        assertThat(cells.shown(0)).hasValue(0);
        assertThat(cells.shown(1)).isEmpty();
        assertThat(cells.shown(4)).isEmpty();
        assertThat(cells.shown(5)).hasValue(5);
    }

    @Test
    void aShareNeedsAWholeAndAPartThatAreNotSmall() {
        assertThat(cells.showsShare(5, 4)).isFalse();
        assertThat(cells.showsShare(3, 20)).isFalse();
        assertThat(cells.showsShare(0, 20)).isTrue();
        assertThat(cells.showsShare(6, 20)).isTrue();
    }

    @Test
    void theMinimumIsAtLeastOne() {
        assertThatThrownBy(() -> new SmallCells(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
