package org.masthead.newsroom.articles;

/** One thing wrong with an article as submitted: the editor field it concerns and what to do about it. */
public record Problem(String field, String message) {
}
