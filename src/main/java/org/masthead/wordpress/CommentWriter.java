package org.masthead.wordpress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.masthead.comments.CommentGate;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.comments.CommentText;
import org.masthead.comments.NewComment;

/**
 * Writes a post's comments under its article: threads kept (a reply listed before what it
 * answers waits for it), WordPress's approval as the comment's status, no IP addresses, and
 * pingbacks and trackbacks left out and counted. A comment imported before is not written again.
 */
final class CommentWriter {
    private final WordPressStore store;
    private final CommentStore comments;

    CommentWriter(WordPressStore store, CommentStore comments) {
        this.store = store;
        this.comments = comments;
    }

    void write(WordPressImport.Run run, Wxr.Item item, long articleId, String what) {
        Map<String, org.masthead.comments.Comment> made = new HashMap<>();
        List<Wxr.Comment> waiting = new ArrayList<>(item.comments());
        // Replies may come before what they answer; each round places those whose parent is known.
        boolean placed = true;
        while (!waiting.isEmpty() && placed) {
            placed = false;
            for (var it = waiting.iterator(); it.hasNext(); ) {
                Wxr.Comment c = it.next();
                String parent = c.parent().strip();
                boolean top = parent.isEmpty() || parent.equals("0");
                if (!top && !made.containsKey(parent) && waiting.stream().anyMatch(w -> w.id().equals(parent))) {
                    continue;
                }
                it.remove();
                placed = true;
                comment(run, c, articleId, top ? null : made.get(parent), made, what);
            }
        }
    }

    private void comment(WordPressImport.Run run, Wxr.Comment c, long articleId, org.masthead.comments.Comment parent,
                         Map<String, org.masthead.comments.Comment> made, String what) {
        String where = what + ", comment " + c.id();
        String type = c.type().strip();
        if (type.equals("pingback") || type.equals("trackback")) {
            run.report.skip(where, "pingback or trackback (not comments by readers)");
            return;
        }
        if (c.id().isBlank()) {
            run.report.skip(where, "comment without wp:comment_id");
            return;
        }
        Optional<Long> existing = store.mapped(run.tx, run.source, "comment", c.id())
                .filter(id -> store.exists(run.tx, "comments", id));
        if (existing.isPresent()) {
            comments.find(run.tx, existing.get()).ifPresent(known -> made.put(c.id(), known));
            return; // comments are imported once; moderators may have acted on them since
        }
        CommentStatus status = switch (c.approved().strip()) {
            case "1", "approve" -> CommentStatus.APPROVED;
            case "spam" -> CommentStatus.SPAM;
            case "trash", "post-trashed" -> CommentStatus.TRASH;
            default -> CommentStatus.PENDING;
        };
        String text = commentText(c.content());
        if (text.isBlank()) {
            run.report.skip(where, "empty comment");
            return;
        }
        String name = WordPressImport.truncate(c.author().isBlank() ? "Anonymous" : WordPressImport.plainName(c.author(), "Anonymous"), 100);
        NewComment comment = new NewComment(articleId, parent == null ? null : parent.id(), name,
                WordPressImport.truncate(c.email().strip().toLowerCase(Locale.ROOT), 254),
                CommentText.webAddress(c.url()).filter(url -> url.length() <= 300).orElse(""), text, null);
        Instant at = Optional.ofNullable(ItemWriter.parse(c.dateGmt())).or(() -> Optional.ofNullable(ItemWriter.parse(c.date()))).orElse(Instant.now());
        var stored = comments.add(run.tx, comment, parent == null ? 0 : parent.depth() + 1, status,
                List.of("imported from WordPress"), 0, CommentGate.fingerprint(text), null, null, at);
        made.put(c.id(), stored);
        store.remember(run.tx, run.source, "comment", c.id(), stored.id(), "");
        run.report.created("comments");
    }

    /** A comment's HTML as the plain text Masthead's comments hold: paragraphs and line breaks kept, tags dropped. */
    static String commentText(String html) {
        String marked = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>\\s*<p[^>]*>", "\n\n");
        return Jsoup.parseBodyFragment(marked).body().wholeText().replace("\r\n", "\n").strip();
    }
}
