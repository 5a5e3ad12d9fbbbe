-- wrk script for bench/mixed.sh: cycles through the paths in the file named by MIXED_PATHS
-- and counts the answers by their X-Cache header (hit, miss, other), summed over threads.
local threads = {}
local paths = {}
for line in io.lines(os.getenv("MIXED_PATHS")) do paths[#paths + 1] = line end

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  n = id
  hits, misses, others = 0, 0, 0
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], {["Accept-Encoding"] = "gzip"})
end

function response(status, headers, body)
  local cache = headers["X-Cache"]
  if cache == "hit" then hits = hits + 1 elseif cache == "miss" then misses = misses + 1 else others = others + 1 end
end

function done(summary, latency, requests)
  local h, m, o = 0, 0, 0
  for _, t in ipairs(threads) do
    h = h + t:get("hits"); m = m + t:get("misses"); o = o + t:get("others")
  end
  io.write(string.format("RESULT requests=%d hits=%d misses=%d other=%d hit_rate=%.3f rps=%.0f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, h, m, o, h / math.max(1, h + m), summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
