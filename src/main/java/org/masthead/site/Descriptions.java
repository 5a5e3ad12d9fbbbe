package org.masthead.site;

/** A page's description for search results and previews when no one wrote one: its opening words. */
final class Descriptions {
    static final int LENGTH = 160;

    private Descriptions() {
    }

    /** The text of sanitized stored HTML, its tags and entities dropped, cut at a word near {@value #LENGTH} characters. */
    static String of(String html) {
        String text = html.replaceAll("<[^>]*>", " ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
        if (text.length() <= LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', LENGTH - 1);
        return text.substring(0, cut > LENGTH / 2 ? cut : LENGTH - 1).strip() + "…";
    }
}
