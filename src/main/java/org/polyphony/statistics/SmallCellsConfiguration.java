package org.polyphony.statistics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link SmallCells} for the whole installation, so every figure about people hides the same cells. */
@Configuration(proxyBeanMethods = false)
class SmallCellsConfiguration {

    @Bean
    SmallCells smallCells(@Value("${polyphony.small-cells.minimum:" + SmallCells.DEFAULT_MINIMUM + "}") int minimum) {
        return new SmallCells(minimum);
    }
}
