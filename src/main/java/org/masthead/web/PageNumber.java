package org.masthead.web;

/** The {@code ?page=N} of every paginated list: absent means 1, anything but a whole number from 1 up is 400. */
public final class PageNumber {
    private PageNumber() {
    }

    public static int parse(String raw) {
        if (raw == null) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw);
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw HttpError.badRequest("The page number must be a whole number from 1 up, not \"" + raw + "\".");
    }
}
