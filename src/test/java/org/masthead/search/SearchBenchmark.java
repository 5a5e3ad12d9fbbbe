package org.masthead.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Milliseconds for one reader's search (the matches of the page asked for, their marked
 * snippets and the spelling suggestion: all the results page asks of the index), one thread, in
 * the search index of a grown site (the {@code search-index} folder that {@code masthead reindex}
 * leaves; the site must be stopped, as the index is opened for writing). {@code search} is the
 * page's query string: the searches of bench/search-queries.lua by default. A figure, not a test:
 * run it with bench/search-index.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SearchBenchmark {
    @Param("")
    public String index;

    @Param({"q=harbour", "q=night+buses", "q=council+budget", "q=%22harbour+line%22",
            "q=school+meals&section=city-hall", "q=flood+walls&sort=date", "q=ferry+timetable", "q=jazz",
            "q=regatta", "q=library+opening+hours", "q=harbur", "q=tram&page=3", "q=wind+farm+consultation",
            "q=rent"})
    public String search;

    private ArticleIndex articles;
    private StorySearch stories;
    private SearchRequest request;

    @Setup(Level.Trial)
    public void open() throws Exception {
        articles = GrownIndex.open(index);
        stories = new StorySearch(articles, new Analyzers());
        Map<String, String> asked = new HashMap<>();
        for (String pair : search.split("&")) {
            String[] kv = pair.split("=", 2);
            asked.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!asked.containsKey("q")) {
            throw new IllegalArgumentException("search is a query string with q=..., got '" + search + "'");
        }
        request = new SearchRequest(QueryText.parse(QueryText.clean(asked.get("q"))), asked.get("section"),
                asked.get("author"), asked.get("tag"), null, null, "date".equals(asked.get("sort")),
                Integer.parseInt(asked.getOrDefault("page", "1")));
    }

    @TearDown(Level.Trial)
    public void close() {
        articles.close();
    }

    @Benchmark
    public SearchResults searchOnce() {
        return stories.search(request, ZoneOffset.UTC);
    }
}
