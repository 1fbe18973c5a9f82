-- wrk script for docs/bench/api-benchmark.sh: sends the bench API key and spreads requests over many accounts.
--   BENCH_KEY      the API key (required)
--   BENCH_MODE     one | list | history   (default one)
--   BENCH_ACCOUNTS number of accounts bench.budget.b0001.. to pick from at random (default 1000)
--   BENCH_QUERY    query string appended to every request, e.g. "limit=1000" or "from=...&to=...&bucket=day"
--   BENCH_DELAY_MS pause of each connection between a response and its next request (default 0: flat out); with
--                  c connections the rate is about c / (delay + latency)
local key = os.getenv("BENCH_KEY") or error("set BENCH_KEY")
local mode = os.getenv("BENCH_MODE") or "one"
local accounts = tonumber(os.getenv("BENCH_ACCOUNTS") or "1000")
local query = os.getenv("BENCH_QUERY") or ""
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local suffix = query ~= "" and ("?" .. query) or ""

wrk.headers["Authorization"] = "Bearer " .. key
wrk.headers["Accept"] = "application/json"

local counter = 0
function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
end

function init(args)
   math.randomseed(os.time() * 1000 + (id or 0))
end

function request()
   if mode == "list" then
      return wrk.format("GET", "/api/v1/balances" .. suffix)
   end
   local account = string.format("bench.budget.b%04d", math.random(1, accounts))
   if mode == "history" then
      return wrk.format("GET", "/api/v1/balances/" .. account .. "/history" .. suffix)
   end
   return wrk.format("GET", "/api/v1/balances/" .. account .. suffix)
end

if delay_ms > 0 then
   function delay()
      return delay_ms
   end
end

function done(summary, latency, requests)
   io.write(string.format("SUMMARY requests=%d duration_s=%.1f rps=%.1f errors_status=%d errors_other=%d "
         .. "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
         + summary.errors.timeout,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000))
end
