-- One wrk script for every scenario, configured by the environment (run.sh sets it):
--   BENCH_PATH   request path, e.g. /api/v1/timelines/home?limit=20
--   BENCH_POST   "1": POST a new status as JSON instead of GET
--   BENCH_USERS  number of colleagues; each request uses the token of a random one (0 = no token)
--   BENCH_COOKIES  a file of "JSESSIONID=..." lines (bench/lib/web.sh): each request sends one of these
--                  browser sessions at random instead of a token (web pages)
-- Tokens are 'bench-token-<n>' as bench/generate.sql made them, so reads spread over many home
-- feeds and posts over many authors instead of hammering one cached row.

local path = os.getenv("BENCH_PATH") or "/api/v1/instance"
local post = os.getenv("BENCH_POST") == "1"
local users = tonumber(os.getenv("BENCH_USERS") or "0")

local cookies = {}
local cookie_file = os.getenv("BENCH_COOKIES")
if cookie_file and cookie_file ~= "" then
  for line in io.lines(cookie_file) do
    if line ~= "" then table.insert(cookies, line) end
  end
end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  -- Different but reproducible token sequences per thread.
  math.randomseed(1000 + tid)
end

function request()
  counter = counter + 1
  local headers = {}
  local n = 0
  if #cookies > 0 then
    headers["Cookie"] = cookies[math.random(#cookies)]
  elseif users > 0 then
    n = math.random(users)
    headers["Authorization"] = "Bearer bench-token-" .. n
  end
  if post then
    headers["Content-Type"] = "application/json"
    -- A hashtag and a mention, like the generated posts, so the composer does its usual work.
    local body = string.format(
      '{"status":"Bench post %d-%d from colleague %d about the #Release with @ana40","visibility":"public"}',
      tid, counter, n)
    return wrk.format("POST", path, headers, body)
  end
  return wrk.format("GET", path, headers)
end

-- Machine-readable summary on one line, for run.sh; latencies in microseconds.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_status":%d,"errors_timeout":%d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
