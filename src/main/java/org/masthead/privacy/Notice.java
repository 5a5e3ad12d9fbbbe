package org.masthead.privacy;

import io.javalin.http.Context;
import java.util.List;

/**
 * What the page frame shows of consent: the question (no answer yet for the policy in
 * force), nothing (answered), or a quiet note that the browser's Global Privacy Control
 * signal was taken as "reject all". The page cache keeps one copy per variant.
 */
public record Notice(Variant variant, Policy policy, String returnPath, boolean onSettingsPage) {
    static final String ATTRIBUTE = "masthead.consent-notice";

    /** The three ways a public page can look as far as consent goes; also the page cache's variant key. */
    public enum Variant { ASK, CHOSEN, GPC }

    /** The notice worked out for this request, or the question when none was (a request outside the site's routes). */
    public static Notice of(Context ctx) {
        Notice notice = ctx.attribute(ATTRIBUTE);
        return notice != null ? notice : new Notice(Variant.ASK, new Policy(1, java.time.Instant.EPOCH), "/", false);
    }

    public boolean asks() {
        return variant == Variant.ASK && !onSettingsPage;
    }

    public boolean gpcNote() {
        return variant == Variant.GPC && !onSettingsPage;
    }

    public List<Category> categories() {
        return List.of(Category.values());
    }

    Notice forSettingsPage() {
        return new Notice(variant, policy, returnPath, true);
    }
}
