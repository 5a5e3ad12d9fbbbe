package org.masthead.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the links an article page shows to other stories: two or three "See also" links
 * spread between its paragraphs (the editor's pinned ones first, then the closest
 * relatives) and a "You may also like" block. The relatives are the stored ranking the search
 * index computed by content similarity; until it has (a brand-new story, an index being
 * built) the newest stories fill in. Never the article itself, never a story twice.
 */
final class ArticleLinks {
    static final int MAX_SEE_ALSO = 3;
    static final int MIN_RELATED = 4;
    static final int MAX_RELATED = 6;

    private final SiteQueries queries;

    ArticleLinks(SiteQueries queries) {
        this.queries = queries;
    }

    /** {@code fromLatest}: too few related stories, so the latest ones filled in (the page shows the home list). */
    record Choice(List<ArticleSummary> seeAlso, List<ArticleSummary> related, boolean fromLatest) {
    }

    Choice choose(ArticleView article) {
        // The pinned stories, then the stored relatives, read in one go.
        Set<Long> ids = new LinkedHashSet<>(article.pinnedSeeAlso());
        ids.addAll(article.related());
        Map<Long, ArticleSummary> pool = new LinkedHashMap<>();
        for (ArticleSummary linked : queries.byIds(List.copyOf(ids))) {
            pool.putIfAbsent(linked.id(), linked);
        }
        pool.remove(article.id());
        pool.values().removeIf(other -> sameStory(article, other));
        List<ArticleSummary> ordered = new ArrayList<>(pool.values());
        int seeAlsoCount = Math.min(Math.min(MAX_SEE_ALSO, article.paragraphBreaks().size()), ordered.size());
        List<ArticleSummary> seeAlso = List.copyOf(ordered.subList(0, seeAlsoCount));
        List<ArticleSummary> rest = new ArrayList<>(ordered.subList(seeAlsoCount, ordered.size()));
        boolean fromLatest = rest.size() < MIN_RELATED;
        if (fromLatest) {
            for (ArticleSummary recent : queries.latest(MAX_RELATED + MAX_SEE_ALSO + 1)) {
                if (recent.id() != article.id() && !sameStory(article, recent) && !seeAlso.contains(recent)
                        && !rest.contains(recent)) {
                    rest.add(recent);
                }
            }
        }
        return new Choice(seeAlso, List.copyOf(rest.subList(0, Math.min(MAX_RELATED, rest.size()))), fromLatest);
    }

    /** A copy of the story under another address: the same headline. */
    private static boolean sameStory(ArticleView article, ArticleSummary other) {
        return other.headline().strip().equalsIgnoreCase(article.headline().strip());
    }

    /** Splits the body at evenly spread paragraph breaks and puts one link in each. */
    static List<Pages.BodyPart> weave(String html, List<Integer> breaks, List<ArticleSummary> links) {
        List<Pages.BodyPart> parts = new ArrayList<>();
        int from = 0;
        int n = breaks.size();
        int k = links.size();
        int lastIndex = -1;
        for (int i = 0; i < k; i++) {
            int index = Math.max(lastIndex + 1, (int) Math.round((i + 1) * (double) n / (k + 1)) - 1);
            if (index >= n) {
                break;
            }
            int at = breaks.get(index);
            parts.add(new Pages.Html(html.substring(from, at)));
            parts.add(new Pages.SeeAlso(links.get(i)));
            from = at;
            lastIndex = index;
        }
        parts.add(new Pages.Html(html.substring(from)));
        return parts;
    }
}
