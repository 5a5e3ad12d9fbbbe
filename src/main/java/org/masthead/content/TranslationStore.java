package org.masthead.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.masthead.db.Change;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/**
 * Which articles are translations of one another: groups of articles, at most one per language.
 * Linking two articles joins their groups; unlinking takes one article out of its group. Every
 * article of a group that changes counts as changed, as each page names all the others.
 */
public final class TranslationStore {
    /** One article of a translation group, published or not. */
    public record Member(long id, String language, String slug, String headline, ArticleStatus status,
                         java.time.Instant publishedAt) {
    }

    /** Why two articles cannot be linked, in words for the editor. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Database db;

    public TranslationStore(Database db) {
        this.db = db;
    }

    /** The other articles of {@code articleId}'s group, in language order. */
    public List<Member> translationsOf(long articleId) {
        return db.read(h -> members(h, articleId)).stream().filter(m -> m.id() != articleId).toList();
    }

    /**
     * Makes {@code other} (and its translations) translations of {@code articleId} (and its own),
     * in the caller's transaction; refused when a language would then appear twice.
     */
    public void link(Tx tx, long articleId, long other) {
        if (articleId == other) {
            throw new Refused("An article cannot be a translation of itself.");
        }
        tx.lock("article translations");
        List<Member> mine = group(tx, articleId);
        List<Member> theirs = group(tx, other);
        if (mine.stream().anyMatch(m -> m.id() == other)) {
            throw new Refused("These articles are already linked as translations.");
        }
        for (Member m : theirs) {
            Optional<Member> clash = mine.stream().filter(x -> x.language().equalsIgnoreCase(m.language())).findFirst();
            if (clash.isPresent()) {
                throw new Refused("“" + clash.get().headline() + "” is already the " + languageName(m.language())
                        + " version; a group of translations has one article per language.");
            }
        }
        long group = Math.min(groupId(tx, articleId).orElse(articleId), groupId(tx, other).orElse(other));
        List<Member> all = new ArrayList<>(mine);
        all.addAll(theirs);
        for (Member m : all) {
            tx.handle().execute("delete from article_translations where article_id = ?", m.id());
            tx.handle().execute("insert into article_translations (article_id, group_id) values (?, ?)", m.id(), group);
            tx.changed("article", m.id(), Change.Kind.UPDATED);
        }
    }

    /** Takes {@code articleId} out of its group; a group left with one article is no group. */
    public void unlink(Tx tx, long articleId) {
        tx.lock("article translations");
        List<Member> group = group(tx, articleId);
        if (group.size() < 2) {
            return;
        }
        tx.handle().execute("delete from article_translations where article_id = ?", articleId);
        List<Member> left = group.stream().filter(m -> m.id() != articleId).toList();
        if (left.size() == 1) {
            tx.handle().execute("delete from article_translations where article_id = ?", left.getFirst().id());
        }
        for (Member m : group) {
            tx.changed("article", m.id(), Change.Kind.UPDATED);
        }
    }

    /** The language's name in that language ("Deutsch" for de), for switchers and messages. */
    public static String languageName(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayLanguage(locale);
        if (name.isEmpty() || name.equalsIgnoreCase(tag)) {
            return tag;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static Optional<Long> groupId(Tx tx, long articleId) {
        return tx.handle().createQuery("select group_id from article_translations where article_id = :id")
                .bind("id", articleId).mapTo(Long.class).findOne();
    }

    /** The article's group with the article itself; the article alone when it has no translations. */
    private static List<Member> group(Tx tx, long articleId) {
        List<Member> members = members(tx.handle(), articleId);
        if (members.isEmpty()) {
            throw new Refused("There is no article number " + articleId + ".");
        }
        return members;
    }

    private static List<Member> members(org.jdbi.v3.core.Handle h, long articleId) {
        return h.createQuery("""
                        select a.id, a.language, a.slug, a.headline, a.status, a.published_at from articles a
                        where a.id = :id
                           or a.id in (select t.article_id from article_translations t where t.group_id =
                                       (select g.group_id from article_translations g where g.article_id = :id))
                        order by a.language, a.id""")
                .bind("id", articleId)
                .map((rs, ctx) -> {
                    long published = rs.getLong("published_at");
                    return new Member(rs.getLong("id"), rs.getString("language"), rs.getString("slug"), rs.getString("headline"),
                            ArticleStatus.valueOf(rs.getString("status")),
                            rs.wasNull() ? null : java.time.Instant.ofEpochMilli(published));
                }).list();
    }
}
