-- API tokens: an admin issues them per account; a client sends one as a bearer token and acts
-- with that account's role. Only the SHA-256 of the token is kept: the token itself is shown once.
-- A revoked token keeps its row (revoked_at set), so the tokens page still lists it.
create table api_tokens (
    id           ${id},
    user_id      bigint not null references users (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   varchar(64) not null unique,
    created_at   bigint not null,
    created_by   varchar(200) not null,
    last_used_at bigint,
    revoked_at   bigint
);
create index api_tokens_user on api_tokens (user_id);
