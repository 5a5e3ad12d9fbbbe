-- wrk script for bench/search-scale.sh: each request takes the next of a list of reader
-- searches (single words, two words, a phrase, filters, a misspelling, a later page), so the
-- load is not one cached query; prints p50, p95 and p99 in milliseconds at the end (bench/paths.lua).
-- Run from the project's folder, as the bench scripts do.
paths = {
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
dofile("bench/paths.lua")
