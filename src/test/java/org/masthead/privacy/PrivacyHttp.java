package org.masthead.privacy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.masthead.App;
import org.masthead.TestSites;

/** Small HTTP helpers for the privacy tests: consent posts as a browser on our page sends them. */
public final class PrivacyHttp {
    private PrivacyHttp() {
    }

    public static HttpRequest.Builder request(App app, String path) {
        return HttpRequest.newBuilder(URI.create(TestSites.baseUrl(app) + path));
    }

    public static HttpResponse<String> get(App app, String path, String... headers) {
        return TestSites.send(app, headers.length == 0 ? request(app, path).GET() : request(app, path).headers(headers).GET());
    }

    public static String form(Map<String, List<String>> fields) {
        return fields.entrySet().stream().flatMap(e -> e.getValue().stream()
                        .map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    /** POST /consent from one of the site's pages (Origin set), with extra headers as name/value pairs. */
    public static HttpResponse<String> consent(App app, String choice, List<String> allow, String returnPath, String... headers) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("return", List.of(returnPath));
        if (choice != null) {
            fields.put("choice", List.of(choice));
        }
        fields.put("allow", allow);
        HttpRequest.Builder request = request(app, "/consent")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (!List.of(headers).contains("Origin")) {
            request.header("Origin", TestSites.baseUrl(app));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return TestSites.send(app, request.POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** Sends raw bytes, for requests Java's HTTP client refuses to build; returns the whole answer. */
    public static String raw(App app, String request) {
        try (var socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The value the response set for a cookie, or null. */
    public static String setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElse(null);
    }

    public static List<String> cookieNames(HttpResponse<?> response) {
        return response.headers().allValues("set-cookie").stream().map(c -> c.substring(0, c.indexOf('='))).toList();
    }
}
