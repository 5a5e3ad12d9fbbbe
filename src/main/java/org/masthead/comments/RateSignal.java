package org.masthead.comments;

import java.time.Duration;
import java.time.Instant;

/** Refuses a comment when its address or its IP network has sent many in the last few minutes. */
final class RateSignal implements SpamSignal {
    /** Comments allowed from one IP network (IPv4 /24, IPv6 /48) within {@link #WINDOW}. */
    static final int PER_NETWORK = 10;
    /** Comments allowed from one email address within {@link #WINDOW}. */
    static final int PER_EMAIL = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final CommentHistory history;

    RateSignal(CommentHistory history) {
        this.history = history;
    }

    @Override
    public Finding check(Submission s) {
        Instant since = s.now().minus(WINDOW);
        String network = s.network();
        if (history.countFromEmail(s.comment().email(), since) >= PER_EMAIL
                || network != null && !"unknown".equals(network) && history.countFromNetwork(network, since) >= PER_NETWORK) {
            return new Finding.Refused(429, "You have sent several comments in the last few minutes. "
                    + "Please wait a little and send this one again.");
        }
        return Finding.NOTHING;
    }
}
