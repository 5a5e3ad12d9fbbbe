-- The conversations' first comments (no parent), by status and date: the WordPress API's
-- comments?parent=0 counts and lists these; without it every approved comment's row was read
-- to see whether it answers another.
create index comments_top_level on comments (status, created_at) where parent_id is null;
