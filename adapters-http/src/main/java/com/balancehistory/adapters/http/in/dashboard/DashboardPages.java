package com.balancehistory.adapters.http.in.dashboard;

import com.balancehistory.adapters.http.in.web.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The dashboard's HTML: static page shells from the classpath with a few {@code {{name}}} slots (page, role, CSRF
 * token, signed-in key name, a message) filled in, every value HTML-escaped. The pages' content is drawn by their
 * scripts from the JSON API, so five slots is all the templating there is: a template engine would add a dependency
 * and nothing else.
 */
final class DashboardPages {

    private final String pageShell = resource("dashboard/page.html");
    private final String loginPage = resource("dashboard/login.html");

    /** A dashboard page: its script is {@code /dashboard/assets/<page>.js}. */
    String page(String page, String title, String role, String keyName, String csrfToken) {
        return fill(pageShell, Map.of("page", page, "title", title, "role", role, "user", keyName, "csrf", csrfToken));
    }

    String login(String message) {
        return fill(loginPage, Map.of("message", message));
    }

    private static String fill(String template, Map<String, String> values) {
        String html = template;
        for (Map.Entry<String, String> slot : values.entrySet()) {
            html = html.replace("{{" + slot.getKey() + "}}", Html.escape(slot.getValue()));
        }
        return html;
    }

    private static String resource(String name) {
        try (InputStream in = DashboardPages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
