package org.masthead.newsroom.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
    private final AdminQueries queries;
    private final Templates templates;

    SettingsRoutes(Database db, SettingsStore store, AdminQueries queries, Templates templates) {
        this.db = db;
        this.store = store;
        this.queries = queries;
        this.templates = templates;
    }

    /**
     * {@code feeds} is "full" or "excerpt"; {@code publishing} holds the logo's file name and the
     * policy pages' slugs by schema.org property. A form sent without the publishing fields keeps
     * the current choices.
     */
    public record SettingsForm(String name, String tagline, String language, String zone, String feeds,
                               String logo, Map<String, String> policies) {
        static SettingsForm of(Context ctx, PublishingSettings current) {
            String feeds = FormFields.field(ctx, "feeds");
            Map<String, String> policies = new LinkedHashMap<>();
            current.policies().forEach((property, slug) -> policies.put(property,
                    ctx.formParam(property) == null ? slug : FormFields.field(ctx, property)));
            return new SettingsForm(FormFields.field(ctx, "name"), FormFields.field(ctx, "tagline"), FormFields.field(ctx, "language"),
                    FormFields.field(ctx, "zone"), feeds.isEmpty() ? feedsChoice(current) : feeds,
                    ctx.formParam("logo") == null ? current.logo() : FormFields.field(ctx, "logo"), policies);
        }

        public boolean fullTextFeeds() {
            return "full".equals(feeds);
        }

        PublishingSettings publishing() {
            return new PublishingSettings(fullTextFeeds(), logo, policies.get("correctionsPolicy"),
                    policies.get("ethicsPolicy"), policies.get("masthead"), policies.get("actionableFeedbackPolicy"),
                    policies.get("ownershipFundingInfo"));
        }
    }

    /** Each policy a newsroom publishes, as the form names it. */
    public static final Map<String, String> POLICY_NAMES = policyNames();

    private static Map<String, String> policyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("correctionsPolicy", "Corrections policy");
        names.put("ethicsPolicy", "Ethics policy");
        names.put("masthead", "Masthead (who runs the newsroom)");
        names.put("actionableFeedbackPolicy", "How readers reach the newsroom");
        names.put("ownershipFundingInfo", "Ownership and funding");
        return names;
    }

    private static String feedsChoice(PublishingSettings settings) {
        return settings.fullTextFeeds() ? "full" : "excerpt";
    }

    public record SettingsPage(Desk desk, SettingsForm form, List<String> zones, List<AdminQueries.PageRow> pages,
                               List<AdminQueries.MediaChoice> images) {
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
        PublishingSettings publishing = store.publishing();
        render(ctx, desk, new SettingsForm(current.name(), current.tagline(), current.language(), current.zone().getId(),
                feedsChoice(publishing), publishing.logo(), publishing.policies()));
    }

    private void save(Context ctx) {
        User user = Guard.require(ctx, Role.ADMIN);
        PublishingSettings publishingBefore = store.publishing();
        SettingsForm form = SettingsForm.of(ctx, publishingBefore);
        List<String> problems = problems(form);
        problems.addAll(publishingProblems(form));
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, Forms.desk(ctx, "Site settings", "settings").withErrors(problems), form);
            return;
        }
        SiteSettings before = store.current();
        SiteSettings after = new SiteSettings(form.name(), form.tagline(), canonicalLanguage(form.language()), ZoneId.of(form.zone()));
        PublishingSettings publishingAfter = form.publishing();
        db.write(tx -> {
            store.save(tx, after);
            AuditStore.record(tx, user, "changed the site settings", "settings", describe(before) + " → " + describe(after));
            if (!publishingAfter.equals(publishingBefore)) {
                store.savePublishing(tx, publishingAfter);
                AuditStore.record(tx, user, "changed the publishing settings", "settings",
                        describe(publishingBefore) + " → " + describe(publishingAfter));
            }
            return null;
        });
        Forms.redirect(ctx, PATH + "?done=saved");
    }

    private void render(Context ctx, Desk desk, SettingsForm form) {
        templates.render(ctx, "newsroom/admin/settings.jte", new SettingsPage(desk, form, ZONES, queries.pages(),
                queries.media()));
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

    /** The logo must be an image of the media library, and each policy one of the static pages, or none. */
    private List<String> publishingProblems(SettingsForm form) {
        List<String> problems = new ArrayList<>();
        if (!form.logo().isEmpty() && queries.media().stream().noneMatch(m -> m.fileName().equals(form.logo()))) {
            problems.add("Choose the logo from the media library; \"" + form.logo() + "\" is not one of its images.");
        }
        List<AdminQueries.PageRow> pages = queries.pages();
        form.policies().forEach((property, slug) -> {
            if (!slug.isEmpty() && pages.stream().noneMatch(p -> p.slug().equals(slug))) {
                problems.add("Choose the " + POLICY_NAMES.get(property).toLowerCase(Locale.ROOT)
                        + " from the static pages; \"" + slug + "\" is not one of them.");
            }
        });
        return problems;
    }

    private static String describe(PublishingSettings p) {
        return "feeds " + feedsChoice(p) + " | logo " + (p.logo().isEmpty() ? "none" : p.logo()) + " | policies "
                + p.policies().values().stream().map(v -> v.isEmpty() ? "-" : v).toList();
    }

    private static String describe(SiteSettings s) {
        return s.name() + " | " + s.tagline() + " | " + s.language() + " | " + s.zone().getId();
    }
}
