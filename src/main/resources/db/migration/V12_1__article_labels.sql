-- What kind of journalism an article is, shown above its headline and in lists, and named in
-- its structured data: News, Opinion, Analysis, Review or Sponsored (which names its sponsor).
alter table articles add column label varchar(20) not null default 'News';
alter table articles add column sponsor varchar(200) not null default '';
