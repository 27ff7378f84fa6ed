-- Synthetic company for Hallway benchmarks: colleagues in departments under a manager tree, a
-- power-law follow graph, posts with hashtags and mentions, replies, reposts and likes, home feeds
-- as fan-out on write would have left them (capped per reader), counters, one OAuth app and one
-- token per colleague.
--
-- Run with psql against a database whose schema Hallway (Flyway) has already created, and which is
-- still empty:
--   psql -v users=1000 -v posts=100000 -v seed=42 -v readers=1 -v likes=3 -v days=90 -v feed_cap=800 \
--        -v end_at='2026-11-01 00:00:00+00' -f bench/generate.sql
--
-- readers: the share of colleagues who read their home feed (ADR 0055): only theirs are kept and
-- filled; the others' are rebuilt on their first read, as for a colleague back after a long absence.
--
-- Deterministic: every random choice is rnd(key, salt), a hash of the row's own key and the seed,
-- never random(), so the result does not depend on scan order or plan. Same parameters, same data.
-- Tokens are 'bench-token-<n>' for colleague n = 1..users (n = 1 is the CEO); password for every
-- account: 'bench-password'.

\set ON_ERROR_STOP on
-- Everyone reads unless told otherwise.
\if :{?readers}
\else
  \set readers 1
\endif
\timing off
set client_min_messages = warning;
-- Bulk load: WAL flush per statement is irrelevant here, memory for the big sorts is not.
set synchronous_commit = off;
set work_mem = '256MB';
set maintenance_work_mem = '512MB';

begin;

-- rnd(key, salt) in [0, 1): a hash of (key, seed, salt). The seed is baked in with \gexec because
-- psql does not substitute variables inside a function body.
select format($f$
  create function pg_temp.rnd(k bigint, salt int) returns float8 language sql immutable parallel safe as
  'select (hashint8extended(k, %s::bigint * 1000 + salt) & 2147483647)::float8 / 2147483648.0'
$f$, :seed) \gexec

-- Ids are Hallway's: epoch milliseconds << 16 | sequence (shared/Ids.java).
create function pg_temp.id_at(at timestamptz, seq bigint) returns bigint language sql immutable as
  'select ((extract(epoch from at) * 1000)::bigint << 16) | (seq & 65535)';

create temp table params as
select :users::int as users, :posts::int as posts, :likes::float8 as likes, :feed_cap::int as feed_cap,
       :readers::float8 as readers,
       :'end_at'::timestamptz as end_at,
       :'end_at'::timestamptz - make_interval(days => :days) as start_at;

-- ---------------------------------------------------------------------------------------------
-- Network, the one row everything else belongs to.
insert into networks (id, name, created_at)
select pg_temp.id_at(end_at - interval '500 days', 0), 'Bench Corp', end_at - interval '500 days' from params;
create temp table net as select id from networks order by id limit 1;

-- ---------------------------------------------------------------------------------------------
-- Colleagues. An 8-ary manager tree: n = 1 is the CEO, n's manager is (n - 2) / 8 + 1; each of
-- the CEO's eight reports heads a department that their whole subtree belongs to.
create temp table people as
with recursive tree(n, dept, depth) as (
  select 1, 0, 0
  union all
  select c.n, case when t.n = 1 then c.n - 1 else t.dept end, t.depth + 1
  from tree t, params p, lateral generate_series(8 * (t.n - 1) + 2, least(8 * (t.n - 1) + 9, p.users)) c(n)
)
select t.n, t.dept, t.depth,
       case when t.n = 1 then null else (t.n - 2) / 8 + 1 end as manager_n,
       pg_temp.id_at(p.end_at - interval '400 days' + make_interval(mins => t.n), t.n) as id,
       p.end_at - interval '400 days' + make_interval(mins => t.n) as created_at,
       (array['ana','ben','chen','dara','eli','fatima','gus','hana','ivan','jun','kofi','lena','mario',
              'nadia','omar','priya','quinn','rosa','sven','tara','uma','victor','wei','xena','yusuf',
              'zoe','aiko','bruno','carla','dmitri','emma','farid','greta','hugo','ines','jonas',
              'kira','luis','mei','nils'])[1 + t.n % 40] as first,
       (array['smith','garcia','kowalski','nguyen','okafor','schmidt','rossi','tanaka','silva','larsen',
              'dubois','kim','patel','novak','haddad','murphy','costa','berg','ito','mendes'])[1 + (t.n / 40) % 20] as last
