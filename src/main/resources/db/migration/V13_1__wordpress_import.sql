-- WordPress imports. wordpress_items remembers which Masthead row each item of an export
-- became (keyed by the exporting site's address, the kind and WordPress's own id or slug),
-- so importing the same export again updates those rows instead of adding copies.
-- target_id is null for an attachment whose file was not found; url keeps its address.
create table wordpress_items (
    source    varchar(300) not null,
    kind      varchar(20) not null,
    wp_key    varchar(300) not null,
    target_id bigint,
    url       text not null,
    primary key (source, kind, wp_key)
);

-- Old addresses that answer 301: a path, or a path with one query parameter such as
-- /?p=12, and what lives there now (kind: article, page, section, tag, author, media).
create table legacy_paths (
    path      varchar(500) primary key,
    kind      varchar(20) not null,
    target_id bigint not null
);
