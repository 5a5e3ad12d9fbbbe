-- One comment per form and sender: form_key is a hash of the form's signed token and the
-- sender's email address, so a double click or a replayed form cannot store a second comment.
-- Comments written otherwise (the site's replies, imports, the demo) have none.
alter table comments add column form_key varchar(64);
create unique index comments_form_key on comments (form_key);
