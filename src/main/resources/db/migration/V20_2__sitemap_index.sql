-- The sitemap index reads the last change of every published article, grouped by runs of ids:
-- this index holds all it needs, so the query never reads the articles' bodies.
create index articles_changes on articles (status, id, published_at, updated_at, note_at);
