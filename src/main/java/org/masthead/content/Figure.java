package org.masthead.content;

import org.commonmark.node.CustomBlock;

/** An image that stands alone in its paragraph: shown as a figure with caption and credit. */
final class Figure extends CustomBlock {
    final String src;
    final String alt;
    final String caption;
    final String credit;

    Figure(String src, String alt, String caption, String credit) {
        this.src = src;
        this.alt = alt;
        this.caption = caption;
        this.credit = credit;
    }
}
