package org.masthead.newsroom.articles;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.masthead.content.ArticleStatus;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.content.SectionStore;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/** The article list: filter by status, section and author, search headlines, 25 a page. */
final class ListRoutes {
    private final ArticleQueries articles;
    private final SectionStore sections;
    private final Templates templates;

    ListRoutes(ArticleQueries articles, SectionStore sections, Templates templates) {
        this.articles = articles;
        this.sections = sections;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/newsroom/articles", this::list);
    }

    private void list(Context ctx) {
        User user = Guard.require(ctx, Role.CONTRIBUTOR);
        ArticleStatus status = Arrays.stream(ArticleStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(ctx.queryParam("status"))).findFirst().orElse(null);
        Long section = id(ctx.queryParam("section"));
        Long author = id(ctx.queryParam("author"));
        String search = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        int page = org.masthead.web.PageNumber.parse(ctx.queryParam("page"));
        // Contributors work on their own pieces only; everyone else sees the whole desk.
        Long createdBy = user.can(Role.AUTHOR) ? null : user.id();
        ArticleQueries.Listing listing = articles.list(new ArticleQueries.Filter(status, section, author, search, createdBy, page));
        if (page > listing.pageCount()) {
            throw HttpError.notFound("This list has only " + listing.pageCount() + " page(s).");
        }
        List<DeskPages.ListRow> rows = listing.rows().stream().map(r -> new DeskPages.ListRow(r.id(), r.headline(),
                Workflow.label(r.status()), r.section(), String.join(", ", r.authors()), r.changedAt(),
                r.createdBy() == null ? "" : r.createdBy())).toList();
        List<DeskPages.Choice> statuses = new ArrayList<>();
        statuses.add(new DeskPages.Choice("", "All but the trash", status == null));
        for (ArticleStatus s : ArticleStatus.values()) {
            statuses.add(new DeskPages.Choice(s.name().toLowerCase(), Workflow.label(s), s == status));
        }
        List<DeskPages.Choice> sectionChoices = sections.all().stream()
                .map(s -> new DeskPages.Choice(Long.toString(s.id()), s.name(), Long.valueOf(s.id()).equals(section))).toList();
        List<DeskPages.Choice> authors = articles.bylines().stream()
                .map(a -> new DeskPages.Choice(Long.toString(a.id()), a.name(), Long.valueOf(a.id()).equals(author))).toList();
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("status", status == null ? "" : status.name().toLowerCase());
        kept.put("section", section == null ? "" : section.toString());
        kept.put("author", author == null ? "" : author.toString());
        kept.put("q", search);
        String query = kept.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        templates.render(ctx, "newsroom/articles/list.jte", new DeskPages.ListPage(EditorView.desk(ctx, "Articles"),
                rows, listing.total(), page, listing.pageCount(), statuses, sectionChoices, authors, search, query));
    }

    private static Long id(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("Choose the filter from the list offered.");
        }
    }

}
