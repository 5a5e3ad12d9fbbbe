-- The comments the spam classifier has learned, with their labels: its logistic regression
-- is refitted from all of them after every learned batch, in id order, so every instance
-- that reads the same rows holds the same weights. Only ever added to, like spam_features.

create table spam_examples (
    id         ${id},
    content    text not null,
    spam       smallint not null,
    learned_at bigint not null
);
