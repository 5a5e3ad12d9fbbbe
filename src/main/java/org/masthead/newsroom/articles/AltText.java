package org.masthead.newsroom.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.masthead.content.Markdown;

/**
 * The rule before anything goes public: every picture says what it shows. Checks the
 * featured image's library alt text, and every image of the body as readers would get it
 * (rendered by the same Markdown pipeline, so raw HTML images count too).
 */
final class AltText {
    private static final Pattern IMG = Pattern.compile("<img\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("\\balt=\"([^\"]*)\"");
    private static final Pattern SRC = Pattern.compile("\\bsrc=\"([^\"]*)\"");

    private final ArticleQueries articles;
    private final Markdown markdown;

    AltText(ArticleQueries articles, Markdown markdown) {
        this.articles = articles;
        this.markdown = markdown;
    }

    List<Problem> problems(Long featuredMediaId, String bodyMarkdown) {
        List<Problem> problems = new ArrayList<>();
        if (featuredMediaId != null) {
            articles.media(featuredMediaId).filter(m -> m.alt() == null || m.alt().isBlank()).ifPresent(m -> problems.add(new Problem("image",
                    "The featured image " + m.fileName() + " has no alt text. Describe it in the media library, or "
                            + "choose another image, before publishing or scheduling.")));
        }
        Matcher img = IMG.matcher(markdown.render(bodyMarkdown).html());
        while (img.find()) {
            Matcher alt = ALT.matcher(img.group(1));
            if (!alt.find() || alt.group(1).isBlank()) {
                Matcher src = SRC.matcher(img.group(1));
                String name = src.find() ? decode(src.group(1)) : "without an address";
                problems.add(new Problem("body", "The image " + name + " in the body has no alt text. Write what it shows between the "
                        + "brackets, as in ![Ferry leaving the quay](" + name + "), before publishing or scheduling."));
            }
        }
        return problems;
    }

    /** Undoes the sanitizer's escaping of the address, so the message names it as the editor wrote it. */
    private static String decode(String attribute) {
        Matcher entity = Pattern.compile("&#(\\d+);").matcher(attribute);
        StringBuilder plain = new StringBuilder();
        while (entity.find()) {
            entity.appendReplacement(plain, Matcher.quoteReplacement(Character.toString(Integer.parseInt(entity.group(1)))));
        }
        entity.appendTail(plain);
        return plain.toString().replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
    }
}
