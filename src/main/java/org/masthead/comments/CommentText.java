package org.masthead.comments;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment's plain text as HTML: every character escaped, blank lines start paragraphs,
 * single line breaks stay line breaks, and http(s) addresses become links that pass no
 * ranking and no opener ({@code rel="nofollow ugc noopener"}). Nothing a commenter types
 * can become markup.
 */
public final class CommentText {
    static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}";
    private static final Pattern WEB = Pattern.compile(
            "https?://[^\\s/?#@]+\\.[^\\s/?#@]+(:\\d+)?([/?#][^\\s]*)?", Pattern.CASE_INSENSITIVE);
    static final String REL = "nofollow ugc noopener";

    private CommentText() {
    }

    public static String html(String text) {
        String normal = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder out = new StringBuilder(normal.length() + 32);
        for (String paragraph : PARAGRAPH_BREAK.split(normal)) {
            if (paragraph.isBlank()) {
                continue;
            }
            out.append("<p>");
            String[] lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>\n");
                }
                linkify(lines[i], out);
            }
            out.append("</p>\n");
        }
        return out.toString();
    }

    /** How many web addresses the text holds. */
    public static int links(String text) {
        Matcher m = URL.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** The host names of the web addresses in the text, lowercased. */
    public static java.util.List<String> linkHosts(String text) {
        java.util.List<String> hosts = new java.util.ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String rest = m.group().substring(m.group().indexOf("//") + 2);
            int end = 0;
            while (end < rest.length() && "/?#:".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            String host = rest.substring(0, end).toLowerCase(java.util.Locale.ROOT);
            int at = host.lastIndexOf('@');
            hosts.add(at >= 0 ? host.substring(at + 1) : host);
        }
        return hosts;
    }

    private static void linkify(String line, StringBuilder out) {
        Matcher m = URL.matcher(line);
        int last = 0;
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            url = url.substring(0, end);
            escape(line.substring(last, m.start()), out);
            out.append("<a href=\"");
            escape(url, out);
            out.append("\" rel=\"" + REL + "\">");
            escape(url, out);
            out.append("</a>");
            last = m.start() + end;
        }
        escape(line.substring(last), out);
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    public static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /**
     * A commenter's website as the site links it: an http or https address with a host name (one typed
     * without a scheme gets https://), or nothing for anything else. Imported comments follow the same rule.
     */
    public static Optional<String> webAddress(String typed) {
        String url = typed.strip();
        String full = url.matches("(?is)[a-z][a-z0-9+.-]*:.*") ? url : "https://" + url;
        return !url.isEmpty() && WEB.matcher(full).matches() ? Optional.of(full) : Optional.empty();
    }
}
