package org.masthead.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogThrottleTest {
    @Test
    void oneLinePerIntervalAndTheNextSaysHowManyWereHeldBack() {
        List<Long> written = new ArrayList<>();
        LogThrottle hourly = new LogThrottle(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            hourly.log(written::add);
        }
        assertThat(written).containsExactly(0L);

        List<Long> always = new ArrayList<>();
        LogThrottle none = new LogThrottle(Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            none.log(always::add);
        }
        assertThat(always).containsExactly(0L, 0L, 0L);
    }
}
