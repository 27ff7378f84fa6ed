-- One wrk script for every scenario, configured by the environment (run.sh sets it):
--   BENCH_PATH   request path, e.g. /api/v1/timelines/home?limit=20
--   BENCH_POST   "1": POST a new status as JSON instead of GET
--   BENCH_USERS  number of colleagues; each request uses the token of a random one (0 = no token)
--   BENCH_COOKIES  a file of "JSESSIONID=..." lines (bench/lib/web.sh): each request sends one of these
--                  browser sessions at random instead of a token (web pages)
--   BENCH_RATE   requests a second for the whole run, split evenly over wrk's BENCH_THREADS threads
--                (default 2, give the same as wrk's -t): the open model.
--                Each thread keeps a fixed schedule of arrivals, one every threads/rate seconds, and a
--                connection that is free takes the next arrival and waits for its time. wrk measures
--                from the moment a request is sent, so an arrival that found every connection busy
--                would be measured short: each thread counts those ("late", sent over 2 ms after
--                their time) and the summary reports them with the worst delay. Give enough
--                connections that none is late; then the figures are the open model's.
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

local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate then
  local interval = 1e6 * tonumber(os.getenv("BENCH_THREADS") or "2") / rate
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock, bench_timespec *ts);
  ]]
  local ts = ffi.new("bench_timespec")
  local function now_us()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
  end
  local due = nil
  late, worst_late_us = 0, 0

  -- wrk calls delay() when a connection is ready to send; the request goes out after that many ms.
  function delay()
    local now = now_us()
    due = (due or now) + interval
    local wait = due - now
    if wait < -2000 then
      late = late + 1
      if -wait > worst_late_us then worst_late_us = -wait end
    end
    return wait > 0 and math.floor(wait / 1000) or 0
  end
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
  local late, worst = 0, 0
  for _, thread in ipairs(threads) do
    late = late + (thread:get("late") or 0)
    worst = math.max(worst, thread:get("worst_late_us") or 0)
  end
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_status":%d,"errors_timeout":%d,' ..
    '"late":%d,"worst_late_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout, late, worst))
end
