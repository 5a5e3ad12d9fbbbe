package org.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/**
 * Hostile text typed into every comment field, by the real POST: what is accepted is stored
 * exactly as typed (trimmed, the email lowercased) and appears on the article page as text,
 * never as an element or attribute; what is refused comes back 422 with a reason and the
 * form filled in, just as harmlessly. Text that is not UTF-8 is refused with 400.
 */
class HostileCommentsTest {
    static final List<String> FIELDS = List.of("name", "email", "url", "body");
    /** Everything the comment template itself writes inside one comment. */
    private static final Set<String> COMMENT_TAGS = Set.of("article", "header", "span", "a", "time", "div", "p", "br", "ol", "li");
    private static final Set<String> COMMENT_ATTRIBUTES = Set.of("class", "id", "aria-labelledby", "href", "rel", "datetime",
            "data-reply-to", "data-reply-name");

    /** One typed value in one field, and what the site answered. */
    record Sent(String field, String typed, int status, long id) {
    }

    static CommentSite site(Kind kind) {
        return new CommentSite(App.create(TestSites.config(kind).withTrustedProxies(List.of("127.0.0.1"))).start());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hostileTextIsStoredAsTypedAndShownOnlyAsText(Kind kind) {
        List<String> inputs = HostileComments.all();
        try (CommentSite site = site(kind)) {
            Map<String, Integer> baseline = risky(Jsoup.parse(site.get(CommentSite.ARTICLE_URL).body()));
            SoftAssertions soft = new SoftAssertions();
            List<Sent> sent = new ArrayList<>();
            int client = 0;
            for (String field : FIELDS) {
                for (String input : inputs) {
                    client++;
                    String typed = field.equals("email") ? input + "@n" + client + ".example.org" : input;
                    Map<String, String> form = HostileComments.form(site, client);
                    form.put(field, typed);
                    HttpResponse<String> answer = HostileComments.post(site, CommentSite.encode(form), client);
                    String what = field + " = " + typed;
                    if (answer.statusCode() == 303) {
                        Comment stored = storedFrom(site, form.get("email"));
                        soft.assertThat(value(stored, field)).as(what).isEqualTo(HostileComments.stored(field, typed));
                        sent.add(new Sent(field, typed, 303, stored.id()));
                    } else {
                        soft.assertThat(answer.statusCode()).as(what).isEqualTo(422);
                        refusedClearly(soft, answer, field, typed, baseline, what);
                        sent.add(new Sent(field, typed, answer.statusCode(), 0));
                    }
                }
            }
            soft.assertAll();
            // Every field takes some of it: the checks below are not vacuous.
            for (String field : FIELDS) {
                assertThat(sent.stream().filter(s -> s.field().equals(field) && s.status() == 303)).as(field).hasSizeGreaterThan(5);
            }

            List<Long> ids = sent.stream().filter(s -> s.id() > 0).map(Sent::id).toList();
            site.app.database().write(tx -> site.comments.setStatus(tx, ids, CommentStatus.APPROVED));
            site.settings(rows -> CommentSite.with(rows, "per_page", "1000"));
            Document page = Jsoup.parse(site.get(CommentSite.ARTICLE_URL).body());
            onlyTheSitesOwnMarkup(page, baseline);
            SoftAssertions shown = new SoftAssertions();
            for (Sent s : sent) {
                if (s.id() > 0) {
                    shownAsText(shown, page, site.comments.find(s.id()).orElseThrow(), s.field() + " = " + s.typed());
                }
            }
            shown.assertAll();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void textThatIsNotUtf8IsRefusedAndNothingIsStored(Kind kind) {
        try (CommentSite site = site(kind)) {
            int client = 0;
            for (String field : FIELDS) {
                for (String broken : HostileComments.BROKEN) {
                    client++;
                    Map<String, String> form = HostileComments.form(site, client);
                    String body = CommentSite.encode(form).replace(field + "=", field + "=" + broken);
                    HttpResponse<String> answer = HostileComments.post(site, body, client);
                    assertThat(answer.statusCode()).as(field + " " + broken).isEqualTo(400);
                    assertThat(Jsoup.parse(answer.body()).text()).as(field + " " + broken).contains("not valid UTF-8");
                }
            }
            int stored = site.app.database().read(h -> h.createQuery("select count(*) from comments").mapTo(Integer.class).one());
            assertThat(stored).isZero();
        }
    }

    private static Comment storedFrom(CommentSite site, String email) {
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        List<Long> ids = site.app.database().read(h -> h.createQuery("select id from comments where author_email = :e")
                .bind("e", address).mapTo(Long.class).list());
        assertThat(ids).as("comments stored for " + address).hasSize(1);
        return site.comments.find(ids.getFirst()).orElseThrow();
    }

    private static String value(Comment c, String field) {
        return switch (field) {
            case "name" -> c.name();
            case "email" -> c.email();
            case "url" -> c.url();
            default -> c.body();
        };
    }

    /** A refusal says why, keeps what was typed in the form, and adds nothing to the page. */
    private static void refusedClearly(SoftAssertions soft, HttpResponse<String> answer, String field, String typed,
                                       Map<String, Integer> baseline, String what) {
        Document page = Jsoup.parse(answer.body());
        soft.assertThat(page.select(".comment-problem").text()).as(what).isNotBlank();
        soft.assertThat(page.select("#c-" + field + "-error").text()).as(what).isNotBlank();
        Element input = page.selectFirst("form.comment-form [name=" + field + "]");
        String expected = HostileComments.asParsed(field.equals("url") ? typed.strip() : HostileComments.stored(field, typed));
        if (input.tagName().equals("textarea")) {
            soft.assertThat(input.wholeText()).as(what).isEqualTo(expected);
        } else {
            // A one-line input drops line breaks from its value (HTML's value sanitization), so they are not compared.
            soft.assertThat(input.attr("value").replaceAll("[\r\n]", "")).as(what).isEqualTo(expected.replaceAll("[\r\n]", ""));
        }
        soft.assertThatCode(() -> onlyTheSitesOwnMarkup(page, baseline)).as(what).doesNotThrowAnyException();
    }

    /** How many elements of each kind that can run, load or submit something the page holds. */
    static Map<String, Integer> risky(Document page) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        // The head differs between a page and a refused form (noindex, no canonical link); its scripts count.
        for (Element e : page.select("script")) {
            counts.merge(e.tagName(), 1, Integer::sum);
        }
        for (Element e : page.body().select("iframe, frame, object, embed, svg, math, base, style, link, meta, img, "
                + "video, audio, source, form, input, button, textarea, select, template, noscript")) {
            counts.merge(e.tagName(), 1, Integer::sum);
        }
        return counts;
    }

    /** No handler attribute, no script URL, and no element that can run or load anything beyond the site's own. */
    static void onlyTheSitesOwnMarkup(Document page, Map<String, Integer> baseline) {
        assertThat(risky(page)).isEqualTo(baseline);
        assertThat(page.select("script[src]").eachAttr("src")).allMatch(src -> src.startsWith("/static/"));
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                assertThat(key).as(element.outerHtml()).doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("srcdoc");
                if (Set.of("href", "src", "action", "formaction").contains(key)) {
                    assertThat(attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", ""))
                            .as(element.outerHtml()).doesNotStartWith("javascript:").doesNotStartWith("vbscript:")
                            .doesNotStartWith("data:");
                }
            }
        }
    }

    /** The comment's name, website and text appear as typed, inside nothing but the template's own markup. */
    private static void shownAsText(SoftAssertions soft, Document page, Comment c, String what) {
        Element shown = page.getElementById(c.anchor());
        soft.assertThat(shown).as(what).isNotNull();
        if (shown == null) {
            return;
        }
        Element own = shown.clone();
        own.select(".comment-replies").remove();
        for (Element e : own.getAllElements()) {
            soft.assertThat(e.tagName()).as(what).isIn(COMMENT_TAGS);
            for (Attribute a : e.attributes()) {
                soft.assertThat(a.getKey()).as(what).isIn(COMMENT_ATTRIBUTES);
            }
        }
        Element author = own.selectFirst(".comment-author");
        soft.assertThat(author.wholeText()).as(what).isEqualTo(c.name());
        if (c.url().isEmpty()) {
            soft.assertThat(author.select("a")).as(what).isEmpty();
        } else {
            soft.assertThat(author.selectFirst("a").attr("href")).as(what).isEqualTo(c.url());
            soft.assertThat(author.selectFirst("a").attr("rel")).as(what).isEqualTo("nofollow ugc noopener");
        }
        Element body = own.selectFirst(".comment-body");
        soft.assertThat(withoutSpace(body.wholeText())).as(what).isEqualTo(withoutSpace(c.body()));
        for (Element link : body.select("a")) {
            soft.assertThat(link.attr("href")).as(what).startsWith("http").isEqualTo(link.wholeText());
            soft.assertThat(link.attr("rel")).as(what).isEqualTo("nofollow ugc noopener");
        }
        soft.assertThat(body.select("*").stream().map(Element::tagName).distinct().toList()).as(what)
                .isSubsetOf(List.of("div", "p", "br", "a"));
    }

    private static String withoutSpace(String text) {
        return text.replaceAll("[ \\t\\n\\r\\f]+", "");
    }

}
