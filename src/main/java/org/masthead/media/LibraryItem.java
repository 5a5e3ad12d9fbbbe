package org.masthead.media;

import java.time.Instant;
import org.masthead.content.Media;

/** An image of the library as the newsroom sees it: the image, who uploaded it and when. */
public record LibraryItem(Media media, Long uploadedBy, String uploaderName, Instant createdAt) {
}
