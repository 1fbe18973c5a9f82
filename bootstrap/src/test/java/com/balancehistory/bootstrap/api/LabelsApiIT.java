package com.balancehistory.bootstrap.api;

import static com.balancehistory.bootstrap.api.ApiJson.list;
import static com.balancehistory.bootstrap.api.ApiJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorSettings;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Labels over HTTP on the real service and PostgreSQL, with accounts polled from the simulator: configured rules of
 * each kind (source, name pattern, provider id, account id, the more specific winning), Equals Money's budget
 * hierarchy as {@code parent} labels, the {@code label} filter (AND) and {@code groupBy} with its (unlabelled) group.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabelsApiIT extends ServiceTestSupport {

    static final ProviderSimulator SIMULATOR = ProviderSimulator.start(SimulatorSettings.defaults());
    static final String ADMIN_KEY = "admin-key-" + UUID.randomUUID();
    static final String SUITE = "s" + UUID.randomUUID().toString().substring(0, 8);
    static final String AHRVO = "lab-ahrvo-" + SUITE;
    static final String EQUALS = "lab-equals-" + SUITE;
    static final String SUITE_FILTER = "label=suite:" + SUITE;
    static final String CARD = SIMULATOR.credentials().ahrvoCardIds().get(0);

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    ApiTestClient api;

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> p = new HashMap<>();
        p.putAll(TestProperties.none().apiKey("admin", "admin", ADMIN_KEY).asMap());
        p.put("balance-history.sources." + AHRVO + ".provider", "ahrvo");
        p.put("balance-history.sources." + AHRVO + ".base-url", SIMULATOR.baseUrl());
        p.put(
                "balance-history.sources." + AHRVO + ".api-key",
                SIMULATOR.credentials().ahrvoApiKey());
        p.put(
                "balance-history.sources." + AHRVO + ".access-token",
                SIMULATOR.credentials().ahrvoAccessToken());
        // one card, so the per-department section has card limits: remaining 1500.00 of a daily 2000.00
        p.put("balance-history.sources." + AHRVO + ".card-ids", CARD);
        p.put("balance-history.sources." + AHRVO + ".card-limit-totals." + CARD + ".daily", "2000.00");
        p.put("balance-history.sources." + EQUALS + ".provider", "equals-money");
        p.put("balance-history.sources." + EQUALS + ".base-url", SIMULATOR.baseUrl());
        p.put(
                "balance-history.sources." + EQUALS + ".api-key",
                SIMULATOR.credentials().equalsApiKey());
        p.put(
                "balance-history.sources." + EQUALS + ".account-id",
                SIMULATOR.credentials().equalsAccountId());
        String rules = "balance-history.labels.rules.";
        p.put(rules + "everything-ahrvo.source", AHRVO);
        p.put(rules + "everything-ahrvo.labels.suite", SUITE);
        p.put(rules + "everything-ahrvo.labels.department", "Operations");
        p.put(rules + "everything-equals.source", EQUALS);
        p.put(rules + "everything-equals.labels.suite", SUITE);
        p.put(rules + "marketing-by-name.name-pattern", "(?i)^marketing");
        p.put(rules + "marketing-by-name.labels.department", "Marketing");
        p.put(rules + "engineering-budget.provider-id", "ci202507232016182662");
        p.put(rules + "engineering-budget.labels.department", "Engineering");
        p.put(rules + "engineering-budget.labels.team", "Platform");
        p.put(rules + "travel-account.account", AHRVO + ".budget.ci202507232016182663");
        p.put(rules + "travel-account.labels.department", "Finance");
        p.put(rules + "travel-account.labels.cost-center", "CC-9");
        // a name pattern that also matches the travel budget: the account rule is more specific and wins
        p.put(rules + "travel-by-name.name-pattern", "^Travel Expenses");
        p.put(rules + "travel-by-name.labels.department", "Travel");
        return p;
    }

    @BeforeAll
    void poll() {
        api = ApiTestClient.of(server);
        for (String source : List.of(AHRVO, EQUALS)) {
            JsonNode run = ApiJson.ok(json, api.post("api/v1/polls?source=" + source + "&wait=PT30S", ADMIN_KEY, null));
            assertThat(text(list(run.get("sources")).get(0), "outcome")).isEqualTo("ok");
        }
    }

    @AfterAll
    void stop() {
        SIMULATOR.close();
    }

    @Test
    void configured_rules_of_each_kind_label_the_accounts_and_the_more_specific_rule_wins() {
        Map<String, JsonNode> byName = byName(items("api/v1/balances?source=" + AHRVO));

        assertThat(labels(byName.get("Marketing Department Budget")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("suite", SUITE, "department", "Marketing"));
        assertThat(labels(byName.get("Engineering Team Budget")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("suite", SUITE, "department", "Engineering", "team", "Platform"));
        assertThat(labels(byName.get("Travel Expenses")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("suite", SUITE, "department", "Finance", "cost-center", "CC-9"));
        assertThat(labels(byName.get("Berlin Office Budget")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("suite", SUITE, "department", "Operations"));

        JsonNode one =
                ApiJson.ok(json, api.get("api/v1/balances/" + AHRVO + ".budget.ci202507232016182663", ADMIN_KEY));
        assertThat(labels(one.get("balance"))).containsEntry("cost-center", "CC-9");
    }

    @Test
    void equals_money_budgets_carry_their_parent_budget_as_labels() {
        Map<String, JsonNode> byName = byName(items("api/v1/balances?source=" + EQUALS));
        JsonNode root = byName.get("Team Party (USD)");
        JsonNode child = byName.get("Engineering 1 (USD)");
        JsonNode grandchild = byName.get("Events 4 (USD)");
        String rootId = budgetId(root);

        // the documented sample names itself as its parent: it is the root, without a parent label
        assertThat(labels(root)).doesNotContainKeys("parent", "parent-id");
        assertThat(labels(child)).containsEntry("parent", "Team Party").containsEntry("parent-id", rootId);
        assertThat(labels(grandchild))
                .containsEntry("parent", "Engineering 1")
                .containsEntry("parent-id", budgetId(child));
        // every currency of a budget carries the same parent
        assertThat(labels(byName.get("Engineering 1 (EUR)"))).containsEntry("parent-id", rootId);
    }

    @Test
    void label_filters_are_and_ed_on_balances_and_exports() {
        assertThat(names(items("api/v1/balances?" + SUITE_FILTER + "&label=department:Operations")))
                .containsExactlyInAnyOrder("Berlin Office Budget", "London Events Budget");
        assertThat(names(
                        items("api/v1/balances?" + SUITE_FILTER + "&label=department:Engineering&label=team:Platform")))
                .containsExactly("Engineering Team Budget");
        assertThat(items("api/v1/balances?" + SUITE_FILTER + "&label=department:Operations&label=team:Platform"))
                .isEmpty();
        // a value with spaces and a colon after the first one are part of the value
        assertThat(items("api/v1/balances?" + SUITE_FILTER + "&label=parent:Team%20Party"))
                .hasSize(5);

        ApiTestClient.Response csv = api.get(
                "api/v1/export/balances?format=csv&" + SUITE_FILTER + "&label=department:Engineering", ADMIN_KEY);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().skip(1).toList())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("Engineering Team Budget"));
        ApiTestClient.Response exported =
                api.get("api/v1/export/balances?format=json&" + SUITE_FILTER + "&label=department:Finance", ADMIN_KEY);
        List<JsonNode> exportedItems = list(ApiJson.body(json, exported));
        assertThat(exportedItems)
                .singleElement()
                .satisfies(item -> assertThat(labels(item)).containsEntry("cost-center", "CC-9"));
        ApiTestClient.Response snapshots = api.get(
                "api/v1/export/snapshots?format=csv&" + SUITE_FILTER + "&label=department:Marketing", ADMIN_KEY);
        assertThat(snapshots.body().lines().skip(1).toList())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("Marketing Department Budget"));
    }

    @Test
    void the_overview_is_filtered_by_labels_and_grouped_by_one_with_an_unlabelled_group_per_currency() {
        JsonNode filtered = ApiJson.ok(
                json, api.get("api/v1/overview?" + SUITE_FILTER + "&label=department:Operations", ADMIN_KEY));
        assertThat(list(filtered.get("currencies")).stream().map(c -> text(c, "currency")))
                .containsExactly("EUR", "GBP");
        assertThat(filtered.get("groups")).isNull();

        JsonNode grouped =
                ApiJson.ok(json, api.get("api/v1/overview?" + SUITE_FILTER + "&groupBy=department", ADMIN_KEY));
        assertThat(text(grouped, "groupBy")).isEqualTo("department");
        List<JsonNode> groups = list(grouped.get("groups"));
        assertThat(groups.stream().map(g -> text(g, "group")))
                .containsExactly("Engineering", "Finance", "Marketing", "Operations", "(unlabelled)");
        JsonNode operations = groups.get(3);
        assertThat(operations.get("labelled").getBooleanValue()).isTrue();
        assertThat(list(operations.get("currencies")))
                .extracting(c -> text(c, "currency") + " " + text(c, "count") + " " + text(c, "total"))
                .containsExactly("EUR 1 20400.00", "GBP 1 9800.25");
        JsonNode unlabelled = groups.get(4);
        assertThat(unlabelled.get("labelled").getBooleanValue()).isFalse();

        // the (unlabelled) group is every Equals budget, per currency, its totals exactly the sums of the list
        Map<String, BigDecimal> expected = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode item : items("api/v1/balances?source=" + EQUALS + "&limit=1000")) {
            expected.merge(text(item, "currency"), new BigDecimal(text(item, "available")), BigDecimal::add);
            counts.merge(text(item, "currency"), 1, Integer::sum);
        }
        Map<String, String> totals = new TreeMap<>();
        Map<String, Integer> groupCounts = new TreeMap<>();
        for (JsonNode currency : list(unlabelled.get("currencies"))) {
            totals.put(text(currency, "currency"), text(currency, "total"));
            groupCounts.put(text(currency, "currency"), currency.get("count").getIntValue());
            assertThat(currency.get("lowest").get("accountId").getStringValue()).startsWith(EQUALS + ".");
        }
        assertThat(totals)
                .isEqualTo(expected.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().toPlainString(), (a, b) -> a, TreeMap::new)));
        assertThat(groupCounts).isEqualTo(counts);
        assertThat(totals).containsOnlyKeys("EUR", "GBP", "USD");
    }

    @Test
    void the_overview_groups_by_the_parent_budget() {
        JsonNode grouped = ApiJson.ok(
                json,
                api.get("api/v1/overview?" + SUITE_FILTER + "&label=parent:Team%20Party&groupBy=parent", ADMIN_KEY));
        assertThat(list(grouped.get("groups")))
                .singleElement()
                .satisfies(group -> assertThat(text(group, "group")).isEqualTo("Team Party"));
    }

    @Test
    void the_live_report_grouped_by_department_has_each_group_s_share_of_its_currencies() {
        JsonNode report = ApiJson.ok(json, api.get("api/v1/reports/allocation/live?groupBy=department", ADMIN_KEY));
        JsonNode section = report.get("labelGroups");
        assertThat(text(section, "key")).isEqualTo("department");
        Map<String, JsonNode> groups = new HashMap<>();
        list(section.get("groups")).forEach(g -> groups.put(text(g, "group"), g));
        assertThat(list(groups.get("Marketing").get("currencies")))
                .singleElement()
                .satisfies(c -> {
                    assertThat(text(c, "currency")).isEqualTo("USD");
                    assertThat(text(c, "total")).isEqualTo("45250.75");
                });
        // the groups of a currency add up to its 100.00 %, whichever groups other tests' accounts fall into
        for (String currency : List.of("USD", "EUR", "GBP")) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode group : list(section.get("groups"))) {
                for (JsonNode c : list(group.get("currencies"))) {
                    if (text(c, "currency").equals(currency)) {
                        sum = sum.add(new BigDecimal(text(c, "sharePercent")));
                    }
                }
            }
            assertThat(sum).as(currency).isEqualByComparingTo("100.00");
        }
        ApiTestClient.Response bad = api.get("api/v1/reports/allocation/live?groupBy=Dept!", ADMIN_KEY);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(ApiJson.body(json, bad).get("labelGroups")).isNull();
        assertThat(ApiJson.ok(json, api.get("api/v1/reports/allocation/live", ADMIN_KEY))
                        .get("labelGroups"))
                .isNull();
    }

    @Test
    void the_per_department_section_has_each_department_s_card_limits_with_remaining_and_utilization() {
        JsonNode report = ApiJson.ok(json, api.get("api/v1/reports/allocation/live?groupBy=department", ADMIN_KEY));
        JsonNode operations = list(report.get("labelGroups").get("groups")).stream()
                .filter(g -> text(g, "group").equals("Operations"))
                .findFirst()
                .orElseThrow();

        JsonNode daily = list(operations.get("cardLimits")).stream()
                .filter(l -> text(l, "period").equals("daily"))
                .findFirst()
                .orElseThrow();
        assertThat(text(daily, "currency")).isEqualTo("USD");
        assertThat(daily.get("cards").getIntValue()).isEqualTo(1);
        assertThat(text(daily, "remaining")).isEqualTo("1500.00");
        assertThat(text(daily, "total")).isEqualTo("2000.00");
        assertThat(text(daily, "utilizationPercent")).isEqualTo("25.00");
        // periods without a configured total have a remaining amount but no utilization
        JsonNode weekly = list(operations.get("cardLimits")).stream()
                .filter(l -> text(l, "period").equals("weekly"))
                .findFirst()
                .orElseThrow();
        assertThat(text(weekly, "remaining")).isEqualTo("5000.00");
        assertThat(weekly.get("utilizationPercent").isNull()).isTrue();
    }

    @Test
    void the_per_department_section_is_in_the_csv_and_html_reports_too() {
        String csv = api.get("api/v1/reports/allocation/live?groupBy=department&format=csv", ADMIN_KEY)
                .body();
        assertThat(csv)
                .contains("label-group,USD,,Marketing,,,,")
                .contains(",45250.75,")
                .contains("label-group-card-limit,USD,,Operations,,daily,1500.00,25.00,,1,2000.00,");
        String html = api.get("api/v1/reports/allocation/live?groupBy=department&format=html", ADMIN_KEY)
                .body();
        assertThat(html)
                .contains("<h2>Per department</h2>")
                .contains("<tr><td>Marketing</td><td>USD</td>")
                .contains("<td>daily</td><td class=\"n\">1</td><td class=\"n\">1500.00 USD</td>");
        assertThat(api.get("api/v1/reports/allocation/live?format=csv", ADMIN_KEY)
                        .body())
                .doesNotContain("label-group");
    }

    /**
     * A second instance with another rule for the Marketing budget relabels it from its poll on; a report stored
     * before keeps its groups when rebuilt, and a new one has the new group.
     */
    @Test
    void a_relabel_applies_from_the_poll_that_saw_it_and_a_stored_report_keeps_its_groups() {
        ApiTestClient.Response created = api.post("api/v1/reports", ADMIN_KEY, "{\"groupBy\":\"department\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode stored = ApiJson.body(json, created);
        long id = stored.get("id").getLongValue();
        assertThat(groupTotal(stored.get("content"), "Marketing", "USD")).contains("45250.75");

        Map<String, Object> relabelled = new HashMap<>(getProperties());
        relabelled.put("micronaut.server.port", -1);
        relabelled.put("balance-history.labels.rules.marketing-by-name.labels.department", "Brand");
        try (EmbeddedServer other = io.micronaut.context.ApplicationContext.run(EmbeddedServer.class, relabelled)) {
            ApiTestClient otherApi = ApiTestClient.of(other);
            ApiJson.ok(json, otherApi.post("api/v1/polls?source=" + AHRVO + "&wait=PT30S", ADMIN_KEY, null));

            JsonNode live =
                    ApiJson.ok(json, otherApi.get("api/v1/reports/allocation/live?groupBy=department", ADMIN_KEY));
            assertThat(groupTotal(live, "Brand", "USD")).contains("45250.75");
            assertThat(groupTotal(live, "Marketing", "USD")).isEmpty();

            JsonNode rebuilt = ApiJson.ok(json, otherApi.get("api/v1/reports/" + id + "/rebuild", ADMIN_KEY));
            assertThat(rebuilt.get("identical").getBooleanValue()).isTrue();
            assertThat(groupTotal(rebuilt.get("rebuilt"), "Marketing", "USD")).contains("45250.75");
        } finally {
            // back to this suite's rules for the other tests, written by an instance that has not seen them yet
            // (an instance that recorded the source last re-checks nothing it wrote itself: see KnownAccounts)
            Map<String, Object> original = new HashMap<>(getProperties());
            original.put("micronaut.server.port", -1);
            try (EmbeddedServer again = io.micronaut.context.ApplicationContext.run(EmbeddedServer.class, original)) {
                ApiJson.ok(
                        json,
                        ApiTestClient.of(again).post("api/v1/polls?source=" + AHRVO + "&wait=PT30S", ADMIN_KEY, null));
            }
        }
        assertThat(labels(byName(items("api/v1/balances?source=" + AHRVO)).get("Marketing Department Budget")))
                .containsEntry("department", "Marketing");
    }

    private static java.util.Optional<String> groupTotal(JsonNode report, String group, String currency) {
        return list(report.get("labelGroups").get("groups")).stream()
                .filter(g -> text(g, "group").equals(group))
                .flatMap(g -> list(g.get("currencies")).stream())
                .filter(c -> text(c, "currency").equals(currency))
                .map(c -> text(c, "total"))
                .findFirst();
    }

    @Test
    void malformed_label_parameters_are_400_problems_naming_the_parameter() {
        for (String path : List.of(
                "api/v1/balances?label=department",
                "api/v1/overview?label=Department:Marketing",
                "api/v1/export/balances?label=:x")) {
            ApiTestClient.Response bad = api.get(path, ADMIN_KEY);
            assertThat(bad.status()).as(path).isEqualTo(400);
            assertThat(text(ApiJson.body(json, bad), "parameter")).isEqualTo("label");
        }
        ApiTestClient.Response badGroup = api.get("api/v1/overview?groupBy=Cost%20Center", ADMIN_KEY);
        assertThat(badGroup.status()).isEqualTo(400);
        assertThat(text(ApiJson.body(json, badGroup), "parameter")).isEqualTo("groupBy");
    }

    private List<JsonNode> items(String path) {
        return list(ApiJson.ok(json, api.get(path, ADMIN_KEY)).get("items"));
    }

    private static Map<String, JsonNode> byName(List<JsonNode> items) {
        Map<String, JsonNode> byName = new HashMap<>();
        items.forEach(item -> byName.put(text(item, "name"), item));
        return byName;
    }

    private static List<String> names(List<JsonNode> items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(text(item, "name")));
        return names;
    }

    private static Map<String, String> labels(JsonNode item) {
        Map<String, String> labels = new HashMap<>();
        item.get("labels")
                .entries()
                .forEach(e -> labels.put(e.getKey(), e.getValue().getStringValue()));
        return labels;
    }

    /** An Equals account's external id is its budget id and currency: {@code <budgetId>-USD}. */
    private static String budgetId(JsonNode item) {
        String external = text(item, "externalId");
        return external.substring(0, external.length() - 4);
    }
}
