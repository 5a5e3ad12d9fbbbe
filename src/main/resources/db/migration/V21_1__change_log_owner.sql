-- What a change belongs to, as a cache tag (a comment's article: "article:42"), so that every
-- instance's page cache drops only the pages showing it, without looking the row up again
-- (a deleted comment's row is gone by then). Null when the change stands alone.
alter table change_log add column owner varchar(60);
