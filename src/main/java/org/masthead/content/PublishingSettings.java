package org.masthead.content;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the site's stories travel beyond its pages, editable by its admins: whether feeds carry
 * each story's full text or only its dek; the publisher's logo (a media-library file, "" for the
 * site's icon); and the static pages (slugs, "" for none) that state its policies, which search
 * engines read from every article's structured data.
 */
public record PublishingSettings(boolean fullTextFeeds, String logo, String correctionsPolicy, String ethicsPolicy,
                                 String masthead, String feedbackPolicy, String ownershipFunding) {
    public static final PublishingSettings DEFAULTS = new PublishingSettings(false, "", "", "", "", "", "");

    public PublishingSettings(boolean fullTextFeeds) {
        this(fullTextFeeds, "", "", "", "", "", "");
    }

    /** schema.org's property for each policy, with the page's slug ("" when none was chosen), in a fixed order. */
    public Map<String, String> policies() {
        Map<String, String> policies = new LinkedHashMap<>();
        policies.put("correctionsPolicy", correctionsPolicy);
        policies.put("ethicsPolicy", ethicsPolicy);
        policies.put("masthead", masthead);
        policies.put("actionableFeedbackPolicy", feedbackPolicy);
        policies.put("ownershipFundingInfo", ownershipFunding);
        return policies;
    }
}
