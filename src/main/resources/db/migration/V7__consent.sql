-- Readers' cookie choices, kept as proof of consent: a random consent id (also in the
-- reader's cookie), what was allowed, under which policy version, and a truncated, keyed
-- hash of the IP address (never the address itself). The key lives in consent_secret.
-- policy_versions lists every version of the cookie policy; the newest one is in force,
-- and a choice made under an older one no longer counts.

create table consent_log (
    id             ${id},
    consent_id     varchar(64) not null,
    given_at       bigint not null,
    policy_version integer not null,
    preferences    smallint not null,
    statistics     smallint not null,
    external_media smallint not null,
    method         varchar(20) not null,
    gpc            smallint not null,
    ip_hash        varchar(16) not null
);
create index consent_log_consent on consent_log (consent_id);
create index consent_log_given on consent_log (given_at);

create table consent_secret (
    id     integer primary key,
    secret varchar(100) not null
);

create table policy_versions (
    version   integer primary key,
    since     bigint not null,
    raised_by varchar(200) not null
);
