package org.masthead.comments;

import java.time.Instant;
import java.util.List;

/** What the gate's signals read of earlier comments and of the blocklist; {@link CommentStore} is the real one. */
interface CommentHistory {
    int countFromEmail(String email, Instant since);

    int countFromNetwork(String network, Instant since);

    List<Comment> sameText(String fingerprint, Instant since);

    List<Block> blocks();
}
