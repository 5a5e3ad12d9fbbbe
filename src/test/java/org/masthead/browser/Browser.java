package org.masthead.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.masthead.TestSites;

/**
 * Headless Chromium driven by Playwright, and axe-core (kept with the tests) to check pages
 * against WCAG 2.1 A/AA. Tests skip (or fail under MASTHEAD_TEST_REQUIRE_ALL) when no
 * Chromium is found.
 */
public final class Browser implements AutoCloseable {
    /** An environment variable naming the Chromium (or Chrome) executable to use instead of the usual places. */
    public static final String CHROMIUM_VARIABLE = "MASTHEAD_TEST_CHROMIUM";
    private static final String AXE = "thirdparty/axe-core/axe.min.js";

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String axeSource;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium, String axeSource) {
        this.playwright = playwright;
        this.chromium = chromium;
        this.axeSource = axeSource;
    }

    public static Browser launch() {
        Path executable = chromium().orElse(null);
        if (executable == null) {
            TestSites.skipOrFail("browser tests skipped: no Chromium (looked at $" + CHROMIUM_VARIABLE
                    + ", /usr/bin/chromium and chromium on PATH); install it with: apt-get install chromium chromium-driver");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
        return new Browser(playwright, chromium, axeSource());
    }

    /** The Chromium to drive: the one MASTHEAD_TEST_CHROMIUM names, else Debian's, else the first on PATH. */
    static Optional<Path> chromium() {
        String named = System.getenv(CHROMIUM_VARIABLE);
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .flatMap(dir -> Stream.of(Path.of(dir, "chromium"), Path.of(dir, "chromium-browser")));
        return Stream.concat(Stream.of(Path.of("/usr/bin/chromium")), onPath).filter(Files::isExecutable).findFirst();
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BrowserContext newContext() {
        return newContext(new NewContextOptions());
    }

    /** A context with these options (extra headers and the like) at the usual desktop size. */
    public BrowserContext newContext(NewContextOptions options) {
        return chromium.newContext(options.setViewportSize(1280, 900));
    }

    /** The WCAG 2.1 A and AA violations axe-core finds on the page, as "rule: nodes" lines. */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations(Page page) {
        page.evaluate(axeSource);
        Object result = page.evaluate("""
                async () => {
                  const r = await axe.run(document, { runOnly: { type: 'tag',
                      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                  return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.map(n => n.target.join(' ')).join(', '));
                }""");
        return new ArrayList<>((List<String>) result);
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }

    /** Signs in on the newsroom's login page of the site at {@code baseUrl}, starting from /newsroom. */
    public static void signIn(Page page, String baseUrl, String email, String password) {
        page.navigate(baseUrl + "/newsroom");
        if (!page.url().contains("/newsroom/login")) {
            throw new AssertionError("/newsroom did not send an anonymous visitor to the login page but to " + page.url());
        }
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/newsroom");
    }

    /** Closes what a test class started, skipping what never started (a skipped launch). */
    public static void closeAll(AutoCloseable... started) {
        for (AutoCloseable each : started) {
            if (each != null) {
                try {
                    each.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
