package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** Every reader page type is valid HTML by the Nu HTML Checker, run in-process: zero errors. */
public class HtmlValidityTest {
    private static final Pattern MESSAGE = Pattern.compile(
            "\\{\"type\":\"(error|non-document-error)\"[^}]*?\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static App app;
    private static String articlePath;

    @BeforeAll
    static void start() {
        app = TestSites.demo(Kind.SQLITE);
        app.searchIndex().awaitIdle();
        articlePath = URI.create(Jsoup.parse(TestSites.get(app, "/").body(), TestSites.baseUrl(app))
                .selectFirst(".lead-headline a").absUrl("href")).getPath();
    }

    static Stream<String> pages() {
        return Stream.of("/", "ARTICLE", "/section/city", "/section/city?page=2", "/section/sport", "/tag/harbour",
                "/author/mara-okonjo", "/about", "/privacy", "/no-such-page", "/2026/13/40/bad-date", "/search",
                "/search?q=harbour", "/search?q=harbur+ferry", "/search?q=xylophonequartet&section=city",
                "/search?q=harbour&section=city&author=mara-okonjo&from=2026-01-01&sort=date&page=1",
                "/search?q=harbour&page=2", "/search?q=" + "x".repeat(501));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void pageIsValidHtml(String page) throws Exception {
        String path = "ARTICLE".equals(page) ? articlePath : page;
        assertThat(errors(TestSites.get(app, path).body())).as("validator errors on " + path).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theCheckFindsErrorsWhereThereAreSome() throws Exception {
        assertThat(errors("<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p><div>x</p></body></html>"))
                .isNotEmpty();
    }

    public static List<String> errors(String html) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        List<String> errors = new ArrayList<>();
        Matcher m = MESSAGE.matcher(report);
        while (m.find()) {
            errors.add(m.group(2));
        }
        assertThat(report).contains("\"messages\"");
        return errors;
    }
}
