-- The comments that still hold a network address, by date: the hourly removal of addresses past
-- their keeping time reads only these, not every comment the site has. Rows leave the index as
-- their addresses are removed, so it stays the size of the keeping window.
create index comments_addresses_kept on comments (created_at) where ip is not null or ip_network is not null;
