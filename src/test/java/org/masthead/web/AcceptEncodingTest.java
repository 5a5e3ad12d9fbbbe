package org.masthead.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | IDENTITY",
            "'' | IDENTITY",
            "gzip | GZIP",
            "gzip, deflate, br, zstd | GZIP",
            "br;q=1.0, gzip;q=0.8, *;q=0.1 | GZIP",
            "identity | IDENTITY",
            "gzip;q=0 | IDENTITY",
            "gzip ; q=0.000 | IDENTITY",
            "gzip;q=0.5, identity | IDENTITY",
            "gzip;q=0.5, identity;q=0.5 | GZIP",
            "br | IDENTITY",
            "* | GZIP",
            "*;q=0 | NONE",
            "*;q=0, identity | IDENTITY",
            "*;q=0, gzip | GZIP",
            "identity;q=0 | NONE",
            "identity;q=0, gzip | GZIP",
            "x-gzip | GZIP",
            "gzip;q=2 | IDENTITY",
            "gzip;q=abc | IDENTITY",
            "gzip;level=1;q=0.9 | GZIP",
            "deflate, GZIP | GZIP",
            ", , gzip | GZIP"})
    void choosesTheCodingTheClientPrefers(String header, AcceptEncoding expected) {
        assertThat(AcceptEncoding.of(header)).isEqualTo(expected);
    }
}
