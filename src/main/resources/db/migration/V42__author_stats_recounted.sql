-- A deleted post or an undone repost did not lower its author's post count: the decrement was clipped
-- at zero before it was added. Every author's count is taken again from their posts (those that count
-- for their author: neither group posts nor direct messages, reposts included, none deleted).
update author_stats s
set statuses_count = coalesce(c.n, 0)
from author_stats a
  left join (
    select author_id, count(*) as n
    from posts
    where deleted_at is null and visibility in ('public', 'unlisted', 'private')
    group by author_id
  ) c on c.author_id = a.account_id
where a.account_id = s.account_id
  and s.statuses_count is distinct from coalesce(c.n, 0);
