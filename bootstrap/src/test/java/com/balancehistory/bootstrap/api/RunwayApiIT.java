package com.balancehistory.bootstrap.api;

import static com.balancehistory.bootstrap.api.ApiJson.list;
import static com.balancehistory.bootstrap.api.ApiJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.in.alert.EvaluateAlertsUseCase;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.Labels;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runways and top-ups over HTTP on the real service and PostgreSQL, from known snapshot sequences one day apart: the
 * burn, runway, depletion instant and top-up exact to the minor unit in USD (2 decimals), JPY (0) and BHD (3), the
 * reasons when there is no runway, and the top-up list per currency and per label group.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunwayApiIT extends ServiceTestSupport {

    static final String KEY = "reader-key-" + UUID.randomUUID();
    static final String SUITE = "r" + UUID.randomUUID().toString().substring(0, 8);
    static final String SOURCE = "runway-" + SUITE;
    /** The last observation, an hour ago; the others are one, two and three days before it. */
    static final Instant LAST = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));

    @Inject
    EmbeddedServer server;

    @Inject
    DSLContext dsl;

    @Inject
    JsonMapper json;

    @Inject
    EvaluateAlertsUseCase alerts;

    ApiTestClient api;

    @Override
    protected Map<String, String> moreProperties() {
        return TestProperties.none()
                .hashedApiKey("reader", "reader", KEY)
                .with(Map.of( // low-balance rules stated in runway, next to amounts and percentages
                        "balance-history.low-balance.currencies.BHD", "runway < 14d",
                        "balance-history.low-balance.currencies.JPY", "runway < 20d"))
                .asMap();
    }

    @BeforeAll
    void seed() {
        api = ApiTestClient.of(server);
        JooqSnapshotStore store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), card -> Map.of());
        // values 3, 2, 1 and 0 days before LAST; null: not observed then
        Map<Account, String[]> history = new LinkedHashMap<>();
        history.put(account("usd-a", "USD", "Marketing"), new String[] {"200.00", "200.00", "200.00", "100.00"});
        history.put(account("usd-b", "USD", "Operations"), new String[] {"1000.00", "900.00", "850.00", "700.00"});
        history.put(account("usd-rising", "USD", "Operations"), new String[] {"100.00", "150.00", "200.00", "300.00"});
        history.put(account("usd-new", "USD", "Operations"), new String[] {null, null, null, "50.00"});
        history.put(account("jpy-a", "JPY", "Operations"), new String[] {null, "10000", "9500", "9000"});
        history.put(account("jpy-b", "JPY", null), new String[] {"50000", "40000", "30000", "20000"});
        history.put(account("bhd", "BHD", "Marketing"), new String[] {"10.000", "9.000", "9.500", "8.500"});
        for (int daysBefore = 3; daysBefore >= 0; daysBefore--) {
            List<BalanceObservation> observed = new ArrayList<>();
            for (Map.Entry<Account, String[]> entry : history.entrySet()) {
                String value = entry.getValue()[3 - daysBefore];
                if (value != null) {
                    observed.add(BalanceObservation.of(
                            entry.getKey(),
                            Balances.available(Money.parse(value, entry.getKey().currency()))));
                }
            }
            record(store, LAST.minus(Duration.ofDays(daysBefore)), observed);
        }
    }

    private static Account account(String id, String currency, String department) {
        Map<String, String> labels = new HashMap<>();
        labels.put("suite", SUITE);
        if (department != null) {
            labels.put("department", department);
        }
        return Account.of(SOURCE, ProviderType.AHRVO, AccountKind.BUDGET, id, id, CurrencyCodes.require(currency))
                .withLabels(Labels.of(labels));
    }

    private static String id(String account) {
        return SOURCE + ".budget." + account;
    }

    private static void record(JooqSnapshotStore store, Instant at, List<BalanceObservation> balances) {
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
        FetchResult result = new FetchResult.Fetched(SOURCE, balances, List.of(), List.of(), Set.of(), List.of());
        store.recordSource(
                new SourcePollRecord(pollId, SOURCE, "ahrvo", SourceOutcome.OK, Optional.empty(), at, at, result));
        store.finishPollRun(pollId, at);
    }

    private JsonNode runway(String account, String query) {
        return ApiJson.ok(json, api.get("api/v1/balances/" + id(account) + "/runway" + query, KEY));
    }

    @Test
    void usd_runway_and_top_up_are_exact_to_the_cent_and_rounded_up() {
        // 100.00 burnt over exactly 3 days: 33.33 a day; 79 hours need 33.33 * 79 / 24 = 109.71125, 100.00 are there
        JsonNode runway = runway("usd-a", "?window=P30D&target=PT79H");

        assertThat(text(runway, "currency")).isEqualTo("USD");
        assertThat(text(runway, "balance")).isEqualTo("100.00");
        assertThat(text(runway, "averageDailyBurn")).isEqualTo("33.33");
        assertThat(text(runway, "outlook")).isEqualTo("projected");
        assertThat(text(runway, "runwayDays")).isEqualTo("3.00");
        // 100.00 * 86,400 / 33.33 = 259,225.9 seconds after the last observation
        assertThat(Instant.parse(text(runway, "runsOutAt"))).isEqualTo(LAST.plusSeconds(259_225));
        assertThat(text(runway, "topUp")).isEqualTo("9.72");
        assertThat(runway.get("reason")).isNull();

        // the defaults: P30D window, P14D target -> 33.33 * 14 - 100.00
        JsonNode defaults = runway("usd-a", "");
        assertThat(text(defaults, "window")).isEqualTo("PT720H");
        assertThat(text(defaults, "target")).isEqualTo("PT336H");
        assertThat(text(defaults, "topUp")).isEqualTo("366.62");
    }

    @Test
    void jpy_top_up_is_whole_yen_rounded_up_and_zero_when_the_balance_lasts() {
        // 1000 yen over 2 days: 500 a day; 457 hours need 9520.83 yen, 9000 are there
        JsonNode runway = runway("jpy-a", "?target=PT457H");

        assertThat(text(runway, "averageDailyBurn")).isEqualTo("500");
        assertThat(text(runway, "runwayDays")).isEqualTo("18.00");
        assertThat(Instant.parse(text(runway, "runsOutAt"))).isEqualTo(LAST.plus(Duration.ofDays(18)));
        assertThat(text(runway, "topUp")).isEqualTo("521");

        assertThat(text(runway("jpy-a", "?target=P14D"), "topUp")).isEqualTo("0");
    }

    @Test
    void bhd_top_up_is_in_fils_and_the_top_up_in_the_window_is_not_negative_burn() {
        // decreases 1.000 and 1.000 over 3 days; the +0.500 in between is a top-up: 0.667 a day
        JsonNode fortnight = runway("bhd", "?target=P14D");
        assertThat(text(fortnight, "averageDailyBurn")).isEqualTo("0.667");
        assertThat(text(fortnight, "runwayDays")).isEqualTo("12.74");
        assertThat(Instant.parse(text(fortnight, "runsOutAt"))).isEqualTo(LAST.plusSeconds(1_101_049));
        assertThat(text(fortnight, "topUp")).isEqualTo("0.838");

        // 0.667 * 337 / 24 - 8.500 = 0.8657916... -> 0.866
        assertThat(text(runway("bhd", "?target=PT337H"), "topUp")).isEqualTo("0.866");
    }

    @Test
    void a_rising_balance_has_no_runway_end_and_needs_no_top_up() {
        JsonNode runway = runway("usd-rising", "?target=P14D");

        assertThat(text(runway, "outlook")).isEqualTo("not_decreasing");
        assertThat(text(runway, "reason")).startsWith("not decreasing");
        assertThat(runway.get("runsOutAt")).isNull();
        assertThat(runway.get("runwayDays")).isNull();
        assertThat(text(runway, "averageDailyBurn")).isEqualTo("0.00");
        assertThat(text(runway, "topUp")).isEqualTo("0.00");
    }

    @Test
    void one_observation_is_not_enough_history_for_a_runway_or_a_top_up() {
        JsonNode runway = runway("usd-new", "?target=P14D");

        assertThat(text(runway, "outlook")).isEqualTo("not_enough_history");
        assertThat(text(runway, "reason")).startsWith("not enough history");
        assertThat(runway.get("averageDailyBurn")).isNull();
        assertThat(runway.get("runsOutAt")).isNull();
        assertThat(runway.get("topUp")).isNull();
    }

    @Test
    void an_unknown_account_is_404_and_bad_durations_are_400() {
        assertThat(api.get("api/v1/balances/" + id("nobody") + "/runway", KEY).status())
                .isEqualTo(404);
        assertThat(api.get("api/v1/balances/" + id("usd-a") + "/runway?target=P0D", KEY)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("api/v1/balances/" + id("usd-a") + "/runway?window=soon", KEY)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("api/v1/topups?target=-P1D", KEY).status()).isEqualTo(400);
    }

    @Test
    void top_ups_list_the_accounts_that_need_one_with_totals_per_currency() {
        JsonNode topUps = ApiJson.ok(json, api.get("api/v1/topups?target=P14D&label=suite:" + SUITE, KEY));

        assertThat(text(topUps, "target")).isEqualTo("PT336H");
        // by currency, then the largest top-up first; rising, new and lasting accounts are left out
        assertThat(list(topUps.get("accounts")))
                .extracting(a -> text(a, "accountId") + " " + text(a, "currency") + " " + text(a, "topUp"))
                .containsExactly(
                        id("bhd") + " BHD 0.838",
                        id("jpy-b") + " JPY 120000",
                        id("usd-b") + " USD 700.00",
                        id("usd-a") + " USD 366.62");
        assertThat(list(topUps.get("currencies")))
                .extracting(c -> text(c, "currency") + " " + text(c, "accounts") + " " + text(c, "total"))
                .containsExactly("BHD 1 0.838", "JPY 1 120000", "USD 2 1066.62");
        assertThat(topUps.get("groups")).isNull();
    }

    @Test
    void top_ups_per_label_group_with_an_unlabelled_group_and_never_across_currencies() {
        JsonNode topUps = ApiJson.ok(
                json, api.get("api/v1/topups?target=P14D&label=suite:" + SUITE + "&groupBy=department", KEY));

        assertThat(text(topUps, "groupBy")).isEqualTo("department");
        List<JsonNode> groups = list(topUps.get("groups"));
        assertThat(groups)
                .extracting(g -> text(g, "group") + " " + text(g, "labelled"))
                .containsExactly("Marketing true", "Operations true", "(unlabelled) false");
        assertThat(list(groups.get(0).get("currencies")))
                .extracting(c -> text(c, "currency") + " " + text(c, "accounts") + " " + text(c, "total"))
                .containsExactly("BHD 1 0.838", "USD 1 366.62");
        assertThat(list(groups.get(1).get("currencies")))
                .extracting(c -> text(c, "currency") + " " + text(c, "accounts") + " " + text(c, "total"))
                .containsExactly("USD 1 700.00");
        assertThat(list(groups.get(2).get("currencies")))
                .extracting(c -> text(c, "currency") + " " + text(c, "accounts") + " " + text(c, "total"))
                .containsExactly("JPY 1 120000");
    }

    @Test
    void the_openapi_document_describes_both_routes_and_their_parameters() {
        String spec = api.get("swagger/balance-history-v1.yml", null).body();
        assertThat(spec)
                .contains("/api/v1/balances/{accountId}/runway:", "/api/v1/topups:", "name: target", "name: groupBy");
    }

    @Test
    void a_runway_low_balance_rule_uses_the_runway_s_burn_in_the_account_detail_and_the_alerts() {
        // BHD: 8.500 lasts 12.74 days at 0.667 a day, under 14 days; the threshold is 14 days of burn, 9.338
        JsonNode detail = ApiJson.ok(json, api.get("api/v1/balances/" + id("bhd"), KEY));
        JsonNode low = detail.get("lowBalance");
        assertThat(text(low, "verdict")).isEqualTo("low");
        assertThat(text(low, "threshold")).isEqualTo("9.338");
        assertThat(text(low, "rule")).startsWith("runway below PT336H");
        // JPY b: 20000 lasts 2 days at 10000 a day, under 20 days: the threshold is 20 days of burn
        assertThat(text(
                        ApiJson.ok(json, api.get("api/v1/balances/" + id("jpy-b"), KEY))
                                .get("lowBalance"),
                        "threshold"))
                .isEqualTo("200000");

        alerts.evaluate();
        List<JsonNode> active =
                list(ApiJson.ok(json, api.get("api/v1/alerts", KEY)).get("alerts"));
        assertThat(active)
                .filteredOn(
                        a -> "low-balance".equals(text(a, "kind")) && id("bhd").equals(text(a, "accountId")))
                .singleElement()
                .satisfies(a -> {
                    assertThat(text(a, "value")).isEqualTo("8.500");
                    assertThat(text(a, "threshold")).isEqualTo("9.338");
                    assertThat(text(a, "message")).contains("runway below PT336H");
                });
        // JPY a: 9000 lasts 18 days at 500 a day, under 20: threshold 10000
        assertThat(active)
                .filteredOn(a ->
                        "low-balance".equals(text(a, "kind")) && id("jpy-a").equals(text(a, "accountId")))
                .singleElement()
                .satisfies(a -> assertThat(text(a, "threshold")).isEqualTo("10000"));
        // USD has no rule
        assertThat(active).noneSatisfy(a -> assertThat(text(a, "accountId")).startsWith(SOURCE + ".budget.usd"));
    }

    @Test
    void runway_rules_count_in_the_overview_per_currency_and_per_label_group() {
        // JPY a lasts 18 days at 500 a day and JPY b 2 days at 10,000, both under 20; BHD 12.74 days, under 14
        JsonNode overview = ApiJson.ok(json, api.get("api/v1/overview?label=suite:" + SUITE, KEY));
        Map<String, JsonNode> currencies = new HashMap<>();
        list(overview.get("currencies")).forEach(c -> currencies.put(text(c, "currency"), c));
        assertThat(text(currencies.get("JPY"), "lowBalanceCount")).isEqualTo("2");
        assertThat(list(currencies.get("JPY").get("lowBalanceAccounts")).stream()
                        .map(JsonNode::coerceStringValue)
                        .toList())
                .containsExactly(id("jpy-a"), id("jpy-b"));
        assertThat(text(currencies.get("BHD"), "lowBalanceCount")).isEqualTo("1");
        assertThat(text(currencies.get("USD"), "lowBalanceCount")).isEqualTo("0");

        JsonNode grouped =
                ApiJson.ok(json, api.get("api/v1/overview?label=suite:" + SUITE + "&groupBy=department", KEY));
        List<String> lowPerGroup = new ArrayList<>();
        list(grouped.get("groups"))
                .forEach(group -> list(group.get("currencies"))
                        .forEach(c -> lowPerGroup.add(
                                text(group, "group") + " " + text(c, "currency") + " " + text(c, "lowBalanceCount"))));
        assertThat(lowPerGroup)
                .containsExactlyInAnyOrder(
                        "Marketing BHD 1",
                        "Marketing USD 0",
                        "Operations JPY 1",
                        "Operations USD 0",
                        "(unlabelled) JPY 1");
    }

    @Test
    void runway_rules_flag_the_allocation_report_s_accounts_with_the_runway_threshold() {
        JsonNode report = ApiJson.ok(json, api.get("api/v1/reports/allocation/live", KEY));
        Map<String, JsonNode> lines = new HashMap<>();
        list(report.get("currencies"))
                .forEach(section -> list(section.get("accounts")).forEach(a -> lines.put(text(a, "accountId"), a)));
        assertThat(text(lines.get(id("bhd")), "low")).isEqualTo("true");
        assertThat(text(lines.get(id("bhd")), "lowThreshold")).isEqualTo("9.338");
        assertThat(text(lines.get(id("jpy-a")), "low")).isEqualTo("true");
        assertThat(text(lines.get(id("jpy-a")), "lowThreshold")).isEqualTo("10000");
        assertThat(text(lines.get(id("jpy-b")), "lowThreshold")).isEqualTo("200000");
        // USD has no rule
        assertThat(text(lines.get(id("usd-b")), "low")).isEqualTo("false");
        assertThat(text(lines.get(id("usd-b")), "lowThreshold")).isNull();
    }
}
