package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import javax.xml.stream.XMLStreamException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

/** A reader closing the connection mid-answer is told apart from a failure worth an error line. */
class ClientGoneTest {

    @Test
    void aBrokenPipeUnderAStreamedSitemapIsTheClientGoing() {
        // As a sitemap's XML writer reports it when the crawler hangs up.
        EofException eof = new EofException(new IOException("Broken pipe"));
        XMLStreamException xml = new XMLStreamException(eof);
        Exception e = new UncheckedIOException(new IOException(xml));
        assertThat(App.clientGone(e)).isTrue();
        assertThat(App.clientGone(eof)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(App.clientGone(new UncheckedIOException(new IOException("Broken pipe")))).isFalse();
        assertThat(App.clientGone(new IllegalStateException(new SQLException("database is locked")))).isFalse();
        assertThat(App.clientGone(new NullPointerException())).isFalse();
    }
}
