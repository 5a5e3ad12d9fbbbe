package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-token write allowance: a minute's window from the first request, each token on its own. */
class WriteQuotaTest {

    @Test
    void aTokenGetsItsLimitPerMinuteAndIsToldHowLongToWait() {
        AtomicLong now = new AtomicLong(1_000_000);
        WriteQuota quota = new WriteQuota(3, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(quota.take(7)).isEmpty();
        }
        now.addAndGet(20_000);
        assertThat(quota.take(7)).hasValue(40);
        assertThat(quota.take(8)).isEmpty(); // another token is not held back
        now.addAndGet(39_500);
        assertThat(quota.take(7)).hasValue(1);
        now.addAndGet(500);
        assertThat(quota.take(7)).isEmpty(); // a new minute
        assertThat(quota.take(7)).isEmpty();
        assertThat(quota.take(7)).isEmpty();
        assertThat(quota.take(7)).isPresent();
    }
}
