-- The media library remembers who uploaded each image, so authors may change their own
-- uploads and editors everyone's. Demo and older images have no uploader (null).
alter table media add column created_by bigint;
