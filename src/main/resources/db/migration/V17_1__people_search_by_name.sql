-- People search reads the matches of a short prefix in name order and stops at the page (see
-- JdbcPeopleStore.match): the terms by name, with kind and term inside the index for the filter.
create index people_search_terms_name_idx on people_search_terms (network_id, name collate "C", account_id)
  include (kind, term);
