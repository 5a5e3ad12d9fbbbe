package org.masthead.newsroom.articles;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word-level differences between two texts, as editors compare revisions: kept, inserted, deleted. */
final class WordDiff {
    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private WordDiff() {
    }

    static List<DeskPages.Piece> between(String older, String newer) {
        List<String> a = tokens(older);
        List<String> b = tokens(newer);
        List<DeskPages.Piece> pieces = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(pieces, "same", String.join("", a.subList(at, start)));
            add(pieces, "del", String.join("", delta.getSource().getLines()));
            add(pieces, "ins", String.join("", delta.getTarget().getLines()));
            at = start + delta.getSource().size();
        }
        add(pieces, "same", String.join("", a.subList(at, a.size())));
        return pieces;
    }

    private static void add(List<DeskPages.Piece> pieces, String kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!pieces.isEmpty() && pieces.getLast().kind().equals(kind)) {
            text = pieces.removeLast().text() + text;
        }
        pieces.add(new DeskPages.Piece(kind, text));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
