package org.masthead.privacy;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The first-party cookie holding a reader's answer: {@code ID.VERSION.CATEGORIES}, e.g.
 * {@code 4kQz...Hw.1.preferences+media} or {@code ...1.none}. It is readable by consent.js
 * (not HttpOnly) so embeds can load without another request; it holds nothing secret.
 */
public final class ConsentCookie {
    public static final String NAME = "masthead_consent";
    public static final Duration LIFETIME = Duration.ofDays(183);
    private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9_-]{16,64})\\.(\\d{1,6})\\.([a-z+]{1,80})");

    private ConsentCookie() {
    }

    /** A stored answer: who (a random id, not a person), to which policy version, allowing what. */
    public record Choice(String consentId, int policyVersion, Set<Category> allowed) {
        public Choice {
            allowed = allowed.isEmpty() ? EnumSet.of(Category.NECESSARY) : EnumSet.copyOf(allowed);
            allowed.add(Category.NECESSARY);
        }

        public boolean allows(Category category) {
            return allowed.contains(category);
        }

        String value() {
            String categories = allowed.stream().filter(Category::optional).map(Category::key)
                    .collect(Collectors.joining("+"));
            return consentId + "." + policyVersion + "." + (categories.isEmpty() ? "none" : categories);
        }
    }

    /** The reader's stored choice, if the cookie is there and well formed (any policy version). */
    public static Optional<Choice> read(Context ctx) {
        return parse(ctx.cookie(NAME));
    }

    static Optional<Choice> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        var m = VALUE.matcher(raw);
        if (!m.matches()) {
            return Optional.empty();
        }
        Set<Category> allowed = EnumSet.of(Category.NECESSARY);
        if (!m.group(3).equals("none")) {
            for (String key : m.group(3).split("\\+")) {
                Category category = Category.byKey(key).orElse(null);
                if (category == null) {
                    return Optional.empty();
                }
                allowed.add(category);
            }
        }
        return Optional.of(new Choice(m.group(1), Integer.parseInt(m.group(2)), allowed));
    }

    static void write(Context ctx, Choice choice) {
        ctx.cookie(new Cookie(NAME, choice.value(), "/", (int) LIFETIME.toSeconds(), "https".equals(ctx.scheme()),
                false, null, SameSite.LAX));
    }
}
