-- Articles that are translations of one another share a group: each linked article has one row
-- naming its group (the id of the group's first article when it was made). At most one article
-- of each language belongs to a group; the stores check it in the linking transaction.
create table article_translations (
    article_id bigint not null primary key references articles (id) on delete cascade,
    group_id   bigint not null
);
create index article_translations_group on article_translations (group_id);
