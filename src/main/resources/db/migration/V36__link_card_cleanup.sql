-- Cleaning up link cards and their pictures (search module, ADR 0046). last_shared_at: when a post last
-- shared the card's link; a card that no live post links to any more and that nobody shared for a day
-- is removed by the hourly purge, and a picture no card names is deleted after it. Sharing a link
-- touches its card's row, so a purge deciding at the same moment waits for that row and keeps it.
alter table link_cards add column last_shared_at timestamptz;
update link_cards set last_shared_at = fetched_at;
alter table link_cards alter column last_shared_at set not null;
create index link_cards_last_shared_idx on link_cards (last_shared_at);
-- Whether any post still links to a card's URL, for the purge (trends read post_links by time instead).
create index post_links_url_idx on post_links (network_id, url);
