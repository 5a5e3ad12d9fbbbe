package org.masthead.newsroom.articles;

import java.time.Instant;
import java.util.List;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Section;
import org.masthead.newsroom.Desk;

/** The typed models of the article desk's templates, one per page. */
public final class DeskPages {
    private DeskPages() {
    }

    /** A submit button of the editor: the action it asks for and its words. */
    public record Button(String value, String label) {
    }

    public record AuthorChoice(long id, String name, boolean chosen, String position) {
    }

    public record MediaChoice(long id, String label) {
    }

    /** What another person saved meanwhile, shown beside what this user submitted. */
    public record Conflict(int version, String headline, String dek, String body) {
    }

    public record EditorPage(Desk desk, Long articleId, String status, ArticleForm form, List<Section> sections,
                             List<AuthorChoice> authors, List<MediaChoice> media, List<String> noteKinds,
                             List<Button> buttons, String previewHtml, String previewUrl, String publicUrl,
                             Conflict conflict, String zone, boolean unsaved,
                             org.masthead.search.EditorSuggestions suggestions) {
        public String action() {
            return articleId == null ? "/newsroom/articles/new" : "/newsroom/articles/" + articleId;
        }
    }

    /** One line of the article list. */
    public record ListRow(long id, String headline, String status, String section, String authors, Instant changedAt,
                          String createdBy) {
    }

    public record Choice(String value, String label, boolean selected) {
    }

    public record ListPage(Desk desk, List<ListRow> rows, long total, int page, int pageCount, List<Choice> statuses,
                           List<Choice> sections, List<Choice> authors, String search, String query) {
        public String pageUrl(int number) {
            return "/newsroom/articles?" + (query.isEmpty() ? "" : query + "&") + "page=" + number;
        }
    }

    public record RevisionRow(int number, String userName, Instant savedAt, String note, String headline) {
    }

    /** An article's linked translations and the form that links one more. */
    public record TranslationsPage(Desk desk, long articleId, String headline, String language, String languageName,
                                   List<TranslationRow> translations, String typed, String notice) {
    }

    public record TranslationRow(long id, String language, String languageName, String headline, String status) {
    }

    public record RevisionsPage(Desk desk, long articleId, String headline, List<RevisionRow> revisions,
                                boolean canRestore) {
    }

    /** A piece of a word diff: text both have, or text only the newer ("ins") or older ("del") one has. */
    public record Piece(String kind, String text) {
    }

    public record DiffPage(Desk desk, long articleId, RevisionRow from, RevisionRow to, List<Piece> headline,
                           List<Piece> dek, List<Piece> body) {
    }

    static String statusLabel(ArticleStatus status) {
        return status == null ? "New" : Workflow.label(status);
    }
}
