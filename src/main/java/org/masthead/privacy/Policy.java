package org.masthead.privacy;

import java.time.Instant;

/** The cookie policy in force: its version number and since when. Raising it asks every reader again. */
public record Policy(int version, Instant since) {
}
