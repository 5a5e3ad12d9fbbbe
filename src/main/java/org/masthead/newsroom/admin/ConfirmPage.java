package org.masthead.newsroom.admin;

import org.masthead.newsroom.Desk;

/**
 * The page that asks before something is deleted: what will happen, the button that does
 * it (a POST to {@code action}), and the way back.
 */
public record ConfirmPage(Desk desk, String question, String consequence, String action, String button, String cancelUrl) {
}
