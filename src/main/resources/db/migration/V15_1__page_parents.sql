-- Static pages may sit under another page, as WordPress's hierarchical pages do; kept through the
-- WordPress import and export and the site export. A page whose parent is deleted moves to the top.
alter table pages add column parent_id bigint references pages (id) on delete set null;
