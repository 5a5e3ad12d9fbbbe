package org.masthead.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spam when the comment matches the moderators' blocklist: its email or IP address, a
 * domain it links to or writes from, or a word in its name or text. One reason per match.
 */
final class BlocklistSignal implements SpamSignal {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final CommentHistory history;

    BlocklistSignal(CommentHistory history) {
        this.history = history;
    }

    @Override
    public Finding check(Submission s) {
        NewComment c = s.comment();
        String words = " " + NOT_WORD.matcher((c.name() + " " + c.body()).toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        List<String> hosts = new ArrayList<>(CommentText.linkHosts(c.body() + " " + c.url()));
        hosts.add(c.email().substring(c.email().indexOf('@') + 1));
        List<String> found = new ArrayList<>();
        for (Block block : history.blocks()) {
            String value = block.value();
            switch (block.kind()) {
                case EMAIL -> {
                    if (c.email().equals(value)) {
                        found.add("the email address " + value + " is blocked");
                    }
                }
                case IP -> {
                    if (c.ip() != null && c.ip().equals(value)) {
                        found.add("the IP address " + value + " is blocked");
                    }
                }
                case DOMAIN -> {
                    if (hosts.stream().anyMatch(h -> h.equals(value) || h.endsWith("." + value))) {
                        found.add("the domain " + value + " is blocked");
                    }
                }
                case WORD -> {
                    String word = " " + NOT_WORD.matcher(value).replaceAll(" ").strip() + " ";
                    if (word.length() > 2 && words.contains(word)) {
                        found.add("the blocked word \"" + value + "\"");
                    }
                }
            }
        }
        return found.isEmpty() ? Finding.NOTHING : new Finding.Noted(CommentStatus.SPAM, found);
    }
}
