#!/usr/bin/env bash
# Cost of ranking one related-story list (JMH, one thread, milliseconds a list) in the search
# index of a grown site, against the whole index (window 0) and against the stories nearest in
# time (the default window), side by side in one run. The site must be stopped and indexed:
# grow it with `masthead demo generate`, then `masthead reindex` (the related lists need not
# finish: stop the reindex once it logs that the documents are indexed).
#
#   bench/related.sh --data DIR [extra JMH options, e.g. -p window=0,10000,20000 -i 3]
exec "$(dirname "$0")/index-jmh.sh" RelatedBenchmark "$(basename "$0")" "$@"
