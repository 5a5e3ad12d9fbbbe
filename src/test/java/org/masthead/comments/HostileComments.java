package org.masthead.comments;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.masthead.ThirdPartyData;
import org.masthead.TestSites;

/**
 * Hostile input for every comment field: html5lib's sanitizer cases and our own (script,
 * handlers, javascript: addresses, entity tricks, direction overrides, invisible and
 * out-of-plane characters), each posted by the real form POST from its own address.
 */
final class HostileComments {
    /** Payloads that, if they ever ran, would set {@code window.__xss} or open a dialog. */
    static final List<String> OURS = List.of(
            "<script>window.__xss=1</script>",
            "<SCRIPT SRC=/static/comments.js?x></SCRIPT>",
            "<img src=x onerror=\"window.__xss=1\">",
            "\"><svg onload=window.__xss=1>",
            "'><a href=\"javascript:window.__xss=1\">click</a>",
            "</textarea><script>window.__xss=1</script>",
            "</title><script>alert(1)</script>",
            "<!-- <script>alert(1)</script> -->",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
            "<details open ontoggle=window.__xss=1>",
            "<style>*{display:none}</style>",
            "<base href=\"https://evil.example/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "javascript:window.__xss=1",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "https://example.com/\"onmouseover=\"window.__xss=1",
            "https://example.com/'onmouseover='window.__xss=1'",
            "https://example.com/<script>window.__xss=1</script>",
            "http://example.com\" onclick=\"alert(1)",
            "https://example.com/&quot;onmouseover=alert(1)",
            "See https://example.com/\"><script>window.__xss=1</script> and https://example.org/a?b=1&c=<2>.",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&#60;script&#62;alert(1)&#60;/script&#62;",
            "&#x3C;img src=x onerror=alert(1)&#x3E;",
            "&#x6A;avascript:alert(1)",
            "%3Cscript%3Ealert(1)%3C/script%3E",
            "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
            "{{constructor.constructor('window.__xss=1')()}}",
            "${7*7} @if(true)x@endif !{var a = 1;} $unsafe{\"<b>\"}",
            "Ana \u202Egnp.exe",
            "\u202Dtxt.\u202E\u2066evil\u2069",
            "zero\u200Bwidth\u200D\uFEFFjoin",
            "line\u2028separator\u2029paragraph",
            "emoji 👍🏽 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 🏳️‍🌈",
            "null\u0000byte",
            "bell\u0007and escape\u001B[31m",
            "first line\nsecond line",
            "carriage\rreturn",
            "a".repeat(5001));

    /**
     * Form bodies whose text is not UTF-8 (lone surrogates as CESU-8, an overlong {@code <}, a cut-off
     * sequence, a byte UTF-8 never uses): each must be refused with 400, not stored as U+FFFD.
     */
    static final List<String> BROKEN = List.of("%ED%A0%80", "%ED%B0%80", "x%ED%A0%BD%ED%B1%8D", "%C0%BCscript%C0%BE",
            "%E2%82", "%FF");

    private HostileComments() {
    }

    /** html5lib's cases and ours. */
    static List<String> all() {
        List<String> inputs = new ArrayList<>();
        try {
            for (JsonElement e : JsonParser.parseString(Files.readString(
                    ThirdPartyData.path("xss/html5lib-sanitizer-tests.json"))).getAsJsonArray()) {
                inputs.add(e.getAsJsonObject().get("input").getAsString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inputs.addAll(OURS);
        return inputs;
    }

    /** What the site stores for a typed value: fields are trimmed, the email lowercased, a website without scheme gets https://. */
    static String stored(String field, String typed) {
        return switch (field) {
            case "email" -> typed.strip().toLowerCase(Locale.ROOT);
            case "url" -> {
                String url = typed.strip();
                yield url.isEmpty() || url.matches("(?is)[a-z][a-z0-9+.-]*:.*") ? url : "https://" + url;
            }
            case "body" -> typed.replace("\r\n", "\n").replace('\r', '\n').strip();
            default -> typed.strip();
        };
    }

    /** A value as an HTML parser reads it back from the page: line ends normalised, NUL replaced. */
    static String asParsed(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').replace('\u0000', '\uFFFD');
    }

    /** Posts a comment form from a distinct address (the site trusts 127.0.0.1 as its proxy). */
    static HttpResponse<String> post(CommentSite site, String body, int client) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSites.baseUrl(site.app) + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address(client))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return TestSites.send(site.app, request);
    }

    /** A different IPv4 /24 network for every client number, so per-network limits never meet. */
    static String address(int client) {
        return "10." + (client / 250) % 250 + "." + client % 250 + ".7";
    }

    static Map<String, String> form(CommentSite site, int n) {
        return site.form("Reader " + n, "reader" + n + "@example.org", "Comment number " + n + " on the pilot boat.");
    }
}
