package org.masthead.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the consent log keeps of an address: the network only, hashed with the site's secret. */
class IpDigestTest {
    @Test
    void onlyTheNetworkCounts() {
        assertThat(IpDigest.network("203.0.113.77")).isEqualTo("203.0.113.0");
        assertThat(IpDigest.network("2001:db8:abcd:12:1:2:3:4")).isEqualTo("2001:db8:abcd:0:0:0:0:0");
        assertThat(IpDigest.network("[::ffff:203.0.113.77]")).isEqualTo("203.0.113.0");
        // A name is never looked up.
        assertThat(IpDigest.network("example.com")).isEqualTo("unknown");
    }

    @Test
    void theSecretChangesTheHash() {
        String a = new IpDigest("one").of("203.0.113.77");
        assertThat(a).matches("[0-9a-f]{16}").isEqualTo(new IpDigest("one").of("203.0.113.1"));
        assertThat(new IpDigest("two").of("203.0.113.77")).isNotEqualTo(a);
    }
}
