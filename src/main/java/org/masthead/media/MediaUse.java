package org.masthead.media;

/** One place that shows an image, such as ("Featured image of the article", "Night buses return"). */
public record MediaUse(String where, String title) {
}
