package org.masthead.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** The jar's /static folder over HTTP: the bytes of the file, compressed once, validators, 304, HEAD and 404. */
class StaticFilesTest {

    private static HttpResponse<byte[]> request(String method, String path, String... headers) {
        return TestSites.bytes(TestSites.demo(Kind.SQLITE), method, path, headers);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = StaticFilesTest.class.getResourceAsStream("/static/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aStyleSheetComesAsItIsOrGzippedWithValidatorsAndTheSiteHeaders() throws Exception {
        byte[] css = resource("site.css");
        HttpResponse<byte[]> plain = request("GET", "/static/site.css");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo(css);
        assertThat(plain.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(plain.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(plain.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        String etag = plain.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> zipped = request("GET", "/static/site.css", "Accept-Encoding", "gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(css);
        }
        assertThat(zipped.body().length).isLessThan(css.length / 2);
        String gzipTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isNotEqualTo(etag);

        assertThat(request("GET", "/static/site.css", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(request("GET", "/static/site.css", "If-None-Match", gzipTag, "Accept-Encoding", "gzip").statusCode())
                .isEqualTo(304);
        assertThat(request("GET", "/static/site.css", "If-None-Match", "\"something-else\"").statusCode())
                .isEqualTo(200);

        HttpResponse<byte[]> head = request("HEAD", "/static/site.css");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).hasValue(etag);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(css.length));
    }

    @Test
    void eachKindOfFileHasItsType() throws Exception {
        assertThat(request("GET", "/static/consent.js").headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        HttpResponse<byte[]> icon = request("GET", "/static/favicon.svg");
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(icon.body()).isEqualTo(resource("favicon.svg"));
    }

    @Test
    void namesOutsideTheFolderOrMissingFromItAreNotFound() throws Exception {
        for (String path : new String[] {"/static/nope.css", "/static/", "/static/..%2Fapplication.conf",
                "/static/%2e%2e/logback.xml", "/static/logback.xml", "/static/Site.css", "/static/a/site.css"}) {
            HttpResponse<byte[]> response = request("GET", path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("text/html");
        }
        assertThat(request("POST", "/static/site.css").statusCode()).isIn(404, 405);
    }
}
