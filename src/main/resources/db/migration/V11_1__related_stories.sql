-- Related stories, ranked by content similarity when an article changes (the search index
-- computes them) and read by article pages: position 0 is the closest.
create table article_related (
    article_id bigint not null references articles (id) on delete cascade,
    position   integer not null,
    target_id  bigint not null references articles (id) on delete cascade,
    primary key (article_id, position)
);
create index article_related_target on article_related (target_id);
