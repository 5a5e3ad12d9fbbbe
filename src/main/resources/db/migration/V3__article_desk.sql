-- The article desk: preview links are looked up by their token, and contributors' lists
-- by the account that created the article.
create unique index articles_preview_token on articles (preview_token);
create index articles_created_by on articles (created_by, status);