from tree t, params p;
alter table people add column username text, add column dept_name text, add column title text;
update people set
  username = first || n,
  dept_name = case when n = 1 then 'Executive' else
    (array['Engineering','Sales','Marketing','Finance','People','Operations','Legal','Product'])[dept] end,
  title = case depth when 0 then 'Chief Executive Officer' when 1 then 'Vice President' when 2 then 'Director'
    else case when n <= (select users from params) / 8 + 1 then 'Manager'
              else (array['Specialist','Engineer','Analyst','Associate','Consultant'])[1 + n % 5] end end;
create unique index on people (n);

insert into accounts (id, network_id, username, email, password_hash, display_name, bio, title, department,
                      location, manager_id, role, active, created_at, updated_at)
select p.id, net.id, p.username, p.username || '@bench.example',
       -- BCrypt (cost 10) of 'bench-password'.
       '$2a$10$uS6wc4jII68OsRxNDlyZg.GQH9iyQ9ItRvzVSJrAHYZkFnM7/zIRy',
       initcap(p.first) || ' ' || initcap(p.last), 'Works in ' || p.dept_name || '.', p.title, p.dept_name,
       (array['Berlin','Lisbon','Toronto','Austin','Singapore'])[1 + p.n % 5],
       m.id, case when p.n = 1 then 'admin' else 'member' end, true, p.created_at, p.created_at
from people p cross join net left join people m on m.n = p.manager_n
order by p.n;

-- ---------------------------------------------------------------------------------------------
-- Follow graph. Everyone follows the CEO and their manager; besides, each colleague follows
-- 20..120 others (skewed low) drawn with a heavy bias to low n, i.e. to executives and early
-- colleagues: a few leaders followed by many, a long tail followed by few.
create temp table follow_pairs as
select distinct follower_n, followee_n from (
  select p.n as follower_n, 1 as followee_n from people p
  union all
  select p.n, p.manager_n from people p where p.manager_n is not null
  union all
  select p.n, 1 + floor(pr.users * pg_temp.rnd(p.n * 1000 + j, 3) ^ 2.5)::int
  from people p cross join params pr,
       lateral generate_series(1, 20 + floor(100 * pg_temp.rnd(p.n, 2) ^ 2)::int) j
) f
where follower_n <> followee_n;

insert into follows (id, network_id, follower_id, followee_id, created_at)
select pg_temp.id_at(a.created_at + interval '1 day' + make_interval(secs => r.i), r.i), net.id, a.id, b.id,
       a.created_at + interval '1 day' + make_interval(secs => r.i)
from (select follower_n, followee_n, row_number() over (order by follower_n, followee_n) as i from follow_pairs) r
join people a on a.n = r.follower_n join people b on b.n = r.followee_n cross join net;

-- ---------------------------------------------------------------------------------------------
-- Posts. Post k (1..posts) is written at an evenly spread time over the last :days days, by an
-- author drawn from a power law over a shuffled order (prolific posters are not just the leaders).
-- Kinds: 5% reposts, 20% replies, the rest originals; both point at a recent earlier post.
create temp table draft as
select k,
       pg_temp.id_at(at, k) as id, at,
       1 + (floor(pr.users * pg_temp.rnd(k, 10) ^ 2)::bigint * 7919) % pr.users as author_n,
       case when k = 1 then 'post' when pg_temp.rnd(k, 11) < 0.05 then 'repost'
            when pg_temp.rnd(k, 11) < 0.25 then 'reply' else 'post' end as kind,
       greatest(1, k - 1 - floor(least(k - 1, 2000) * pg_temp.rnd(k, 12) ^ 2)::bigint) as parent_k,
       case when pg_temp.rnd(k, 13) < 0.85 then 'public' when pg_temp.rnd(k, 13) < 0.93 then 'unlisted'
            else 'private' end as visibility
