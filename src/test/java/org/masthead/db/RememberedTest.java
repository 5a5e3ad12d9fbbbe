package org.masthead.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RememberedTest {
    private final AtomicInteger stored = new AtomicInteger(1);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void keepsTheValueUntilItsEntityChanges() {
        Remembered<Integer> value = new Remembered<>(Set.of("settings"), () -> {
            reads.incrementAndGet();
            return stored.get();
        });
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(1);
        assertThat(reads).hasValue(1);

        value.changed(new Change(1, "article", 7, Change.Kind.UPDATED));
        assertThat(value.get()).isEqualTo(1);
        assertThat(reads).hasValue(1);

        stored.set(2);
        value.changed(new Change(2, "settings", 1, Change.Kind.UPDATED));
        assertThat(value.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadThatOverlapsAChangeIsNotKept() {
        Remembered<Integer>[] holder = new Remembered[1];
        holder[0] = new Remembered<>(Set.of("settings"), () -> {
            int seen = stored.get();
            if (reads.incrementAndGet() == 1) {
                // Another thread commits new settings while this read has the old rows in hand.
                stored.set(2);
                holder[0].changed(new Change(1, "settings", 1, Change.Kind.UPDATED));
            }
            return seen;
        });
        assertThat(holder[0].get()).isEqualTo(1);
        assertThat(holder[0].get()).as("the stale read was not remembered").isEqualTo(2);
        assertThat(holder[0].get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }
}
