package org.masthead.privacy;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Set;

/**
 * One reader's own cookie answer, as the cookie settings page shows it: what they allow
 * under the policy in force, whether they have answered it, and whether their browser
 * sends Global Privacy Control.
 */
public record ReaderConsent(Notice notice, Set<Category> allowed, boolean answered, boolean gpc) {

    /** The answer of the reader of this request; the notice as it shows on the settings page. */
    public static ReaderConsent of(Context ctx) {
        Notice notice = Notice.of(ctx).forSettingsPage();
        var choice = ConsentCookie.read(ctx).filter(c -> c.policyVersion() == notice.policy().version());
        Set<Category> allowed = choice.map(ConsentCookie.Choice::allowed).orElse(EnumSet.of(Category.NECESSARY));
        return new ReaderConsent(notice, allowed, choice.isPresent(), ConsentRoutes.gpc(ctx));
    }

    public boolean isOn(Category category) {
        return allowed.contains(category);
    }
}
