package org.masthead.site;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.comments.NewComment;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.db.Database;

/**
 * The writing half of bench/mixed.sh: on the database of a running site, as a second instance
 * would, approves five readers' comments a second on random published stories and publishes a
 * story every ten seconds, for the given seconds; the site hears of them through the change log.
 * Prints how many of each it wrote.
 *
 * <pre>MixedWriter JDBC-URL SECONDS</pre>
 */
public final class MixedWriter {
    private MixedWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = Long.parseLong(args[1]);
        try (Database db = Database.open(args[0])) {
            CommentStore comments = new CommentStore(db);
            ArticleStore articles = new ArticleStore(new Markdown(MediaResolver.NONE));
            List<Long> stories = db.read(h -> h.createQuery("select id from articles where status = 'PUBLISHED'")
                    .mapTo(Long.class).list());
            long section = db.read(h -> h.createQuery("select min(id) from sections").mapTo(Long.class).one());
            long start = System.nanoTime();
            int written = 0;
            int published = 0;
            for (long t = 0; t < seconds * 5; t++) {
                long tick = t;
                long due = start + tick * 200_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long story = stories.get(ThreadLocalRandom.current().nextInt(stories.size()));
                String text = "Comment " + tick + " from the mixed benchmark.";
                db.write(tx -> comments.add(tx, new NewComment(story, null, "Reader " + tick, "reader" + tick + "@example.org",
                        "", text, "203.0.113.9"), 0, CommentStatus.APPROVED, List.of(), 0, "mixed-" + tick, "203.0.113.0", null));
                written++;
                if (tick % 50 == 49) {
                    String slug = "mixed-benchmark-story-" + start + "-" + tick;
                    db.write(tx -> articles.create(tx, ArticleEdit.of(slug, "Mixed benchmark story " + tick, "A dek.",
                            "A paragraph.\n\nAnother one.", section, ArticleStatus.PUBLISHED, Instant.now()),
                            ArticleEdit.By.SYSTEM));
                    published++;
                }
            }
            System.out.println("writer: " + written + " comments and " + published + " stories in " + seconds + " s");
        }
    }
}
