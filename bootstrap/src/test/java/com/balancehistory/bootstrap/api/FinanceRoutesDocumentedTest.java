package com.balancehistory.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The finance routes (balances as of a time, month-end, labels and groups, runway and top-ups, exchange rates and
 * converted totals, cards) and each of their parameters are in the served OpenAPI document and in docs/api.md, the
 * report's in docs/reports-and-alerts.md.
 */
class FinanceRoutesDocumentedTest {

    /** Route, method, and the query parameters (or body fields, for a body) it must describe. */
    private record Route(String path, String method, List<String> parameters) {}

    private static final List<Route> ROUTES = List.of(
            new Route("/api/v1/balances", "get", List.of("asOf", "label", "kind")),
            new Route("/api/v1/balances/{accountId}", "get", List.of("asOf")),
            new Route("/api/v1/export/balances", "get", List.of("asOf", "format", "label")),
            new Route("/api/v1/export/month-end", "get", List.of("from", "to", "zone", "format")),
            new Route("/api/v1/overview", "get", List.of("label", "groupBy", "convertTo")),
            new Route("/api/v1/balances/{accountId}/runway", "get", List.of("window", "target")),
            new Route("/api/v1/topups", "get", List.of("target", "window", "label", "groupBy")),
            new Route("/api/v1/fx-rates", "get", List.of("asOf", "history")),
            new Route("/api/v1/fx-rates", "put", List.of()),
            new Route("/api/v1/cards", "get", List.of()),
            new Route("/api/v1/cards/{cardId}/plan", "post", List.of()),
            new Route("/api/v1/reports/allocation/live", "get", List.of("groupBy", "convertTo")),
            new Route("/api/v1/reports", "post", List.of("groupBy", "convertTo")));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec() throws IOException {
        try (InputStream in =
                FinanceRoutesDocumentedTest.class.getResourceAsStream("/META-INF/swagger/balance-history-v1.yml")) {
            assertThat(in).as("the generated OpenAPI document on the classpath").isNotNull();
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    /** The query parameters of an operation, and the properties of its JSON body's schema when it has one. */
    private static Set<String> described(Map<String, Object> spec, Map<String, Object> operation) {
        Set<String> names = new TreeSet<>();
        Object parameters = operation.get("parameters");
        if (parameters instanceof List<?> list) {
            list.forEach(p -> names.add(String.valueOf(map(p).get("name"))));
        }
        Object ref = map(map(map(map(operation.get("requestBody")).get("content"))
                                .get("application/json"))
                        .get("schema"))
                .get("$ref");
        if (ref != null) {
            String schema = String.valueOf(ref).substring("#/components/schemas/".length());
            names.addAll(map(map(map(map(spec.get("components")).get("schemas")).get(schema))
                            .get("properties"))
                    .keySet());
        }
        return names;
    }

    @Test
    void the_openapi_document_describes_every_finance_route_and_parameter() throws IOException {
        Map<String, Object> spec = spec();
        Map<String, Object> paths = map(spec.get("paths"));
        List<String> missing = new ArrayList<>();
        for (Route route : ROUTES) {
            Map<String, Object> operation = map(map(paths.get(route.path())).get(route.method()));
            if (operation.isEmpty()) {
                missing.add(route.method() + " " + route.path());
                continue;
            }
            Set<String> names = described(spec, operation);
            route.parameters().stream()
                    .filter(name -> !names.contains(name))
                    .forEach(name -> missing.add(route.method() + " " + route.path() + " " + name));
        }
        assertThat(missing).isEmpty();
        // the converted total within each label group of the overview
        Map<String, Object> schemas = map(map(spec.get("components")).get("schemas"));
        assertThat(map(map(schemas.get("LabelGroup")).get("properties"))).containsKey("convertedTotal");
        assertThat(map(map(schemas.get("Overview")).get("properties"))).containsKey("convertedTotal");
    }

    private static Path docs(String file) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs").resolve(file))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("docs/" + file + " above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return dir.resolve("docs").resolve(file);
    }

    /** The "### " section of api.md whose heading names {@code method path}, with its subsections. */
    private static Optional<String> section(String markdown, String heading) {
        return Arrays.stream(markdown.split("\n(?=### )"))
                .filter(s ->
                        s.startsWith("### ") && s.lines().findFirst().orElse("").contains(heading))
                .findFirst();
    }

    @Test
    void docs_api_md_describes_every_finance_route_and_parameter() throws IOException {
        String api = Files.readString(docs("api.md"));
        String reports = Files.readString(docs("reports-and-alerts.md"));
        List<String> missing = new ArrayList<>();
        for (Route route : ROUTES) {
            String heading = route.method().toUpperCase(java.util.Locale.ROOT) + " " + route.path();
            boolean report = route.path().startsWith("/api/v1/reports");
            // a route's section is the one whose heading starts with it (followed by its query or the closing `)
            Optional<String> text = report
                    ? Optional.of(reports).filter(r -> r.contains(heading))
                    : section(api, heading + "?").or(() -> section(api, heading + "`"));
            if (text.isEmpty()) {
                missing.add(heading);
                continue;
            }
            route.parameters().stream()
                    .filter(name ->
                            !text.get().contains("`" + name) && !text.get().contains(name + "="))
                    .forEach(name -> missing.add(heading + " " + name));
        }
        assertThat(missing).isEmpty();
        assertThat(section(api, "GET /api/v1/overview").orElseThrow())
                .contains("each group keeps its per-currency figures and also gets its own `convertedTotal`");
        assertThat(reports).contains("each group also has its own `convertedTotal`");
    }
}
