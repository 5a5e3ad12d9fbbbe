import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

/**
 * Whether the search index in a stopped site's folder has the layout a build writes and ends a
 * full rebuild, read without opening it for writing (a build that finds another layout, or an
 * unfinished rebuild, empties the index and builds it again).
 * Run from source with the build's jar: {@code java -cp JAR bench/IndexLayout.java DIR/search-index}.
 * Prints both layouts; exits 0 when they are the same and the index is complete, 1 when not, 2 when
 * there is no index.
 */
public class IndexLayout {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        if (!Files.isDirectory(folder)) {
            System.err.println("no search index at " + folder);
            System.exit(2);
        }
        Field layout = Class.forName("org.masthead.search.ArticleIndex").getDeclaredField("LAYOUT");
        layout.setAccessible(true);
        String wanted = (String) layout.get(null);
        java.util.Map<String, String> data;
        try (FSDirectory directory = FSDirectory.open(folder)) {
            data = SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (java.io.IOException e) {
            System.err.println("no readable search index at " + folder + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        boolean complete = "true".equals(data.get("complete"));
        System.out.println("index layout " + data.get("layout") + ", the build's " + wanted
                + (complete ? "" : "; the index does not end a full rebuild"));
        System.exit(wanted.equals(data.get("layout")) && complete ? 0 : 1);
    }
}
