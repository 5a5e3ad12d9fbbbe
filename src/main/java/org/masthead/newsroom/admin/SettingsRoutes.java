package org.masthead.newsroom.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.masthead.content.PublishingSettings;
import org.masthead.content.SettingsStore;
import org.masthead.content.SiteSettings;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.db.Database;
import org.masthead.web.Templates;

/**
 * Admins set the site's name, tagline, language and time zone, and whether feeds carry full text. Saving goes through the
 * change log, so every cached page and the in-memory settings are dropped at once.
 */
public final class SettingsRoutes {
    private static final String PATH = "/newsroom/settings";
    /** BCP 47 as newsrooms use it: a language, then optional script or region subtags (en, pt-BR, sr-Latn-RS). */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final Database db;
    private final SettingsStore store;
    private final Templates templates;

    SettingsRoutes(Database db, SettingsStore store, Templates templates) {
        this.db = db;
        this.store = store;
        this.templates = templates;
    }

    /** {@code feeds} is "full" or "excerpt"; a form sent without it keeps the current choice. */
    public record SettingsForm(String name, String tagline, String language, String zone, String feeds) {
        static SettingsForm of(Context ctx, PublishingSettings current) {
            String feeds = FormFields.field(ctx, "feeds");
            return new SettingsForm(FormFields.field(ctx, "name"), FormFields.field(ctx, "tagline"), FormFields.field(ctx, "language"),
                    FormFields.field(ctx, "zone"), feeds.isEmpty() ? feedsChoice(current) : feeds);
        }

        public boolean fullTextFeeds() {
            return "full".equals(feeds);
        }
    }

    private static String feedsChoice(PublishingSettings settings) {
        return settings.fullTextFeeds() ? "full" : "excerpt";
    }

    public record SettingsPage(Desk desk, SettingsForm form, List<String> zones) {
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::form);
        routes.post(PATH, this::save);
    }

    private void form(Context ctx) {
        Guard.require(ctx, Role.ADMIN);
        SiteSettings current = store.current();
        Desk desk = Forms.desk(ctx, "Site settings", "settings");
        if ("saved".equals(ctx.queryParam("done"))) {
            desk = desk.withNotice("Settings saved. The public site shows them now.");
        }
        render(ctx, desk, new SettingsForm(current.name(), current.tagline(), current.language(), current.zone().getId(),
                feedsChoice(store.publishing())));
    }

    private void save(Context ctx) {
        User user = Guard.require(ctx, Role.ADMIN);
        PublishingSettings publishingBefore = store.publishing();
        SettingsForm form = SettingsForm.of(ctx, publishingBefore);
        List<String> problems = problems(form);
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, Forms.desk(ctx, "Site settings", "settings").withErrors(problems), form);
            return;
        }
        SiteSettings before = store.current();
        SiteSettings after = new SiteSettings(form.name(), form.tagline(), canonicalLanguage(form.language()), ZoneId.of(form.zone()));
        PublishingSettings publishingAfter = new PublishingSettings(form.fullTextFeeds());
        db.write(tx -> {
            store.save(tx, after);
            AuditStore.record(tx, user, "changed the site settings", "settings", describe(before) + " → " + describe(after));
            if (!publishingAfter.equals(publishingBefore)) {
                store.savePublishing(tx, publishingAfter);
                AuditStore.record(tx, user, "changed the publishing settings", "settings",
                        "feeds: " + feedsChoice(publishingBefore) + " → " + feedsChoice(publishingAfter));
            }
            return null;
        });
        Forms.redirect(ctx, PATH + "?done=saved");
    }

    private void render(Context ctx, Desk desk, SettingsForm form) {
        templates.render(ctx, "newsroom/admin/settings.jte", new SettingsPage(desk, form, ZONES));
    }

    static List<String> problems(SettingsForm form) {
        List<String> problems = new ArrayList<>();
        Forms.addIfPresent(problems, Forms.required(form.name(), "the site's name", 200));
        if (form.tagline().length() > 300) {
            problems.add("Keep the tagline to 300 characters at most.");
        }
        if (!LANGUAGE.matcher(form.language()).matches() || canonicalLanguage(form.language()).equals("und")) {
            problems.add("Enter the language as a BCP 47 tag, such as en, de or pt-BR.");
        }
        try {
            ZoneId.of(form.zone());
        } catch (DateTimeException e) {
            problems.add("Choose a time zone from the list, such as Europe/Berlin or America/Sao_Paulo; \""
                    + form.zone() + "\" is not one.");
        }
        if (!form.feeds().equals("full") && !form.feeds().equals("excerpt")) {
            problems.add("Choose whether feeds carry each story's full text or its dek only.");
        }
        return problems;
    }

    /** "pt-br" and "PT-BR" become "pt-BR", the way browsers and search engines write it. */
    static String canonicalLanguage(String tag) {
        return Locale.forLanguageTag(tag).toLanguageTag();
    }

    private static String describe(SiteSettings s) {
        return s.name() + " | " + s.tagline() + " | " + s.language() + " | " + s.zone().getId();
    }
}
