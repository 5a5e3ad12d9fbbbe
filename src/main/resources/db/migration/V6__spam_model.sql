-- The comment spam classifier's model (naive Bayes): how many spam and legitimate comments
-- it has learned, and for each feature (word "w:...", letter n-gram "c:...", link domain
-- "d:...", "has:url") how many comments of each kind contained it. Every instance loads it
-- at start and adds to it; version rises with each learned batch so instances can tell
-- when another has learned.

create table spam_model (
    id            bigint primary key,
    spam_comments bigint not null,
    ham_comments  bigint not null,
    version       bigint not null,
    updated_at    bigint not null
);
insert into spam_model (id, spam_comments, ham_comments, version, updated_at) values (1, 0, 0, 0, 0);

create table spam_features (
    feature varchar(200) primary key,
    spam    bigint not null,
    ham     bigint not null
);
