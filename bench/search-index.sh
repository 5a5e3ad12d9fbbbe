#!/usr/bin/env bash
# Cost of one reader's search (JMH, one thread, milliseconds a search: matches, marked snippets and
# the spelling suggestion) in the search index of a grown site, for each search of
# bench/search-queries.lua. The site must be stopped and indexed, as for bench/related.sh.
#
#   bench/search-index.sh --data DIR [extra JMH options, e.g. -p search=q=harbour,q=rent -i 3]
exec "$(dirname "$0")/index-jmh.sh" SearchBenchmark "$(basename "$0")" "$@"
