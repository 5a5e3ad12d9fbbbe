package org.masthead.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;
import org.masthead.comments.CommentStore;
import org.masthead.comments.DatedComment;
import org.masthead.comments.NewComment;
import org.masthead.db.Database;

/**
 * Spreads approved reader comments over a site's published articles, for measuring: the demo's
 * own commenters and words ({@code demo/comments.txt}), each comment sent after its article was
 * published and before now (most within hours), some replying to an earlier comment of the same
 * article. A few articles draw many comments (up to some 70 times the average) and most draw a
 * few. The site is walked by id a page at a time, so memory holds one page's comments, never the
 * articles table. From a fixed seed: the same site and count give the same comments.
 */
public final class CommentGenerator {
    /** About this many comments go in one transaction; a page of articles is sized to get them. */
    private static final long COMMENTS_PER_PAGE = 5_000;
    private static final int MOST_ARTICLES_PER_PAGE = 1_000;
    private static final double REPLY_SHARE = 0.3;
    /** Comments come in soon after publication: delays are exponential with this mean, cut at now. */
    private static final long MEAN_DELAY_MILLIS = Duration.ofHours(8).toMillis();
    /** The tail of the Pareto weights that make a few articles the talk of the town (smaller: longer tail). */
    private static final double POPULARITY_TAIL = 1.5;
    /**
     * The most an article draws against the quietest: cut, so the most commented stories are alike in a
     * small site and a large one (uncut, the largest of a million draws would dwarf that of ten thousand).
     */
    private static final double HOTTEST = 200;

    private final Database db;
    private final CommentStore comments;
    private final DemoQueries queries;

    public CommentGenerator(Database db, CommentStore comments) {
        this.db = db;
        this.comments = comments;
        this.queries = new DemoQueries(db);
    }

    /** One comment to write: its article's place in the page, the comment it answers (its place, or -1), depth and time. */
    private record Planned(int article, int parent, int depth, Instant sentAt, Commenters.Voice voice, String body) {
    }

    /** Adds {@code count} approved comments; tells {@code progress} how many are written after each transaction. */
    public void generate(long count, LongConsumer progress) {
        Instant now = Instant.now();
        long articles = queries.countPublishedBefore(now);
        if (articles == 0) {
            throw new IllegalArgumentException("the site has no published articles to comment on: start it once with --demo"
                    + " or add --articles");
        }
        Commenters commenters = Commenters.fromDemo(count);
        int maxDepth = comments.settings().maxDepth();
        int pageSize = Math.clamp(COMMENTS_PER_PAGE * articles / count, 1, MOST_ARTICLES_PER_PAGE);
        Random random = new Random(20261206L);
        long seen = 0;
        long written = 0;
        long afterId = 0;
        while (written < count) {
            List<DemoQueries.Published> page = queries.publishedAfter(afterId, now, pageSize);
            if (page.isEmpty()) {
                throw new IllegalStateException("articles were unpublished while comments were added: "
                        + written + " of " + count + " written");
            }
            seen += page.size();
            // Each page takes its even share of the total, so the whole comes out exact.
            long share = seen >= articles ? count - written : Math.min(count - written, count * seen / articles - written);
            List<Planned> planned = plan(page, share, now, maxDepth, commenters, random);
            write(page, planned);
            written += share;
            afterId = page.getLast().id();
            progress.accept(share);
        }
    }

    /** The page's share of comments, dealt to its articles by weight, as threads in time order per article. */
    private static List<Planned> plan(List<DemoQueries.Published> page, long share, Instant now, int maxDepth,
                                      Commenters commenters, Random random) {
        double[] cumulative = new double[page.size()];
        double total = 0;
        for (int i = 0; i < page.size(); i++) {
            total += Math.min(HOTTEST, Math.pow(1 - random.nextDouble(), -1 / POPULARITY_TAIL));
            cumulative[i] = total;
        }
        int[] perArticle = new int[page.size()];
        for (long n = 0; n < share; n++) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            perArticle[Math.min(page.size() - 1, at < 0 ? -at - 1 : at)]++;
        }
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (perArticle[i] > 0) {
                thread(i, page.get(i).publishedAt(), perArticle[i], now, maxDepth, commenters, random, planned);
            }
        }
        return planned;
    }

    /** One article's comments: sorted times after publication, each after the first answering an earlier one at times. */
    private static void thread(int article, Instant published, int count, Instant now, int maxDepth, Commenters commenters,
                               Random random, List<Planned> planned) {
        long window = Duration.between(published, now).toMillis();
        // Exponential delays restricted to the window (the distribution inverted below its end): none after now.
        double below = 1 - Math.exp(-(double) window / MEAN_DELAY_MILLIS);
        long[] delays = new long[count];
        for (int n = 0; n < count; n++) {
            double delay = -Math.log(1 - random.nextDouble() * below) * MEAN_DELAY_MILLIS;
            delays[n] = Math.clamp((long) delay, 1, Math.max(1, window));
        }
        Arrays.sort(delays);
        int first = planned.size();
        for (int n = 0; n < count; n++) {
            int parent = -1;
            if (n > 0 && maxDepth > 1 && random.nextDouble() < REPLY_SHARE) {
                int answered = first + random.nextInt(n);
                if (planned.get(answered).depth() + 1 < maxDepth) {
                    parent = answered;
                }
            }
            int depth = parent < 0 ? 0 : planned.get(parent).depth() + 1;
            Commenters.Voice voice = commenters.next(random);
            planned.add(new Planned(article, parent, depth, published.plusMillis(delays[n]), voice,
                    parent < 0 ? commenters.opening(random) : commenters.reply(random)));
        }
    }

    /** Writes a page's comments in one transaction, shallowest first, so every reply's parent has its id. */
    private void write(List<DemoQueries.Published> page, List<Planned> planned) {
        long[] ids = new long[planned.size()];
        db.write(tx -> {
            for (int depth = 0; ; depth++) {
                List<Integer> level = new ArrayList<>();
                for (int i = 0; i < planned.size(); i++) {
                    if (planned.get(i).depth() == depth) {
                        level.add(i);
                    }
                }
                if (level.isEmpty()) {
                    return null;
                }
                List<DatedComment> batch = new ArrayList<>(level.size());
                for (int i : level) {
                    Planned p = planned.get(i);
                    Long parent = p.parent() < 0 ? null : ids[p.parent()];
                    batch.add(new DatedComment(new NewComment(page.get(p.article()).id(), parent, p.voice().name(),
                            p.voice().email(), "", p.body(), null), depth, p.sentAt()));
                }
                List<Long> stored = comments.addApproved(tx, batch);
                for (int n = 0; n < level.size(); n++) {
                    ids[level.get(n)] = stored.get(n);
                }
            }
        });
    }
}
