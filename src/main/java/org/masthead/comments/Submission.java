package org.masthead.comments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.masthead.comments.spam.Verdict;

/**
 * A comment before the gate, with what the signals read about it, each read once.
 *
 * @param honeypot the hidden field's value, which only robots fill in
 * @param formAge  how long ago its form was made (from a valid token)
 * @param network  the sender's IP network (IPv4 /24, IPv6 /48), null without an address
 * @param copies   earlier comments with the same text fingerprint this week, newest first
 * @param verdict  the spam classifier's answer
 * @param learned  how many comments the classifier has learned from
 */
record Submission(NewComment comment, String honeypot, Duration formAge, Instant now, CommentSettings settings,
                  String network, List<Comment> copies, Verdict verdict, long learned) {
}
