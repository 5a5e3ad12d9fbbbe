-- Reader comments. A comment's status is pending (held for a moderator), approved (shown),
-- spam (kept for comments.spam_days so it can be rescued) or trash. reasons holds the verdict's
-- reasons, one per line, for moderators. email is stored lowercased and never shown;
-- ip and ip_network are dropped after comments.ip_days. fingerprint is a hash of the
-- normalised text, for duplicate detection. site_user_id marks a reply written as the site.

create table comments (
    id           ${id},
    article_id   bigint not null references articles (id) on delete cascade,
    parent_id    bigint references comments (id),
    depth        integer not null,
    author_name  varchar(100) not null,
    author_email varchar(254) not null,
    author_url   varchar(300) not null,
    body         text not null,
    status       varchar(10) not null,
    reasons      text not null,
    spam_score   double precision not null,
    fingerprint  varchar(64) not null,
    ip           varchar(64),
    ip_network   varchar(64),
    site_user_id bigint references users (id) on delete set null,
    created_at   bigint not null,
    updated_at   bigint not null,
    status_at    bigint not null
);
create index comments_article on comments (article_id, status, created_at);
create index comments_status on comments (status, created_at);
create index comments_email on comments (author_email, created_at);
create index comments_network on comments (ip_network, created_at);
create index comments_fingerprint on comments (fingerprint, created_at);
create index comments_parent on comments (parent_id);

-- What moderators block: kind is word, domain, email or ip.
create table comment_blocks (
    id         ${id},
    kind       varchar(10) not null,
    value      varchar(300) not null,
    created_at bigint not null,
    unique (kind, value)
);

-- Comments on an article are open unless closed here or closed by age (comments.close_after_days).
alter table articles add column comments varchar(10) not null default 'open';

-- The key that signs comment forms, made once and shared by every instance.
create table comment_secret (
    id     bigint primary key,
    secret varchar(100) not null
);
