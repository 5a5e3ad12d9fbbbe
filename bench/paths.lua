-- wrk script: each request takes the next of a list of paths, in turn: the global `paths` when a
-- script that loads this one set it (bench/search-queries.lua), otherwise the lines of the file
-- the environment variable PATHS_FILE names (bench/scale.sh). Prints one line at the end:
-- requests, errors, p50, p95 and p99 in milliseconds, requests a second.
if paths == nil then
  paths = {}
  for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
end
local i = 0

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f requests/s\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
