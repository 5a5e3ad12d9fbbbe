-- The content model: sections, authors, tags, media, articles and static pages,
-- plus the change log every write appends to. Instants are epoch milliseconds (UTC).
-- ${id} is the dialect's auto-numbered primary key.

create table site_settings (
    name  varchar(100) primary key,
    value text not null
);

create table change_log (
    seq        ${id},
    entity     varchar(40) not null,
    entity_id  bigint not null,
    kind       varchar(10) not null,
    changed_at bigint not null
);

create table media (
    id           ${id},
    file_name    varchar(200) not null unique,
    content_type varchar(100) not null,
    width        integer not null,
    height       integer not null,
    widths       varchar(100) not null,
    alt          text not null,
    caption      text not null,
    credit       text not null,
    created_at   bigint not null
);

create table sections (
    id          ${id},
    slug        varchar(120) not null unique,
    name        varchar(200) not null,
    description text not null,
    parent_id   bigint references sections (id),
    position    integer not null
);

create table authors (
    id             ${id},
    slug           varchar(120) not null unique,
    name           varchar(200) not null,
    role           varchar(200) not null,
    bio_md         text not null,
    bio_html       text not null,
    photo_media_id bigint references media (id)
);

create table tags (
    id   ${id},
    slug varchar(120) not null unique,
    name varchar(200) not null
);

create table articles (
    id                ${id},
    slug              varchar(200) not null unique,
    headline          varchar(300) not null,
    dek               text not null,
    body_md           text not null,
    body_html         text not null,
    body_breaks       text not null,
    language          varchar(20) not null,
    status            varchar(20) not null,
    section_id        bigint not null references sections (id),
    featured_media_id bigint references media (id),
    published_at      bigint,
    updated_at        bigint,
    created_at        bigint not null
);
create index articles_published on articles (status, published_at);
create index articles_section on articles (section_id, status, published_at);

create table article_authors (
    article_id bigint not null references articles (id) on delete cascade,
    author_id  bigint not null references authors (id),
    position   integer not null,
    primary key (article_id, author_id)
);

create table article_tags (
    article_id bigint not null references articles (id) on delete cascade,
    tag_id     bigint not null references tags (id),
    primary key (article_id, tag_id)
);
create index article_tags_tag on article_tags (tag_id);

create table article_see_also (
    article_id bigint not null references articles (id) on delete cascade,
    target_id  bigint not null references articles (id) on delete cascade,
    position   integer not null,
    primary key (article_id, target_id)
);

create table pages (
    id         ${id},
    slug       varchar(120) not null unique,
    title      varchar(300) not null,
    body_md    text not null,
    body_html  text not null,
    updated_at bigint not null
);