from params pr,
     lateral generate_series(1, pr.posts) k,
     lateral (select pr.start_at + (pr.end_at - pr.start_at) * (k::float8 / pr.posts) as at) t;
create unique index on draft (k);

-- Hallway refuses replies to reposts and reposts of reposts: those drafts become originals.
update draft d set kind = 'post' from draft p
where p.k = d.parent_k and d.kind <> 'post' and p.kind = 'repost';

-- A reply is never wider than what it answers; narrow along threads until nothing changes.
create function pg_temp.vis_rank(v text) returns int language sql immutable as
  'select case v when ''public'' then 0 when ''unlisted'' then 1 else 2 end';
do $$
declare changed int;
begin
  loop
    update draft d set visibility = p.visibility from draft p
    where p.k = d.parent_k and d.kind = 'reply' and pg_temp.vis_rank(p.visibility) > pg_temp.vis_rank(d.visibility);
    get diagnostics changed = row_count;
    exit when changed = 0;
  end loop;
end $$;

-- Followers-only posts can't be reposted, and one person reposts a post once: those become originals.
update draft d set kind = 'post' from draft p
where p.k = d.parent_k and d.kind = 'repost' and p.visibility = 'private';
update draft d set kind = 'post' where d.kind = 'repost' and exists (
  select 1 from draft o where o.kind = 'repost' and o.author_n = d.author_n and o.parent_k = d.parent_k and o.k < d.k);
update draft d set visibility = p.visibility from draft p where p.k = d.parent_k and d.kind = 'repost';

