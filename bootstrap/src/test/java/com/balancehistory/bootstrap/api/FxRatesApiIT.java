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
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exchange rates over HTTP on the real service and PostgreSQL: configured rates beside rates an admin PUTs (each PUT a
 * new version, never an edit), the rates in force at a time with stale ones flagged, refusals by role and by field.
 * Each test uses its own currency pairs, since stored rates are shared by the whole test database.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FxRatesApiIT extends ServiceTestSupport {

    static final ProviderSimulator SIMULATOR = ProviderSimulator.start(SimulatorSettings.defaults());
    static final String ADMIN_KEY = "admin-key-" + UUID.randomUUID();
    static final String READER_KEY = "reader-key-" + UUID.randomUUID();
    static final String SUITE = "fx" + UUID.randomUUID().toString().substring(0, 8);
    static final String AHRVO = "fx-ahrvo-" + SUITE;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    ApiTestClient api;

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> p = new HashMap<>();
        p.putAll(TestProperties.none()
                .apiKey("treasury-admin", "admin", ADMIN_KEY)
                .apiKey("reader", "reader", READER_KEY)
                .asMap());
        p.put("balance-history.sources." + AHRVO + ".provider", "ahrvo");
        p.put("balance-history.sources." + AHRVO + ".base-url", SIMULATOR.baseUrl());
        p.put(
                "balance-history.sources." + AHRVO + ".api-key",
                SIMULATOR.credentials().ahrvoApiKey());
        p.put(
                "balance-history.sources." + AHRVO + ".access-token",
                SIMULATOR.credentials().ahrvoAccessToken());
        p.put("balance-history.labels.rules.fx-suite.source", AHRVO);
        p.put("balance-history.labels.rules.fx-suite.labels.suite", SUITE);
        rate(p, 0, "EUR", "USD", "1.0834", TODAY.minusDays(1), "ECB");
        // a rate 30 days old: used, but flagged stale (stale-after 7d)
        rate(p, 1, "SEK", "USD", "0.0951", TODAY.minusDays(30), "Riksbank");
        // configured, then stored for the same pair and date: the stored one wins
        rate(p, 2, "NOK", "USD", "0.0900", TODAY.minusDays(1), "config");
        rate(p, 3, "USD", "EUR", "0.9230", TODAY.minusDays(1), "ECB");
        rate(p, 4, "EUR", "GBP", "0.8600", TODAY.minusDays(30), "BoE");
        p.put("balance-history.fx.stale-after", "7d");
        // three budgets with known balances: EUR 20400.00, GBP 9800.25, USD 12500.50
        // grouped by fxdept: Travel holds the USD budget, Europe the EUR and GBP ones
        Map<String, String> departments = Map.of(
                "ci202507232016182663", "Travel",
                "ci202507232016182664", "Europe",
                "ci202507232016182665", "Europe");
        departments.forEach((id, department) -> {
            p.put("balance-history.labels.rules.fx-" + id + ".account", AHRVO + ".budget." + id);
            p.put("balance-history.labels.rules.fx-" + id + ".labels.fxset", SUITE);
            p.put("balance-history.labels.rules.fx-" + id + ".labels.fxdept", department);
        });
        return p;
    }

    private static void rate(
            Map<String, String> p, int i, String from, String to, String rate, LocalDate date, String source) {
        String at = "balance-history.fx.rates[" + i + "].";
        p.put(at + "from", from);
        p.put(at + "to", to);
        p.put(at + "rate", rate);
        p.put(at + "date", date.toString());
        p.put(at + "source", source);
    }

    @BeforeAll
    void poll() {
        api = ApiTestClient.of(server);
        JsonNode run = ApiJson.ok(json, api.post("api/v1/polls?source=" + AHRVO + "&wait=PT30S", ADMIN_KEY, null));
        assertThat(text(list(run.get("sources")).get(0), "outcome")).isEqualTo("ok");
    }

    @AfterAll
    void stop() {
        SIMULATOR.close();
    }

    ApiTestClient.Response put(String key, String body) {
        return api.send(
                HttpRequest.newBuilder(URI.create(server.getURL().toString() + "/api/v1/fx-rates"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)),
                key);
    }

    static String rateJson(String from, String to, String rate, LocalDate date, String source) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"rate\":" + rate + ",\"date\":\"" + date
                + "\",\"source\":\"" + source + "\"}";
    }

    private Map<String, JsonNode> inForce(String query) {
        JsonNode body = ApiJson.ok(json, api.get("api/v1/fx-rates" + query, READER_KEY));
        Map<String, JsonNode> byPair = new HashMap<>();
        list(body.get("rates")).forEach(r -> byPair.put(text(r, "from") + "->" + text(r, "to"), r));
        return byPair;
    }

    @Test
    void a_put_stores_a_new_version_and_history_keeps_both_versions() {
        ApiTestClient.Response first =
                put(ADMIN_KEY, "[" + rateJson("CHF", "USD", "\"1.1300\"", TODAY.minusDays(2), "SNB") + "]");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode one = ApiJson.body(json, first);
        assertThat(text(one, "storedBy")).isEqualTo("treasury-admin");
        assertThat(list(one.get("rates")))
                .singleElement()
                .satisfies(r -> assertThat(text(r, "rate")).isEqualTo("1.13"));
        // a JSON number is read exactly, never through a double
        ApiTestClient.Response second = put(
                ADMIN_KEY,
                "[" + rateJson("CHF", "USD", "1.130000000001", TODAY.minusDays(2), "SNB corrected") + ","
                        + rateJson("CHF", "USD", "\"1.12\"", TODAY.minusDays(3), "SNB") + "]");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        long v1 = ApiJson.body(json, first).get("version").getLongValue();
        long v2 = ApiJson.body(json, second).get("version").getLongValue();
        assertThat(v2).isGreaterThan(v1);

        JsonNode history = ApiJson.ok(json, api.get("api/v1/fx-rates?history=true", READER_KEY));
        List<JsonNode> versions = list(history.get("versions")).stream()
                .filter(v -> list(v.get("rates")).stream()
                        .anyMatch(r -> text(r, "from").equals("CHF")))
                .toList();
        assertThat(versions).extracting(v -> v.get("version").getLongValue()).containsExactly(v1, v2);
        assertThat(list(versions.get(0).get("rates")))
                .extracting(r -> text(r, "rate") + " " + text(r, "date") + " " + text(r, "source"))
                .containsExactly("1.13 " + TODAY.minusDays(2) + " SNB");
        assertThat(list(versions.get(1).get("rates")))
                .extracting(r -> text(r, "rate") + " " + text(r, "source"))
                .containsExactly("1.12 SNB", "1.130000000001 SNB corrected");
        assertThat(list(history.get("configured")))
                .extracting(r -> text(r, "from"))
                .containsExactly("EUR", "SEK", "NOK", "USD", "EUR");

        // in force now: the later version for that date; three days ago, the older date
        JsonNode now = inForce("").get("CHF->USD");
        assertThat(text(now, "rate")).isEqualTo("1.130000000001");
        assertThat(text(now, "origin")).isEqualTo("stored");
        assertThat(now.get("version").getLongValue()).isEqualTo(v2);
        JsonNode earlier = inForce("?asOf=" + TODAY.minusDays(3) + "T12:00:00Z").get("CHF->USD");
        assertThat(text(earlier, "rate")).isEqualTo("1.12");
        assertThat(inForce("?asOf=" + TODAY.minusDays(4) + "T12:00:00Z")).doesNotContainKey("CHF->USD");
    }

    @Test
    void configured_and_stored_rates_combine_the_stored_winning_on_the_same_date_and_old_ones_are_stale() {
        assertThat(put(ADMIN_KEY, "[" + rateJson("NOK", "USD", "\"0.0905\"", TODAY.minusDays(1), "Norges Bank") + "]")
                        .status())
                .isEqualTo(201);

        Map<String, JsonNode> rates = inForce("");
        assertThat(text(rates.get("NOK->USD"), "rate")).isEqualTo("0.0905");
        assertThat(text(rates.get("NOK->USD"), "origin")).isEqualTo("stored");
        assertThat(text(rates.get("EUR->USD"), "origin")).isEqualTo("configured");
        assertThat(rates.get("EUR->USD").get("version")).isNull();
        assertThat(rates.get("EUR->USD").get("stale").getBooleanValue()).isFalse();
        assertThat(rates.get("SEK->USD").get("stale").getBooleanValue()).isTrue();
        JsonNode body = ApiJson.ok(json, api.get("api/v1/fx-rates", READER_KEY));
        assertThat(text(body, "staleAfter")).isEqualTo("PT168H");
    }

    @Test
    void a_reader_key_cannot_put_rates() {
        ApiTestClient.Response refused =
                put(READER_KEY, "[" + rateJson("DKK", "USD", "\"0.145\"", TODAY, "Nationalbanken") + "]");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(inForce("")).doesNotContainKey("DKK->USD");
    }

    @Test
    void a_bad_body_is_refused_with_400_naming_the_field_and_nothing_is_stored() {
        assertProblem(
                put(
                        ADMIN_KEY,
                        "[" + rateJson("PLN", "USD", "\"0.25\"", TODAY, "NBP") + ","
                                + rateJson("PLN", "USD", "\"-0.25\"", TODAY, "NBP") + "]"),
                "rates[1].rate",
                "must be positive");
        assertProblem(
                put(ADMIN_KEY, "[" + rateJson("PLN", "PLN", "1", TODAY, "NBP") + "]"), "rates[0].to", "two different");
        assertProblem(put(ADMIN_KEY, "[" + rateJson("PLN", "XXY", "1", TODAY, "NBP") + "]"), "rates[0].to", "ISO 4217");
        assertProblem(
                put(
                        ADMIN_KEY,
                        "[{\"from\":\"PLN\",\"to\":\"USD\",\"rate\":\"0.25\",\"date\":\"2026-13-01\",\"source\":\"NBP\"}]"),
                "rates[0].date",
                "not an ISO date");
        assertProblem(
                put(ADMIN_KEY, "[{\"from\":\"PLN\",\"to\":\"USD\",\"rate\":\"0.25\",\"date\":\"" + TODAY + "\"}]"),
                "rates[0].source",
                "missing");
        assertProblem(
                put(
                        ADMIN_KEY,
                        "[{\"from\":\"PLN\",\"to\":\"USD\",\"rate\":\"0.25\",\"date\":\"" + TODAY
                                + "\",\"source\":\"NBP\",\"rat\":\"1\"}]"),
                "rates[0].rat",
                "unknown field");
        assertProblem(put(ADMIN_KEY, "{\"from\":\"PLN\"}"), "rates", "JSON list");
        assertProblem(put(ADMIN_KEY, "[]"), "rates", "at least one rate");
        assertProblem(
                put(
                        ADMIN_KEY,
                        "[" + rateJson("PLN", "USD", "\"0.25\"", TODAY, "NBP") + ","
                                + rateJson("PLN", "USD", "\"0.26\"", TODAY, "other") + "]"),
                "rates",
                "ambiguous");
        assertProblem(api.get("api/v1/fx-rates?asOf=yesterday", READER_KEY), "asOf", "ISO-8601");

        assertThat(inForce("")).doesNotContainKey("PLN->USD");
    }

    private JsonNode overview(String convertTo) {
        return ApiJson.ok(
                json, api.get("api/v1/overview?label=fxset:" + SUITE + "&convertTo=" + convertTo, READER_KEY));
    }

    @Test
    void the_overview_converted_total_is_exact_when_every_rate_is_present() {
        assertThat(put(ADMIN_KEY, "[" + rateJson("GBP", "USD", "\"1.2702\"", TODAY.minusDays(1), "BoE") + "]")
                        .status())
                .isEqualTo(201);

        JsonNode overview = overview("USD");

        // the per-currency totals exactly as without convertTo
        assertThat(list(overview.get("currencies")))
                .extracting(c -> text(c, "currency") + " " + text(c, "total"))
                .containsExactly("EUR 20400.00", "GBP 9800.25", "USD 12500.50");
        JsonNode converted = overview.get("convertedTotal");
        // 20400.00 * 1.0834 = 22101.36 ; 9800.25 * 1.2702 = 12448.27755 ; 12500.50 as is -> 47050.13755 -> 47050.14
        assertThat(text(converted, "currency")).isEqualTo("USD");
        assertThat(text(converted, "amount")).isEqualTo("47050.14");
        assertThat(text(converted, "rounding")).isEqualTo("half-even at target scale once");
        assertThat(converted.get("partial").getBooleanValue()).isFalse();
        assertThat(list(converted.get("missingCurrencies"))).isEmpty();
        assertThat(converted.get("staleRates").getBooleanValue()).isFalse();
        assertThat(list(converted.get("rates")))
                .extracting(r -> text(r, "from") + "->" + text(r, "to") + " " + text(r, "rate") + " " + text(r, "date")
                        + " " + text(r, "source") + " " + text(r, "amount") + " " + text(r, "converted"))
                .containsExactly(
                        "EUR->USD 1.0834 " + TODAY.minusDays(1) + " ECB 20400.00 22101.360000",
                        "GBP->USD 1.2702 " + TODAY.minusDays(1) + " BoE 9800.25 12448.277550");
        assertThat(ApiJson.ok(json, api.get("api/v1/overview?label=fxset:" + SUITE, READER_KEY))
                        .get("convertedTotal"))
                .isNull();
    }

    @Test
    void the_overview_converted_total_is_partial_when_a_rate_is_missing_and_leaves_that_currency_out() {
        JsonNode converted = overview("EUR").get("convertedTotal");

        // 20400.00 as is + 12500.50 * 0.9230 = 11537.96150 -> 31937.96150 -> 31937.96; GBP has no rate into EUR
        assertThat(text(converted, "amount")).isEqualTo("31937.96");
        assertThat(converted.get("partial").getBooleanValue()).isTrue();
        assertThat(list(converted.get("missingCurrencies")))
                .extracting(JsonNode::getStringValue)
                .containsExactly("GBP");
        assertThat(list(converted.get("leftOut")))
                .extracting(a -> text(a, "currency") + " " + text(a, "amount"))
                .containsExactly("GBP 9800.25");
        assertThat(list(converted.get("rates")))
                .extracting(r -> text(r, "from"))
                .containsExactly("USD");
    }

    @Test
    void a_rate_older_than_stale_after_is_used_and_flagged_stale() {
        JsonNode converted = overview("GBP").get("convertedTotal");

        // 20400.00 * 0.8600 = 17544.00 ; 9800.25 as is ; USD has no rate into GBP
        assertThat(text(converted, "amount")).isEqualTo("27344.25");
        assertThat(converted.get("staleRates").getBooleanValue()).isTrue();
        assertThat(list(converted.get("rates"))).singleElement().satisfies(r -> {
            assertThat(text(r, "date")).isEqualTo(TODAY.minusDays(30).toString());
            assertThat(r.get("stale").getBooleanValue()).isTrue();
        });
        assertThat(list(converted.get("missingCurrencies")))
                .extracting(JsonNode::getStringValue)
                .containsExactly("USD");
    }

    @Test
    void an_unknown_convert_to_currency_is_a_400_naming_the_parameter() {
        assertProblem(api.get("api/v1/overview?convertTo=XYZ", READER_KEY), "convertTo", "ISO 4217");
    }

    private JsonNode groupedOverview(String query) {
        return ApiJson.ok(
                json, api.get("api/v1/overview?label=fxset:" + SUITE + "&groupBy=fxdept" + query, READER_KEY));
    }

    private static Map<String, JsonNode> byGroup(JsonNode groups) {
        Map<String, JsonNode> found = new HashMap<>();
        list(groups).forEach(g -> found.put(text(g, "group"), g));
        return found;
    }

    private static List<String> ratesOf(JsonNode converted) {
        return list(converted.get("rates")).stream()
                .map(r -> text(r, "from") + "->" + text(r, "to") + " " + text(r, "rate") + " " + text(r, "source") + " "
                        + text(r, "amount") + " " + text(r, "converted"))
                .toList();
    }

    @Test
    void each_label_group_of_the_overview_has_its_converted_total_exact_when_every_rate_is_present() {
        assertThat(put(ADMIN_KEY, "[" + rateJson("GBP", "USD", "\"1.2702\"", TODAY.minusDays(1), "BoE") + "]")
                        .status())
                .isEqualTo(201);

        JsonNode overview = groupedOverview("&convertTo=USD");

        Map<String, JsonNode> groups = byGroup(overview.get("groups"));
        assertThat(groups).containsOnlyKeys("Europe", "Travel");
        JsonNode europe = groups.get("Europe").get("convertedTotal");
        // 20400.00 * 1.0834 = 22101.36 ; 9800.25 * 1.2702 = 12448.27755 -> 34549.63755 -> 34549.64
        assertThat(text(europe, "currency")).isEqualTo("USD");
        assertThat(text(europe, "amount")).isEqualTo("34549.64");
        assertThat(text(europe, "rounding")).isEqualTo("half-even at target scale once");
        assertThat(europe.get("partial").getBooleanValue()).isFalse();
        assertThat(list(europe.get("missingCurrencies"))).isEmpty();
        assertThat(ratesOf(europe))
                .containsExactly(
                        "EUR->USD 1.0834 ECB 20400.00 22101.360000", "GBP->USD 1.2702 BoE 9800.25 12448.277550");
        JsonNode travel = groups.get("Travel").get("convertedTotal");
        assertThat(text(travel, "amount")).isEqualTo("12500.50");
        assertThat(travel.get("partial").getBooleanValue()).isFalse();
        assertThat(ratesOf(travel)).isEmpty();
        // the per-currency totals within each group, and the whole converted total, as without groups
        assertThat(list(groups.get("Europe").get("currencies")))
                .extracting(c -> text(c, "currency") + " " + text(c, "total"))
                .containsExactly("EUR 20400.00", "GBP 9800.25");
        assertThat(text(overview.get("convertedTotal"), "amount")).isEqualTo("47050.14");

        assertThat(byGroup(groupedOverview("").get("groups")).get("Europe").get("convertedTotal"))
                .isNull();
    }

    @Test
    void a_label_group_s_converted_total_is_partial_when_a_rate_is_missing_and_leaves_that_currency_out() {
        Map<String, JsonNode> groups = byGroup(groupedOverview("&convertTo=EUR").get("groups"));

        // GBP has no rate into EUR: Europe's total is its EUR alone, GBP listed with its amount, never 1:1
        JsonNode europe = groups.get("Europe").get("convertedTotal");
        assertThat(text(europe, "amount")).isEqualTo("20400.00");
        assertThat(europe.get("partial").getBooleanValue()).isTrue();
        assertThat(list(europe.get("missingCurrencies")))
                .extracting(JsonNode::getStringValue)
                .containsExactly("GBP");
        assertThat(list(europe.get("leftOut")))
                .extracting(a -> text(a, "currency") + " " + text(a, "amount"))
                .containsExactly("GBP 9800.25");
        assertThat(ratesOf(europe)).isEmpty();
        // 12500.50 * 0.9230 = 11537.96150 -> 11537.96
        JsonNode travel = groups.get("Travel").get("convertedTotal");
        assertThat(text(travel, "amount")).isEqualTo("11537.96");
        assertThat(travel.get("partial").getBooleanValue()).isFalse();
        assertThat(ratesOf(travel)).containsExactly("USD->EUR 0.923 ECB 12500.50 11537.96150");
    }

    @Test
    void the_report_s_label_groups_have_their_converted_totals_in_json_csv_and_html_and_rebuild_identically() {
        assertThat(put(ADMIN_KEY, "[" + rateJson("GBP", "USD", "\"1.2702\"", TODAY.minusDays(1), "BoE") + "]")
                        .status())
                .isEqualTo(201);

        JsonNode report =
                ApiJson.ok(json, api.get("api/v1/reports/allocation/live?groupBy=fxdept&convertTo=USD", READER_KEY));
        Map<String, JsonNode> groups = byGroup(report.get("labelGroups").get("groups"));
        JsonNode europe = groups.get("Europe").get("convertedTotal");
        assertThat(text(europe, "amount")).isEqualTo("34549.64");
        assertThat(europe.get("partial").getBooleanValue()).isFalse();
        assertThat(ratesOf(europe))
                .containsExactly(
                        "EUR->USD 1.0834 ECB 20400.00 22101.360000", "GBP->USD 1.2702 BoE 9800.25 12448.277550");
        assertThat(text(groups.get("Travel").get("convertedTotal"), "amount")).isEqualTo("12500.50");
        // every group is converted, (unlabelled) included
        assertThat(groups.values())
                .allSatisfy(group -> assertThat(group.get("convertedTotal")).isNotNull());

        JsonNode partial =
                ApiJson.ok(json, api.get("api/v1/reports/allocation/live?groupBy=fxdept&convertTo=EUR", READER_KEY));
        JsonNode europeInEur =
                byGroup(partial.get("labelGroups").get("groups")).get("Europe").get("convertedTotal");
        assertThat(text(europeInEur, "amount")).isEqualTo("20400.00");
        assertThat(europeInEur.get("partial").getBooleanValue()).isTrue();
        assertThat(list(europeInEur.get("missingCurrencies")))
                .extracting(JsonNode::getStringValue)
                .containsExactly("GBP");

        ApiTestClient.Response csv =
                api.get("api/v1/reports/allocation/live?groupBy=fxdept&convertTo=USD&format=csv", READER_KEY);
        assertThat(csv.body().lines().filter(line -> line.startsWith("label-group-converted-total,USD,,Europe,")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(",34549.64,").contains("complete"));
        assertThat(csv.body().lines().filter(line -> line.startsWith("label-group-converted-rate,GBP,,Europe,")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("rate 1.2702 into USD"));
        ApiTestClient.Response html =
                api.get("api/v1/reports/allocation/live?groupBy=fxdept&convertTo=USD&format=html", READER_KEY);
        assertThat(html.body()).contains("34549.64 USD").contains("GBP-&gt;USD 1.2702");

        ApiTestClient.Response created =
                api.post("api/v1/reports", ADMIN_KEY, "{\"groupBy\":\"fxdept\",\"convertTo\":\"USD\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = ApiJson.body(json, created).get("id").getLongValue();
        JsonNode stored = ApiJson.ok(json, api.get("api/v1/reports/" + id, READER_KEY));
        assertThat(text(
                        byGroup(stored.get("content").get("labelGroups").get("groups"))
                                .get("Europe")
                                .get("convertedTotal"),
                        "amount"))
                .isEqualTo("34549.64");
        JsonNode rebuilt = ApiJson.ok(json, api.get("api/v1/reports/" + id + "/rebuild", READER_KEY));
        assertThat(rebuilt.get("identical").getBooleanValue()).isTrue();
    }

    /**
     * The report covers every account of the test database (other test classes add theirs), so the expected total is
     * worked out from the report's own per-currency totals: each converted at its listed rate, exact, summed, rounded
     * once; each currency without a rate listed as missing with its whole total.
     */
    private void assertConvertedIntoUsd(JsonNode report) {
        JsonNode converted = report.get("convertedTotal");
        assertThat(text(converted, "currency")).isEqualTo("USD");
        assertThat(text(converted, "rounding")).isEqualTo("half-even at target scale once");
        Map<String, JsonNode> rates = new HashMap<>();
        list(converted.get("rates")).forEach(r -> rates.put(text(r, "from"), r));
        Map<String, String> leftOut = new HashMap<>();
        list(converted.get("leftOut")).forEach(a -> leftOut.put(text(a, "currency"), text(a, "amount")));
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonNode currency : list(report.get("currencies"))) {
            String code = text(currency, "currency");
            java.math.BigDecimal total = new java.math.BigDecimal(text(currency, "total"));
            if (code.equals("USD")) {
                sum = sum.add(total);
            } else if (rates.containsKey(code)) {
                JsonNode rate = rates.get(code);
                assertThat(new java.math.BigDecimal(text(rate, "amount"))).isEqualByComparingTo(total);
                java.math.BigDecimal product = total.multiply(new java.math.BigDecimal(text(rate, "rate")));
                assertThat(new java.math.BigDecimal(text(rate, "converted"))).isEqualByComparingTo(product);
                sum = sum.add(product);
            } else {
                assertThat(leftOut).containsKey(code);
                assertThat(new java.math.BigDecimal(leftOut.get(code))).isEqualByComparingTo(total);
            }
        }
        assertThat(text(converted, "amount"))
                .isEqualTo(sum.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
        assertThat(converted.get("partial").getBooleanValue()).isEqualTo(!leftOut.isEmpty());
        assertThat(text(rates.get("EUR"), "rate")).isEqualTo("1.0834");
        assertThat(text(rates.get("GBP"), "rate")).isEqualTo("1.2702");
    }

    @Test
    void the_live_allocation_report_gives_the_converted_total_in_json_csv_and_html_stating_the_rounding() {
        assertThat(put(ADMIN_KEY, "[" + rateJson("GBP", "USD", "\"1.2702\"", TODAY.minusDays(1), "BoE") + "]")
                        .status())
                .isEqualTo(201);

        JsonNode report = ApiJson.ok(json, api.get("api/v1/reports/allocation/live?convertTo=USD", READER_KEY));
        assertConvertedIntoUsd(report);
        String amount = text(report.get("convertedTotal"), "amount");

        ApiTestClient.Response csv = api.get("api/v1/reports/allocation/live?convertTo=USD&format=csv", READER_KEY);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().filter(line -> line.startsWith("converted-total,")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("converted-total,USD,")
                        .contains("," + amount + ",")
                        .contains("rounding: half-even at target scale once"));
        assertThat(csv.body().lines().filter(line -> line.startsWith("converted-rate,EUR,")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("EUR->USD,ECB," + TODAY.minusDays(1))
                        .contains("rate 1.0834 into USD"));

        ApiTestClient.Response html = api.get("api/v1/reports/allocation/live?convertTo=USD&format=html", READER_KEY);
        assertThat(html.body())
                .contains("Total in USD")
                .contains(amount + " USD")
                .contains("half-even at target scale once")
                .contains("EUR-&gt;USD");

        assertThat(ApiJson.ok(json, api.get("api/v1/reports/allocation/live", READER_KEY))
                        .get("convertedTotal"))
                .isNull();
        assertProblem(api.get("api/v1/reports/allocation/live?convertTo=EURO", READER_KEY), "convertTo", "ISO 4217");
    }

    @Test
    void a_generated_report_stores_its_converted_total_and_rebuilds_it_identically() {
        assertThat(put(ADMIN_KEY, "[" + rateJson("GBP", "USD", "\"1.2702\"", TODAY.minusDays(1), "BoE") + "]")
                        .status())
                .isEqualTo(201);

        ApiTestClient.Response created = api.post("api/v1/reports", ADMIN_KEY, "{\"convertTo\":\"USD\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = ApiJson.body(json, created);
        assertConvertedIntoUsd(body.get("content"));
        long id = body.get("id").getLongValue();

        JsonNode stored = ApiJson.ok(json, api.get("api/v1/reports/" + id, READER_KEY));
        assertThat(text(stored.get("content").get("convertedTotal"), "amount"))
                .isEqualTo(text(body.get("content").get("convertedTotal"), "amount"));
        JsonNode rebuilt = ApiJson.ok(json, api.get("api/v1/reports/" + id + "/rebuild", READER_KEY));
        assertThat(rebuilt.get("identical").getBooleanValue()).isTrue();
        assertThat(api.post("api/v1/reports", ADMIN_KEY, "{\"convertTo\":\"XYZ\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void the_openapi_document_describes_the_rate_routes_and_their_parameters() {
        String spec = api.get("swagger/balance-history-v1.yml", null).body();

        assertThat(spec)
                .contains("/api/v1/fx-rates:")
                .contains("put:")
                .contains("name: asOf")
                .contains("name: history");
    }

    private void assertProblem(ApiTestClient.Response response, String parameter, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode problem = ApiJson.body(json, response);
        assertThat(text(problem, "parameter")).isEqualTo(parameter);
        assertThat(text(problem, "detail")).contains(detail);
    }
}
