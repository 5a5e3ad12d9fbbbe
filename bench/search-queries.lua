-- wrk script for bench/search-scale.sh: each request takes the next of a list of reader
-- searches (single words, two words, a phrase, filters, a misspelling, a later page), so the
-- load is not one cached query; prints p50, p95 and p99 in milliseconds at the end.
local queries = {
  "/search?q=harbour",
  "/search?q=night+buses",
  "/search?q=council+budget",
  "/search?q=%22harbour+line%22",
  "/search?q=school+meals&section=city-hall",
  "/search?q=flood+walls&sort=date",
  "/search?q=ferry+timetable",
  "/search?q=jazz",
  "/search?q=regatta",
  "/search?q=library+opening+hours",
  "/search?q=harbur",
  "/search?q=tram&page=3",
  "/search?q=wind+farm+consultation",
  "/search?q=rent",
  "/search/suggest?q=ha",
}
local i = 0

request = function()
  i = i % #queries + 1
  return wrk.format("GET", queries[i])
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f requests/s\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
