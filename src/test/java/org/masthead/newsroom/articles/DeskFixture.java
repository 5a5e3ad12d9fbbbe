package org.masthead.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.media.MediaStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;

/** A fresh empty site with a section, an author and one account per role, driven like a browser. */
final class DeskFixture implements AutoCloseable {
    static final String PASSWORD = "harbour-lights-42";

    final App app;
    final ArticleStore articles = new ArticleStore(new Markdown(MediaResolver.NONE));
    final long section;
    final long author;

    DeskFixture(TestSites.Kind kind) {
        app = App.create(TestSites.config(kind)).start();
        section = app.database().write(tx -> new SectionStore(app.database()).add(tx, "harbour", "Harbour", "Ships and quays.",
                null, 0));
        author = app.database().write(tx -> new AuthorStore(new Markdown(MediaResolver.NONE)).add(tx, "mara-okonjo",
                "Mara Okonjo", "City Hall reporter", "Mara covers the council.", null));
        UserStore users = new UserStore(app.database());
        for (Role role : Role.values()) {
            String email = role.name().toLowerCase() + "@courier.example";
            users.add(new UserStore.NewUser(email, "Test " + role.label(), role.name(), PASSWORD, PASSWORD));
        }
    }

    /** An image in the media library, as if its files were in the media folder. */
    long image(String fileName, String alt) {
        return app.database().write(tx -> new MediaStore(app.database()).add(tx, fileName, "image/jpeg", 800, 600, List.of(), alt, "", "", null));
    }

    NewsroomClient signedIn(Role role) {
        NewsroomClient client = new NewsroomClient(app);
        assertThat(client.signIn(role.name().toLowerCase() + "@courier.example", PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    /** The fields of a new article as someone fills in the form. */
    Map<String, String> story(String headline, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", headline);
        fields.put("slug", "");
        fields.put("dek", "A short standfirst.");
        fields.put("body", body);
        fields.put("section", Long.toString(section));
        fields.put("authors", Long.toString(author));
        fields.put("tags", "Harbour, Night ferries");
        fields.put("language", "en");
        return fields;
    }

    /** Creates an article through the editor; returns its id. */
    long create(NewsroomClient client, Map<String, String> fields, String action) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("action", action);
        HttpResponse<String> saved = client.submit("/newsroom/articles/new", "/newsroom/articles/new", all);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String location = saved.headers().firstValue("location").orElseThrow();
        return Long.parseLong(location.replaceAll("^/newsroom/articles/(\\d+)\\?.*$", "$1"));
    }

    /** What a browser would send from the editor page of that article, with some fields changed. */
    static Map<String, String> formOf(Document editor, Map<String, String> changes) {
        FormElement form = (FormElement) editor.selectFirst("form.nr-article-form");
        Map<String, String> values = new LinkedHashMap<>();
        form.formData().forEach(kv -> values.put(kv.key(), kv.value()));
        values.putAll(changes);
        return values;
    }

    HttpResponse<String> save(NewsroomClient client, long id, Map<String, String> changes, String action) {
        Document editor = client.page("/newsroom/articles/" + id);
        Map<String, String> values = formOf(editor, changes);
        values.put("action", action);
        return client.post("/newsroom/articles/" + id, values);
    }

    /** The public address of a published article, as the editor links to it. */
    String publicUrl(NewsroomClient client, long id) {
        var link = client.page("/newsroom/articles/" + id).selectFirst("a:containsOwn(View on the site)");
        assertThat(link).as("a published article links to its page").isNotNull();
        return link.attr("href");
    }

    List<String> auditActions() {
        return app.database().read(h -> h.createQuery("select action from audit_log order by id").mapTo(String.class).list());
    }

    @Override
    public void close() {
        app.close();
    }
}
