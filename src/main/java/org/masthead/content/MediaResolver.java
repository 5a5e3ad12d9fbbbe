package org.masthead.content;

import java.util.Optional;

/** Finds the media-library image behind a URL written in Markdown, if it is one of ours. */
@FunctionalInterface
public interface MediaResolver {
    Optional<Media> find(String url);

    MediaResolver NONE = url -> Optional.empty();
}