-- Words from a Zipf-like vocabulary; hashtags on 30% of posts, a mention on 10% of originals and
-- on every reply (its parent's author, as clients prefill).
create temp table vocab as
select array['the','we','team','release','meeting','today','customer','plan','update','thanks','great',
  'review','launch','quarter','project','design','feedback','office','roadmap','week','data','new','goal',
  'deadline','demo','question','hiring','welcome','budget','sprint','results','report','please','join',
  'lunch','friday','learned','shipping','support','incident','fixed','ready','draft','workshop','travel',
  'offsite','kudos','metrics','pipeline','contract','partner','onboarding','security','policy','process',
  'coffee','slides','notes','agenda','retro','planning','hackathon','migration','latency','dashboard',
  'forecast','renewal','pricing','campaign','webinar','podcast','newsletter','training','mentoring',
  'volunteer','wellbeing','benefits','payroll','audit','compliance','vendor','inventory','warehouse',
  'logistics','shipment','delay','priority','blocked','unblocked','merged','deployed','rollback',
  'on-call','pager','outage','postmortem','celebrate','milestone','anniversary','birthday','cake'] as w,
  array['Engineering','AllHands','Q4','Launch','Kudos','Hiring','Security','Sales','Roadmap','Release',
  'Incident','Offsite','Wellbeing','Onboarding','Learning','Customers','Design','Data','Ops','Finance',
  'Legal','Product','Marketing','Remote','Berlin','Lisbon','Toronto','Austin','Singapore','Hackathon'] as tags;

create temp table bodies as
select d.k,
       string_agg(v.w[1 + floor(array_length(v.w, 1) * pg_temp.rnd(d.k * 64 + i, 20) ^ 3)::int], ' ' order by i) as body
from draft d cross join vocab v, lateral generate_series(1, 8 + floor(25 * pg_temp.rnd(d.k, 21))::int) i
where d.kind <> 'repost'
group by d.k;

create temp table post_tag_draft as
select distinct d.k, v.tags[1 + floor(array_length(v.tags, 1) * pg_temp.rnd(d.k * 4 + i, 31) ^ 2)::int] as tag
from draft d cross join vocab v, lateral generate_series(1, 1 + floor(2 * pg_temp.rnd(d.k, 32))::int) i
where d.kind <> 'repost' and pg_temp.rnd(d.k, 30) < 0.30;

create temp table mention_draft as
select d.k, p.author_n as mentioned_n from draft d join draft p on p.k = d.parent_k where d.kind = 'reply'
union
select d.k, 1 + floor(pr.users * pg_temp.rnd(d.k, 41) ^ 2)::int from draft d cross join params pr
where d.kind = 'post' and pg_temp.rnd(d.k, 40) < 0.10;
delete from mention_draft m using draft d where d.k = m.k and d.author_n = m.mentioned_n;

-- Text as typed, HTML as Hallway's renderer would produce it (links for mentions and hashtags).
create temp table texts as
select d.k,
       coalesce(ms.text_prefix, '') || b.body || coalesce(ts.text_suffix, '') as text,
       '<p>' || coalesce(ms.html_prefix, '') || b.body || coalesce(ts.html_suffix, '') || '</p>' as html
from draft d join bodies b on b.k = d.k
left join (
  select m.k, string_agg('@' || u.username, ' ' order by u.n) || ' ' as text_prefix,
         string_agg('<span class="h-card"><a href="/@' || u.username || '" class="u-url mention" rel="nofollow noopener noreferrer">@<span>'
                    || u.username || '</span></a></span>', ' ' order by u.n) || ' ' as html_prefix
  from mention_draft m join people u on u.n = m.mentioned_n group by m.k
) ms on ms.k = d.k
left join (
  select k, string_agg(' #' || tag, '' order by tag) as text_suffix,
         string_agg(' <a href="/tags/' || lower(tag) || '" class="mention hashtag" rel="tag nofollow noopener noreferrer">#<span>'
                    || tag || '</span></a>', '' order by tag) as html_suffix
  from post_tag_draft group by k
) ts on ts.k = d.k;
create unique index on texts (k);

insert into posts (id, network_id, author_id, visibility, text, html, spoiler_text, sensitive, language,
                   in_reply_to_id, in_reply_to_account_id, reblog_of_id, created_at)
select d.id, net.id, a.id, d.visibility,
       coalesce(t.text, ''), coalesce(t.html, ''), '', false, case when d.kind = 'repost' then null else 'en' end,
       case when d.kind = 'reply' then p.id end, case when d.kind = 'reply' then pa.id end,
       case when d.kind = 'repost' then p.id end, d.at
from draft d cross join net
join people a on a.n = d.author_n
join draft p on p.k = d.parent_k
join people pa on pa.n = p.author_n
left join texts t on t.k = d.k
order by d.k;

insert into post_tags (network_id, post_id, tag)
select distinct net.id, d.id, lower(t.tag) from post_tag_draft t join draft d on d.k = t.k cross join net;

insert into post_mentions (network_id, post_id, account_id)
select net.id, d.id, u.id from mention_draft m join draft d on d.k = m.k join people u on u.n = m.mentioned_n cross join net;

-- ---------------------------------------------------------------------------------------------
-- Likes: :likes per post on average, recent posts favoured, on company-wide originals (a like on a
-- repost is a like on its original), a few hours to two days after the post, never in the future.
create temp table like_draft as
select distinct on (liker_n, k) j, liker_n, k from (
  select j,
         1 + floor(pr.users * pg_temp.rnd(j, 51))::int as liker_n,
         pr.posts - floor(pr.posts * pg_temp.rnd(j, 52) ^ 1.5)::bigint as k0
  from params pr, lateral generate_series(1, floor(pr.posts * pr.likes)::bigint) j
) l
join lateral (select case when d.kind = 'repost' then d.parent_k else d.k end as k from draft d where d.k = l.k0) o on true
order by liker_n, k, j;

insert into favourites (id, network_id, account_id, post_id, created_at)
select distinct on (l.fid) l.fid, (select id from net), u.id, d.id, l.at
from (
  select l.j, l.liker_n, l.k, t.at, pg_temp.id_at(t.at, l.j) as fid
  from like_draft l join draft d on d.k = l.k cross join params pr,
       lateral (select least(d.at + make_interval(secs => 600 + floor(172800 * pg_temp.rnd(l.j, 53))::int), pr.end_at) as at) t
) l
join draft d on d.k = l.k join people u on u.n = l.liker_n
where d.visibility <> 'private' and d.kind <> 'repost'
order by l.fid;

-- Counters on posts, consistent with the rows above.
update posts p set replies_count = c.n
from (select in_reply_to_id as id, count(*) n from posts where in_reply_to_id is not null group by 1) c where c.id = p.id;
update posts p set reblogs_count = c.n
from (select reblog_of_id as id, count(*) n from posts where reblog_of_id is not null group by 1) c where c.id = p.id;
update posts p set favourites_count = c.n
from (select post_id as id, count(*) n from favourites group by 1) c where c.id = p.id;

-- ---------------------------------------------------------------------------------------------
-- Kept home feeds (ADR 0055): the readers' (colleague 1, the CEO, always reads).
insert into kept_home_feeds (account_id, network_id, read_at)
select a.id, a.network_id, now() from accounts a
where a.id = (select min(id) from accounts) or pg_temp.rnd(a.id, 97) < (select readers from params);

-- ---------------------------------------------------------------------------------------------
-- Home feeds of the readers, as FanOutPost would have left them: every post (original, reply or repost) goes to
-- its author and the author's followers; a post reaches a feed once (its first arrival wins), and
-- each feed keeps its :feed_cap newest entries (TrimFeeds). Nobody has more followers than the
-- fan-out limit at the default size, and there are no hashtag follows, so that's every recipient.
insert into home_feed (account_id, entry_id, post_id, network_id)
select account_id, entry_id, post_id, (select id from net) from (
  select account_id, entry_id, post_id,
         row_number() over (partition by account_id order by entry_id desc) as rank
  from (
    select distinct on (account_id, post_id) account_id, entry_id, post_id from (
      select p.author_id as account_id, p.id as entry_id, coalesce(p.reblog_of_id, p.id) as post_id from posts p
      union all
      select f.follower_id, p.id, coalesce(p.reblog_of_id, p.id) from posts p join follows f on f.followee_id = p.author_id
    ) recipients
    order by account_id, post_id, entry_id
  ) first_arrivals
  where account_id in (select account_id from kept_home_feeds)
) ranked
where rank <= (select feed_cap from params);

-- ---------------------------------------------------------------------------------------------
-- Counters kept beside what they count.
insert into author_stats (account_id, network_id, statuses_count, last_status_at)
select author_id, network_id, count(*), max(created_at) from posts where deleted_at is null group by 1, 2;

insert into follow_counts (account_id, network_id, followers_count, following_count)
select a.id, a.network_id,
       (select count(*) from follows f where f.followee_id = a.id),
       (select count(*) from follows f where f.follower_id = a.id)
from accounts a;

-- ---------------------------------------------------------------------------------------------
-- One app, one token per colleague: token 'bench-token-<n>', stored as its SHA-256 like Hallway's.
insert into oauth_apps (id, name, website, redirect_uris, scopes, client_id, client_secret, created_at)
select pg_temp.id_at(end_at - interval '450 days', 1), 'Hallway bench', null, 'urn:ietf:wg:oauth:2.0:oob',
       'read write follow', 'bench-client', 'bench-secret', end_at - interval '450 days'
from params;

insert into oauth_tokens (id, network_id, account_id, app_id, token_hash, scopes, created_at)
select pg_temp.id_at(p.created_at + interval '1 hour', p.n), net.id, p.id, (select id from oauth_apps where client_id = 'bench-client'),
       sha256(convert_to('bench-token-' || p.n, 'UTF8')), 'read write follow', p.created_at + interval '1 hour'
from people p cross join net;

commit;

vacuum analyze;

select (select count(*) from accounts) as accounts, (select count(*) from follows) as follows,
       (select count(*) from posts) as posts, (select count(*) from posts where reblog_of_id is not null) as reposts,
       (select count(*) from posts where in_reply_to_id is not null) as replies,
       (select count(*) from favourites) as likes, (select count(*) from post_tags) as tags,
       (select count(*) from post_mentions) as mentions, (select count(*) from kept_home_feeds) as readers,
       (select count(*) from home_feed) as home_feed;
