-- A writer's stories by the writer: the list sitemap finds the newest story of a writer who has
-- published none of late through it, rather than by reading every byline of the site.
create index article_authors_author on article_authors (author_id);
