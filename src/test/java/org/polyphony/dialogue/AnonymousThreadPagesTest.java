package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-node copies of anonymous thread pages: kept until their thread changes, within a memory budget. */
class AnonymousThreadPagesTest {

    final AtomicInteger renderings = new AtomicInteger();

    byte[] render(int size) {
        renderings.incrementAndGet();
        return new byte[size];
    }

    @Test
    void aCopyIsRenderedOnceUntilItsThreadChanges() {
        AnonymousThreadPages pages = new AnonymousThreadPages(Duration.ofMinutes(10), 1);
        pages.get(1, "a", () -> render(10));
        pages.get(1, "a", () -> render(10));
        pages.get(2, "a", () -> render(10));
        assertThat(renderings).hasValue(2);
        pages.threadChanged(1);
        pages.get(1, "a", () -> render(10));
        pages.get(2, "a", () -> render(10));
        assertThat(renderings).hasValue(3);
    }

    @Test
    void aCopyRenderedWhileItsThreadChangedIsNotKept() {
        AnonymousThreadPages pages = new AnonymousThreadPages(Duration.ofMinutes(10), 1);
        pages.get(1, "a", () -> {
            pages.threadChanged(1);
            return render(10);
        });
        pages.get(1, "a", () -> render(10));
        assertThat(renderings).hasValue(2);
    }

    @Test
    void overTheBudgetEveryCopyGoesAndReplacingACopyCountsOnlyOnce() {
        AnonymousThreadPages pages = new AnonymousThreadPages(Duration.ofMinutes(10), 1);
        for (int i = 0; i < 3; i++) {
            pages.get(i, "a", () -> render(300_000));
        }
        pages.get(0, "a", () -> render(300_000));
        assertThat(renderings).as("three copies fit in a megabyte").hasValue(3);
        pages.get(3, "a", () -> render(300_000));
        pages.get(0, "a", () -> render(300_000));
        assertThat(renderings).as("the fourth went over: all dropped").hasValue(5);
    }
}
