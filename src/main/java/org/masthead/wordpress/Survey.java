package org.masthead.wordpress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first pass over an export: checks the whole file before anything is written, and keeps
 * the small things the second pass needs to know ahead (authors, terms, attachments, the
 * page tree), never the posts' text.
 */
final class Survey implements Wxr.Visitor {
    private static final Pattern CREDIT = Pattern.compile("s:6:\"credit\";s:\\d+:\"([^\"]*)\"");

    /** An attachment as the posts will refer to it. */
    record Attachment(String id, String url, String file, String title, String alt, String caption, String credit,
                      String parent, String link) {
    }

    String baseUrl = "";
    int items;
    final List<Wxr.Author> authors = new ArrayList<>();
    final Map<String, Wxr.Term> categories = new LinkedHashMap<>();
    final Map<String, Wxr.Term> tags = new LinkedHashMap<>();
    final Map<String, Attachment> attachments = new LinkedHashMap<>();
    /** Page id → {slug, parent id}, to rebuild hierarchical page paths. */
    final Map<String, String[]> pages = new HashMap<>();

    @Override
    public void site(String url) {
        baseUrl = url;
    }

    @Override
    public void author(Wxr.Author author) {
        authors.add(author);
    }

    @Override
    public void term(Wxr.Term term) {
        if (term.slug().isBlank()) {
            return;
        }
        if (term.taxonomy().equals("category")) {
            categories.putIfAbsent(term.slug(), term);
        } else if (term.taxonomy().equals("post_tag")) {
            tags.putIfAbsent(term.slug(), term);
        }
    }

    @Override
    public void item(Wxr.Item item) {
        items++;
        // A tag named only on its post (an export cut down by hand) keeps its WordPress slug too.
        for (Wxr.ItemTerm term : item.terms()) {
            if (term.domain().equals("post_tag") && !term.slug().isBlank() && !term.name().isBlank()) {
                tags.putIfAbsent(term.slug(), new Wxr.Term("post_tag", "", term.slug(), term.name(), "", ""));
            }
        }
        if (item.type().equals("attachment") && !item.id().isEmpty()) {
            String metadata = item.meta().getOrDefault("_wp_attachment_metadata", "");
            Matcher credit = CREDIT.matcher(metadata);
            attachments.put(item.id(), new Attachment(item.id(), item.attachmentUrl().isEmpty() ? item.guid() : item.attachmentUrl(),
                    item.meta().getOrDefault("_wp_attached_file", ""), item.title(),
                    item.meta().getOrDefault("_wp_attachment_image_alt", ""), item.excerpt(),
                    credit.find() ? credit.group(1) : "", item.parent(), item.link()));
        } else if (item.type().equals("page") && !item.id().isEmpty()) {
            pages.put(item.id(), new String[] {item.slug(), item.parent()});
        }
    }

    /** Items attached to a post, in file order. */
    List<Attachment> attachedTo(String postId) {
        return attachments.values().stream().filter(a -> a.parent().equals(postId)).toList();
    }
}
