package org.masthead.content;

/** Where an article stands in the newsroom's workflow; readers only ever see PUBLISHED. */
public enum ArticleStatus {
    DRAFT, PENDING, SCHEDULED, PUBLISHED, UNPUBLISHED, TRASH
}
