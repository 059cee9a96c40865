-- wrk script for bench_stack.py: one signed-in user per wrk thread (one connection
-- each), cycling through the self-check, their log and their report, with a think
-- time between requests. The cookies file has one "Cookie:" header value per line.
-- Environment: WRK_COOKIES (path), WRK_THINK_MS (default 1000).

local cookies = {}
local next_user = 0
local threads = {}

function setup(thread)
  if #cookies == 0 then
    for line in io.lines(os.getenv("WRK_COOKIES")) do
      cookies[#cookies + 1] = line
    end
  end
  next_user = next_user + 1
  thread:set("cookie", cookies[(next_user - 1) % #cookies + 1])
  thread:set("offset", next_user)
  table.insert(threads, thread)
end

local pages = { "/check/", "/log/", "/report/" }
local n = 0
local think = tonumber(os.getenv("WRK_THINK_MS") or "1000")
bad = 0  -- a global: done() reads it from each thread with thread:get

function init(args)
  n = offset
end

function request()
  n = n + 1
  return wrk.format("GET", pages[n % #pages + 1], {
    ["Cookie"] = cookie,
    ["Accept-Encoding"] = "gzip",
  })
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

function delay()
  return think
end

function done(summary, latency, requests)
  local not_ok = 0
  for _, thread in ipairs(threads) do
    not_ok = not_ok + (thread:get("bad") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f p50=%.2f p95=%.2f p99=%.2f max=%.2f " ..
    "errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d not_200=%d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, not_ok))
end
