package org.masthead.site;

/** A published translation of the article being read: its language, that language's own name, headline and address. */
public record Translation(String language, String languageName, String headline, String url) {
}
