-- The newsroom: accounts and their sessions, failed sign-ins (for rate limits shared by
-- every instance), the audit log, article revisions, old article addresses, and the
-- article fields editors set beyond the content model.

create table users (
    id            ${id},
    email         varchar(320) not null unique,
    name          varchar(200) not null,
    role          varchar(20) not null,
    password_hash text not null,
    created_at    bigint not null
);

create table sessions (
    token_hash   varchar(100) primary key,
    user_id      bigint not null references users (id) on delete cascade,
    csrf_token   varchar(100) not null,
    created_at   bigint not null,
    last_seen_at bigint not null,
    expires_at   bigint not null
);
create index sessions_user on sessions (user_id);

create table login_failures (
    id        ${id},
    account   varchar(320) not null,
    ip        varchar(100) not null,
    failed_at bigint not null
);
create index login_failures_account on login_failures (account, failed_at);
create index login_failures_ip on login_failures (ip, failed_at);

create table audit_log (
    id        ${id},
    user_id   bigint,
    user_name varchar(200) not null,
    action    varchar(100) not null,
    target    varchar(300) not null,
    detail    text not null,
    at        bigint not null
);
create index audit_log_at on audit_log (at);

create table article_revisions (
    id         ${id},
    article_id bigint not null references articles (id) on delete cascade,
    number     integer not null,
    user_id    bigint,
    user_name  varchar(200) not null,
    headline   varchar(300) not null,
    dek        text not null,
    body_md    text not null,
    saved_at   bigint not null,
    note       varchar(300) not null,
    unique (article_id, number)
);

create table slug_redirects (
    old_slug   varchar(200) primary key,
    article_id bigint not null references articles (id) on delete cascade
);

alter table articles add column seo_title varchar(300) not null default '';
alter table articles add column seo_description text not null default '';
alter table articles add column version integer not null default 1;
alter table articles add column note_kind varchar(20);
alter table articles add column note_text text;
alter table articles add column note_at bigint;
alter table articles add column preview_token varchar(100);
alter table articles add column created_by bigint;
