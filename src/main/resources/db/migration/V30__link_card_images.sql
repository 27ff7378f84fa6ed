-- The picture of a link's card (search module): the page's og:image (or twitter:image), fetched with the
-- page when previews are on, stored scaled down under <data dir>/link-images/<image_token>.<jpg|png>
-- and served at /link-images/<image_token>.<ext> (the random token is the only way to the file). A card
-- without a picture, or whose picture could not be fetched, has null here.
alter table link_cards
  add column image_token       text,
  add column image_type        text,
  add column image_width       integer,
  add column image_height      integer,
  add column image_blurhash    text,
  add column image_description text;
