package com.balancehistory.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenAPI document the service serves is the one committed as {@code docs/openapi.yml}, so any change to the API's
 * contract shows up as a diff in review. When the change is meant, refresh the copy with
 * {@code ./mvnw -B verify -pl bootstrap -am -Dtest=NoSuchTest -Dit.test=OpenApiSnapshotIT
 * -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.refresh=true} and commit it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiSnapshotIT extends ServiceTestSupport {

    static final String DOCUMENT = "swagger/balance-history-v1.yml";
    static final int CONTEXT = 3;
    static final int MAX_DIFF_LINES = 300;

    @Inject
    EmbeddedServer server;

    @Test
    void the_served_openapi_document_is_the_committed_one() throws IOException {
        ApiTestClient api = ApiTestClient.of(server);
        ApiTestClient.Response response = api.get(DOCUMENT, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String served = response.body();
        Path committed = committedCopy();

        if (Boolean.getBoolean("openapi.refresh")) {
            Files.writeString(committed, served, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        if (!expected.equals(served)) {
            throw new AssertionError("The served OpenAPI document differs from " + committed.normalize()
                    + " (- committed, + served). If the contract change is meant, refresh the copy with\n"
                    + "  ./mvnw -B verify -pl bootstrap -am -Dtest=NoSuchTest -Dit.test=OpenApiSnapshotIT "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.refresh=true\n"
                    + "and commit it.\n\n"
                    + diff(expected.lines().toList(), served.lines().toList()));
        }
    }

    @Test
    void every_route_has_its_own_operation_id_a_tag_a_summary_and_the_401_it_can_answer() {
        ApiTestClient api = ApiTestClient.of(server);
        List<String> lines = api.get(DOCUMENT, null).body().lines().toList();
        long operations = lines.stream()
                .filter(line -> line.matches("    (get|post|put|patch|delete):"))
                .count();

        assertThat(operations).isGreaterThan(20);
        assertThat(lines).noneMatch(line -> line.matches("\\s*operationId: \\w+_\\d+"));
        assertThat(lines.stream().filter(line -> line.startsWith("      operationId: ")))
                .hasSize((int) operations);
        assertThat(lines.stream().filter(line -> line.startsWith("      summary: ")))
                .hasSize((int) operations);
        assertThat(lines.stream().filter(line -> line.equals("      tags:"))).hasSize((int) operations);
        assertThat(lines.stream().filter(line -> line.equals("        \"401\":")))
                .hasSize((int) operations);
    }

    /** docs/openapi.yml of the repository, found from wherever the test runs (the module or the root). */
    private static Path committedCopy() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir.resolve("docs").resolve("openapi.yml");
            }
        }
        throw new UncheckedIOException(
                new IOException("no repository root above " + Path.of("").toAbsolutePath()));
    }

    /** A unified diff of two texts by lines, with a few lines of context around each change. */
    static String diff(List<String> before, List<String> after) {
        int prefix = 0;
        while (prefix < before.size()
                && prefix < after.size()
                && before.get(prefix).equals(after.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < before.size() - prefix
                && suffix < after.size() - prefix
                && before.get(before.size() - 1 - suffix).equals(after.get(after.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> a = before.subList(prefix, before.size() - suffix);
        List<String> b = after.subList(prefix, after.size() - suffix);
        // longest common subsequence of the differing middle, then walked into kept, removed and added lines
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int k = Math.max(0, prefix - CONTEXT); k < prefix; k++) {
            lines.add("  " + before.get(k));
            lineNumbers.add(k + 1);
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add("  " + a.get(i));
                lineNumbers.add(prefix + i + 1);
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                lines.add("- " + a.get(i));
                lineNumbers.add(prefix + i + 1);
                i++;
            } else {
                lines.add("+ " + b.get(j));
                lineNumbers.add(prefix + i + 1);
                j++;
            }
        }
        for (int k = before.size() - suffix; k < Math.min(before.size(), before.size() - suffix + CONTEXT); k++) {
            lines.add("  " + before.get(k));
            lineNumbers.add(k + 1);
        }
        return hunks(lines, lineNumbers);
    }

    /** Only the changed lines and their context, each run headed by its line in the committed copy. */
    private static String hunks(List<String> lines, List<Integer> lineNumbers) {
        boolean[] shown = new boolean[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            if (!lines.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(lines.size() - 1, k + CONTEXT); c++) {
                    shown[c] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int written = 0;
        for (int k = 0; k < lines.size(); k++) {
            if (!shown[k]) {
                continue;
            }
            if (k == 0 || !shown[k - 1]) {
                out.append("@@ line ").append(lineNumbers.get(k)).append(" @@\n");
            }
            if (written++ == MAX_DIFF_LINES) {
                out.append("... (diff cut at ").append(MAX_DIFF_LINES).append(" lines)\n");
                break;
            }
            out.append(lines.get(k)).append('\n');
        }
        return out.toString();
    }
}
