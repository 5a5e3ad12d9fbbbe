package org.masthead.comments;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.config.Config;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.SectionStore;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;
import org.masthead.privacy.IpDigest;

/** A fresh, empty site for one test with a section to put articles in, and helpers to seed comments. */
public final class SeededSite implements AutoCloseable {
    public static final String PASSWORD = "harbour-lights-42";

    public final Config config;
    public final App app;
    private final ArticleStore articles = new ArticleStore(new Markdown(url -> Optional.empty()));
    public final CommentStore comments;
    private final long sectionId;
    private final AtomicInteger counter = new AtomicInteger();

    public SeededSite(TestSites.Kind kind) {
        this(TestSites.config(kind), true);
    }

    /**
     * A site on that config; unless {@code started}, it only has its database (migrated) and
     * runs no server and no background jobs, so a test can run them itself.
     */
    public SeededSite(Config config, boolean started) {
        this.config = config;
        this.app = started ? App.create(config).start() : App.create(config);
        this.comments = new CommentStore(app.database());
        app.database().addListener(comments); // to see the settings and blocks the app changes
        this.sectionId = app.database().write(tx -> new SectionStore(app.database()).add(tx,
                "news-" + Long.toHexString(System.nanoTime()), "News", "", null, 0));
    }

    /** A published article, a minute old; returns its id. */
    public long article(String slug) {
        return article(slug, ArticleStatus.PUBLISHED, Instant.now().minusSeconds(60));
    }

    public long article(String slug, ArticleStatus status, Instant publishedAt) {
        return app.database().write(tx -> articles.create(tx, ArticleEdit.of(slug, "Headline " + slug, "Dek",
                "Body of " + slug, sectionId, status, publishedAt), ArticleEdit.By.SYSTEM));
    }

    /** Stores a comment as the gate would have judged it, with no spam checks. */
    public Comment comment(long articleId, Comment parent, String name, String email, String body, CommentStatus status,
                           String ip) {
        NewComment c = new NewComment(articleId, parent == null ? null : parent.id(), name, email, "", body, ip);
        return app.database().write(tx -> comments.add(tx, c, parent == null ? 0 : parent.depth() + 1, status,
                List.of("seeded by a test"), 0.1, CommentGate.fingerprint(body), ip == null ? null : IpDigest.network(ip), null));
    }

    public Comment comment(long articleId, Comment parent, String email, String body) {
        return comment(articleId, parent, email.substring(0, email.indexOf('@')), email, body, CommentStatus.APPROVED,
                "198.51.100." + (counter.incrementAndGet() % 250));
    }

    /** Moves a comment's times into the past, as if it had been sent and judged then. */
    public void age(long commentId, Instant createdAt, Instant statusAt) {
        app.database().write(tx -> tx.handle().createUpdate(
                        "update comments set created_at = :c, updated_at = :c, status_at = :s where id = :id")
                .bind("c", createdAt.toEpochMilli()).bind("s", statusAt.toEpochMilli()).bind("id", commentId).execute());
    }

    /** A browser signed in as a new account with this role. */
    public NewsroomClient signedIn(Role role) {
        String email = role.name().toLowerCase() + counter.incrementAndGet() + "@courier.example";
        new UserStore(app.database()).add(new UserStore.NewUser(email, "Test " + role.label(), role.name(), PASSWORD, PASSWORD));
        NewsroomClient browser = new NewsroomClient(app);
        HttpResponse<String> response = browser.signIn(email, PASSWORD);
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + response.statusCode());
        }
        return browser;
    }

    public List<AuditStore.Entry> audit() {
        return new AuditStore(app.database()).latest(100, 0);
    }

    @Override
    public void close() {
        app.close();
    }
}
