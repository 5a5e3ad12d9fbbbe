#!/usr/bin/env bash
# Generates a WordPress export of N posts (default 100,000; each with a category, two tags,
# a comment and about 2 KB of classic-editor text) and imports it into a fresh SQLite
# folder with the launcher's heap and collector for batch commands (-Xmx112m, serial GC), printing the file size,
# the elapsed time, the import rate, the peak resident memory and the heap in use after the
# last collection (from the GC log). Usage: bench/wordpress.sh [POSTS]
set -euo pipefail
posts="${1:-100000}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/masthead-wxr-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
python3 - "$posts" "$work/export.xml" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
para = ("The council met on Tuesday to discuss the harbour plan. Residents asked about parking, "
        "ferries & the old market; the mayor promised an answer <em>before spring</em>.")
with open(path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            '<title>Bench</title><wp:wxr_version>1.2</wp:wxr_version>'
            '<wp:base_site_url>https://bench.example</wp:base_site_url>\n'
            '<wp:author><wp:author_id>1</wp:author_id><wp:author_login>ed</wp:author_login>'
            '<wp:author_display_name><![CDATA[Ed Itor]]></wp:author_display_name></wp:author>\n')
    for c in range(20):
        f.write(f'<wp:category><wp:term_id>{c+1}</wp:term_id><wp:category_nicename>topic-{c}</wp:category_nicename>'
                f'<wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Topic {c}]]></wp:cat_name></wp:category>\n')
    for i in range(1, n + 1):
        body = "\n\n".join(f"{para} ({i}.{p})" for p in range(12))
        f.write(f'''<item><title><![CDATA[Story number {i}]]></title><link>https://bench.example/?p={i}</link>
<dc:creator>ed</dc:creator><guid isPermaLink="false">https://bench.example/?p={i}</guid>
<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{i}</wp:post_id><wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:post_name>story-{i}</wp:post_name>
<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>
<wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="topic-{i % 20}"><![CDATA[Topic {i % 20}]]></category>
<category domain="post_tag" nicename="tag-{i % 50}"><![CDATA[Tag {i % 50}]]></category>
<category domain="post_tag" nicename="tag-{i % 7}"><![CDATA[Tag {i % 7}]]></category>
<wp:comment><wp:comment_id>{i}</wp:comment_id><wp:comment_author><![CDATA[Reader]]></wp:comment_author>
<wp:comment_author_email>r@example.org</wp:comment_author_email><wp:comment_date_gmt>2020-01-02 10:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Good piece.<br />Thanks.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_type></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment></item>
''')
    f.write('</channel>\n</rss>\n')
PY
echo "export: $posts posts, $(du -m "$work/export.xml" | cut -f1) MB"
export MASTHEAD_JAVA_OPTS="-Xms32m -Xmx112m -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError -Xlog:gc:file=$work/gc.log"
start=$(date +%s.%N)
/usr/bin/time -f "peak resident memory: %M KB" "$here/masthead" import wordpress "$work/export.xml" \
    --data-dir "$work/site" > "$work/out.txt" 2> "$work/time.txt"
end=$(date +%s.%N)
tail -n 8 "$work/out.txt" | tr '\r' '\n' | grep -v '^Importing' || true
cat "$work/time.txt"
python3 - "$start" "$end" "$posts" "$work/gc.log" <<'PY'
import re, sys
start, end, posts, log = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
after = [int(m.group(1)) for m in re.finditer(r"->(\d+)M\(", open(log).read())]
print(f"elapsed: {end - start:.1f} s, {posts / (end - start):,.0f} posts/s")
if after:
    print(f"heap after collections: max {max(after)} MB of the 128 MB allowed ({len(after)} collections)")
PY
