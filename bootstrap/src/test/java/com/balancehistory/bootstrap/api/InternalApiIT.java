package com.balancehistory.bootstrap.api;

import static com.balancehistory.bootstrap.api.ApiJson.list;
import static com.balancehistory.bootstrap.api.ApiJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.in.auth.ApiKey;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.in.alert.EvaluateAlertsUseCase;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
 * The internal API over HTTP, on the real service and PostgreSQL: every route, the documented errors, both roles, a
 * missing key, and that no API key or provider credential ever shows in a response or a log line.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InternalApiIT extends ServiceTestSupport {

    static final CapturedLogs LOGS = CapturedLogs.start();

    static final String READER_KEY = "reader-key-" + UUID.randomUUID();
    static final String ADMIN_KEY = "admin-key-" + UUID.randomUUID();
    static final String PROVIDER_API_KEY = "provider-api-key-" + UUID.randomUUID();
    static final String PROVIDER_TOKEN = "provider-token-" + UUID.randomUUID();

    static final String SOURCE = "api-" + UUID.randomUUID().toString().substring(0, 8);
    static final String OLD_SOURCE = "old-" + UUID.randomUUID().toString().substring(0, 8);
    static final String POLLED = "polled-" + UUID.randomUUID().toString().substring(0, 8);
    static final String MAIN = SOURCE + ".budget.main";
    static final String CARD = "card-" + UUID.randomUUID().toString().substring(0, 8);

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    EmbeddedServer server;

    @Inject
    DSLContext dsl;

    @Inject
    JsonMapper json;

    @Inject
    EvaluateAlertsUseCase evaluateAlerts;

    ApiTestClient api;

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> p = new HashMap<>();
        p.putAll(TestProperties.none()
                .apiKey("test-reader", "reader", READER_KEY)
                .hashedApiKey("test-admin", "admin", ADMIN_KEY)
                .asMap());
        p.put("balance-history.api.max-raw-points", "3");
        p.put("balance-history.low-balance.currencies.CHF", "550.00");
        p.put("balance-history.health-tiers.CHF.tiers[0].minimum", "1000");
        p.put("balance-history.health-tiers.CHF.tiers[0].score", "100");
        p.put("balance-history.health-tiers.CHF.tiers[0].label", "RICH");
        p.put("balance-history.health-tiers.CHF.floor-score", "10");
        p.put("balance-history.health-tiers.CHF.floor-label", "POOR");
        p.put("balance-history.sources." + SOURCE + ".provider", "ahrvo");
        p.put("balance-history.sources." + SOURCE + ".base-url", "http://127.0.0.1:1");
        p.put("balance-history.sources." + SOURCE + ".api-key", PROVIDER_API_KEY);
        p.put("balance-history.sources." + SOURCE + ".access-token", PROVIDER_TOKEN);
        p.put("balance-history.sources." + SOURCE + ".interval", "1h");
        p.put("balance-history.sources." + POLLED + ".provider", "ahrvo");
        p.put("balance-history.sources." + POLLED + ".base-url", "http://127.0.0.1:1");
        p.put("balance-history.sources." + POLLED + ".api-key", PROVIDER_API_KEY);
        p.put("balance-history.sources." + POLLED + ".access-token", PROVIDER_TOKEN);
        p.put("balance-history.sources." + POLLED + ".max-retries", "0");
        p.put("balance-history.sources." + POLLED + ".connect-timeout", "1s");
        return p;
    }

    @BeforeAll
    void seed() {
        api = ApiTestClient.of(server);
        JooqSnapshotStore store = new JooqSnapshotStore(
                dsl,
                ChangeDetector.defaults(),
                card -> Map.of(LimitPeriod.DAILY, Money.parse("100.00", card.currency())));
        Account main = Account.of(
                SOURCE, ProviderType.AHRVO, AccountKind.BUDGET, "main", "Main budget", CurrencyCodes.require("CHF"));
        Account other = Account.of(
                SOURCE, ProviderType.AHRVO, AccountKind.BUDGET, "other", "Other budget", CurrencyCodes.require("NOK"));
        Account old = Account.of(
                OLD_SOURCE,
                ProviderType.GRANTEX,
                AccountKind.GRANT_BUDGET,
                "g1",
                "Old grant",
                CurrencyCodes.require("SEK"));
        Account card = Account.of(
                SOURCE,
                ProviderType.AHRVO,
                AccountKind.CARD_SPENDING_LIMIT,
                CARD,
                "Team card",
                CurrencyCodes.require("CHF"));
        // a failed poll five days ago, nothing four days ago, then one balance a day
        record(store, SOURCE, NOW.minus(Duration.ofDays(5)), null, List.of(), null);
        record(store, SOURCE, NOW.minus(Duration.ofDays(3)), null, List.of(balance(main, "1000.00")), null);
        record(store, SOURCE, NOW.minus(Duration.ofDays(2)), null, List.of(balance(main, "800.00")), null);
        record(store, SOURCE, NOW.minus(Duration.ofDays(1)), null, List.of(balance(main, "600.00")), null);
        record(
                store,
                SOURCE,
                NOW.minusSeconds(60),
                null,
                List.of(balance(main, "500.00"), balance(other, "120.50")),
                limits(card));
        record(store, OLD_SOURCE, NOW.minus(Duration.ofHours(2)), null, List.of(balance(old, "10.00")), null);
    }

    private static BalanceObservation balance(Account account, String amount) {
        return BalanceObservation.of(account, Balances.available(Money.parse(amount, account.currency())));
    }

    private static CardLimitObservation limits(Account card) {
        Map<LimitPeriod, Money> remaining = new java.util.EnumMap<>(LimitPeriod.class);
        remaining.put(LimitPeriod.DAILY, Money.parse("5.00", "CHF"));
        remaining.put(LimitPeriod.WEEKLY, Money.parse("400.00", "CHF"));
        remaining.put(LimitPeriod.MONTHLY, Money.parse("900.00", "CHF"));
        return new CardLimitObservation(card, remaining);
    }

    private static void record(
            JooqSnapshotStore store,
            String source,
            Instant at,
            Object unused,
            List<BalanceObservation> balances,
            CardLimitObservation card) {
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
        FetchResult result = balances.isEmpty() && card == null
                ? new FetchResult.Failed(
                        source, FetchFailure.ofSource("GET /budgets", FailureKind.UNAVAILABLE, "HTTP 503"))
                : new FetchResult.Fetched(
                        source, balances, card == null ? List.of() : List.of(card), List.of(), Set.of(), List.of());
        SourceOutcome outcome = result instanceof FetchResult.Failed ? SourceOutcome.FAILED : SourceOutcome.OK;
        store.recordSource(new SourcePollRecord(pollId, source, "ahrvo", outcome, Optional.empty(), at, at, result));
        store.finishPollRun(pollId, at);
    }

    private JsonNode body(ApiTestClient.Response response) {
        return ApiJson.body(json, response);
    }

    private JsonNode ok(ApiTestClient.Response response) {
        return ApiJson.ok(json, response);
    }

    private JsonNode problem(ApiTestClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("status").getIntValue()).isEqualTo(status);
        assertThat(problem.get("type").getStringValue()).startsWith("/problems/");
        assertThat(problem.get("title").getStringValue()).isNotBlank();
        assertThat(problem.get("detail").getStringValue()).isNotBlank();
        return problem;
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ authentication

    @Test
    void a_request_without_a_key_is_refused_with_401_and_a_bearer_challenge() {
        ApiTestClient.Response response = api.get("api/v1/balances", null);

        JsonNode problem = problem(response, 401);
        assertThat(text(problem, "parameter")).isEqualTo("Authorization");
        assertThat(response.wwwAuthenticate()).startsWith("Bearer");
    }

    @Test
    void a_wrong_key_or_another_scheme_is_refused_with_401() {
        problem(api.get("api/v1/balances", "not-a-key-of-ours-at-all"), 401);
        problem(api.get("api/v1/balances", "Basic " + READER_KEY), 401);
        problem(api.get("api/v1/balances", READER_KEY + "x"), 401);
    }

    @Test
    void health_is_open_without_a_key() {
        assertThat(api.get("health", null).status()).isEqualTo(200);
    }

    @Test
    void a_reader_key_on_the_admin_route_is_refused_with_403() {
        JsonNode problem = problem(api.post("api/v1/polls?source=" + POLLED, READER_KEY, null), 403);
        assertThat(text(problem, "resource")).contains("/api/v1/polls");
    }

    @Test
    void an_admin_key_may_read_as_well() {
        ok(api.get("api/v1/overview", ADMIN_KEY));
    }

    @Test
    void an_unknown_api_route_is_a_404_problem() {
        problem(api.get("api/v1/nothing-here", READER_KEY), 404);
    }

    // ------------------------------------------------------------------ balances

    @Test
    void lists_latest_balances_with_exact_amounts_currency_and_staleness() {
        JsonNode page = ok(api.get("api/v1/balances?source=" + SOURCE, READER_KEY));

        assertThat(page.get("total").getLongValue()).isEqualTo(2);
        assertThat(page.get("limit").getIntValue()).isEqualTo(100);
        List<JsonNode> items = list(page.get("items"));
        assertThat(items).extracting(i -> text(i, "name")).containsExactly("Main budget", "Other budget");
        JsonNode main = items.get(0);
        assertThat(text(main, "accountId")).isEqualTo(MAIN);
        assertThat(text(main, "available")).isEqualTo("500.00");
        assertThat(text(main, "currency")).isEqualTo("CHF");
        assertThat(text(main, "provider")).isEqualTo("ahrvo");
        assertThat(text(main, "kind")).isEqualTo("budget");
        assertThat(Instant.parse(text(main, "observedAt"))).isEqualTo(NOW.minusSeconds(60));
        assertThat(main.get("stale").getBooleanValue()).isFalse();
        assertThat(main.get("ledger")).isNull();
        assertThat(text(items.get(1), "available")).isEqualTo("120.50");
    }

    @Test
    void filters_sorts_and_pages_balances() {
        JsonNode byAmount = ok(api.get(
                "api/v1/balances?source=" + SOURCE + "&sort=available&order=desc&limit=1&offset=1", READER_KEY));
        assertThat(byAmount.get("total").getLongValue()).isEqualTo(2);
        assertThat(list(byAmount.get("items")))
                .extracting(i -> text(i, "externalId"))
                .containsExactly("other");

        JsonNode staleOnly = ok(api.get("api/v1/balances?stale=true&q=" + OLD_SOURCE, READER_KEY));
        assertThat(list(staleOnly.get("items")))
                .extracting(i -> text(i, "accountId"))
                .containsExactly(OLD_SOURCE + ".grant.g1");
        assertThat(list(staleOnly.get("items")).get(0).get("stale").getBooleanValue())
                .isTrue();

        JsonNode filtered =
                ok(api.get("api/v1/balances?provider=grantex&kind=grant&currency=sek&q=" + OLD_SOURCE, READER_KEY));
        assertThat(filtered.get("total").getLongValue()).isEqualTo(1);
        assertThat(ok(api.get("api/v1/balances?currency=CHF&q=" + SOURCE + "&stale=false", READER_KEY))
                        .get("total")
                        .getLongValue())
                .isEqualTo(1);
    }

    @Test
    void invalid_list_parameters_are_400_problems_naming_the_parameter() {
        Map<String, String> cases = Map.of(
                "limit=1001",
                "limit",
                "limit=abc",
                "limit",
                "offset=-1",
                "offset",
                "sort=size",
                "sort",
                "order=up",
                "order",
                "stale=maybe",
                "stale",
                "provider=paypal",
                "provider",
                "kind=loan",
                "kind",
                "currency=XYZ1",
                "currency");
        cases.forEach((query, parameter) -> assertThat(
                        text(problem(api.get("api/v1/balances?" + query, READER_KEY), 400), "parameter"))
                .as(query)
                .isEqualTo(parameter));
    }

    @Test
    void one_account_carries_its_health_tier_and_low_balance_state() {
        JsonNode detail = ok(api.get("api/v1/balances/" + MAIN, READER_KEY));

        assertThat(text(detail.get("balance"), "available")).isEqualTo("500.00");
        assertThat(text(detail.get("health"), "tier")).isEqualTo("POOR");
        assertThat(detail.get("health").get("score").getIntValue()).isEqualTo(10);
        JsonNode low = detail.get("lowBalance");
        assertThat(low.get("low").getBooleanValue()).isTrue();
        assertThat(text(low, "verdict")).isEqualTo("low");
        assertThat(text(low, "threshold")).isEqualTo("550.00");
        assertThat(text(low, "ruleScope")).isEqualTo("currency");
    }

    @Test
    void an_unknown_account_is_a_404_naming_the_resource() {
        JsonNode problem = problem(api.get("api/v1/balances/" + SOURCE + ".budget.nobody", READER_KEY), 404);
        assertThat(text(problem, "resource")).contains(SOURCE + ".budget.nobody");
        problem(api.get("api/v1/balances/" + q("not a valid id") + "/history", READER_KEY), 404);
        problem(api.get("api/v1/balances/" + SOURCE + ".budget.nobody/trend", READER_KEY), 404);
    }

    // ------------------------------------------------------------------ history and trend

    @Test
    void raw_history_lists_points_and_failed_polls_as_gaps() {
        JsonNode history = ok(api.get(
                "api/v1/balances/" + MAIN + "/history?from=" + NOW.minus(Duration.ofDays(6)) + "&to="
                        + NOW.minus(Duration.ofHours(12)),
                READER_KEY));

        assertThat(list(history.get("points")))
                .extracting(p -> text(p, "available"))
                .containsExactly("1000.00", "800.00", "600.00");
        assertThat(list(history.get("gaps")))
                .singleElement()
                .satisfies(gap -> assertThat(text(gap, "outcome")).isEqualTo("failed"));
        assertThat(text(history, "bucket")).isEqualTo("raw");
    }

    @Test
    void day_buckets_have_open_close_min_max_and_mark_empty_days_and_gaps() {
        JsonNode history = ok(api.get(
                "api/v1/balances/" + MAIN + "/history?bucket=day&zone=UTC&from=" + NOW.minus(Duration.ofDays(6))
                        + "&to=" + NOW,
                READER_KEY));

        List<JsonNode> buckets = list(history.get("buckets"));
        assertThat(buckets).hasSize(7);
        assertThat(buckets)
                .extracting(b -> text(b, "status"))
                .containsExactly("empty", "gap", "empty", "data", "data", "data", "data");
        JsonNode gap = buckets.get(1);
        assertThat(gap.get("gap").getBooleanValue()).isTrue();
        assertThat(gap.get("open")).isNull();
        assertThat(gap.get("failedPolls").getIntValue()).isEqualTo(1);
        JsonNode last = buckets.get(6);
        assertThat(text(last, "open")).isEqualTo("500.00");
        assertThat(last.get("samples").getIntValue()).isEqualTo(1);
        assertThat(Instant.parse(text(last, "start"))).isEqualTo(NOW.truncatedTo(ChronoUnit.DAYS));
    }

    @Test
    void hour_buckets_follow_the_zones_calendar_so_the_autumn_change_day_has_25_hours() {
        JsonNode history = ok(api.get(
                "api/v1/balances/" + MAIN + "/history?bucket=hour&zone=Europe/London"
                        + "&from=2026-10-25T00:00:00%2B01:00&to=2026-10-26T00:00:00Z",
                READER_KEY));
        assertThat(list(history.get("buckets")))
                .hasSize(25)
                .allSatisfy(b -> assertThat(text(b, "status")).isEqualTo("empty"));

        JsonNode days = ok(api.get(
                "api/v1/balances/" + MAIN + "/history?bucket=day&zone=Europe/London"
                        + "&from=2026-10-25T12:00:00Z&to=2026-10-25T13:00:00Z",
                READER_KEY));
        JsonNode day = list(days.get("buckets")).get(0);
        assertThat(Duration.between(Instant.parse(text(day, "start")), Instant.parse(text(day, "end"))))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void history_errors_are_400_problems_naming_the_parameter() {
        String base = "api/v1/balances/" + MAIN + "/history?";
        assertThat(text(problem(api.get(base + "zone=Mars/Olympus", READER_KEY), 400), "parameter"))
                .isEqualTo("zone");
        assertThat(text(problem(api.get(base + "bucket=fortnight", READER_KEY), 400), "parameter"))
                .isEqualTo("bucket");
        assertThat(text(
                        problem(api.get(base + "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", READER_KEY), 400),
                        "parameter"))
                .isEqualTo("from");
        assertThat(text(problem(api.get(base + "from=yesterday", READER_KEY), 400), "parameter"))
                .isEqualTo("from");
        JsonNode tooLarge =
                problem(api.get(base + "from=" + NOW.minus(Duration.ofDays(6)) + "&to=" + NOW, READER_KEY), 400);
        assertThat(text(tooLarge, "detail"))
                .contains("range too large for raw points")
                .contains("use a bucket");
    }

    @Test
    void trend_reports_change_burn_and_projected_depletion() {
        JsonNode trend = ok(api.get("api/v1/balances/" + MAIN + "/trend?window=P7D", READER_KEY));

        assertThat(text(trend, "change")).isEqualTo("-500.00");
        assertThat(text(trend, "percentChange")).isEqualTo("-50.00");
        assertThat(trend.get("points").getIntValue()).isEqualTo(4);
        assertThat(new BigDecimal(text(trend, "averageDailyBurn"))).isPositive();
        assertThat(text(trend.get("depletion"), "outlook")).isEqualTo("projected");
        assertThat(Instant.parse(text(trend.get("depletion"), "depletesAt"))).isAfter(NOW);

        JsonNode flat = ok(api.get("api/v1/balances/" + MAIN + "/trend?window=PT2M", READER_KEY));
        assertThat(text(flat.get("depletion"), "outlook")).isEqualTo("not_enough_history");
        assertThat(text(flat.get("depletion"), "reason")).isNotBlank();

        assertThat(text(
                        problem(api.get("api/v1/balances/" + MAIN + "/trend?window=30days", READER_KEY), 400),
                        "parameter"))
                .isEqualTo("window");
        assertThat(text(
                        problem(api.get("api/v1/balances/" + MAIN + "/trend?window=-P1D", READER_KEY), 400),
                        "parameter"))
                .isEqualTo("window");
    }

    // ------------------------------------------------------------------ overview and alerts

    @Test
    void overview_is_per_currency_with_low_balances_and_health_tiers() {
        JsonNode overview = ok(api.get("api/v1/overview", READER_KEY));

        List<JsonNode> currencies = list(overview.get("currencies"));
        assertThat(overview.get("total")).isNull();
        JsonNode chf = currencies.stream()
                .filter(c -> "CHF".equals(text(c, "currency")))
                .findFirst()
                .orElseThrow();
        assertThat(chf.get("count").getIntValue()).isEqualTo(1);
        assertThat(text(chf, "total")).isEqualTo("500.00");
        assertThat(text(chf, "average")).isEqualTo("500.00");
        assertThat(text(chf.get("highest"), "accountId")).isEqualTo(MAIN);
        assertThat(chf.get("lowBalanceCount").getIntValue()).isEqualTo(1);
        assertThat(chf.get("healthTiers").get("POOR").getIntValue()).isEqualTo(1);
        assertThat(chf.get("healthTiers").get("RICH").getIntValue()).isZero();
        assertThat(currencies)
                .extracting(c -> text(c, "currency"))
                .contains("NOK", "SEK")
                .isSorted();
    }

    @Test
    void alerts_list_low_balance_low_limit_and_stale_data_once_the_lifecycle_has_evaluated_them() {
        // the lifecycle evaluates after every recorded poll and on the report tick; the seeded rows bypassed both
        evaluateAlerts.evaluate();

        JsonNode alerts = ok(api.get("api/v1/alerts", READER_KEY));

        List<JsonNode> all = list(alerts.get("alerts"));
        assertThat(alerts.get("count").getIntValue()).isEqualTo(all.size());
        assertThat(all).anySatisfy(a -> {
            assertThat(text(a, "kind")).isEqualTo("low-balance");
            assertThat(text(a, "accountId")).isEqualTo(MAIN);
            assertThat(text(a, "value")).isEqualTo("500.00");
            assertThat(text(a, "threshold")).isEqualTo("550.00");
            assertThat(text(a, "currency")).isEqualTo("CHF");
        });
        assertThat(all).anySatisfy(a -> {
            assertThat(text(a, "kind")).isEqualTo("low-limit");
            assertThat(text(a, "accountId")).isEqualTo(SOURCE + ".card-limit." + CARD);
            assertThat(text(a, "period")).isEqualTo("daily");
            assertThat(text(a, "value")).isEqualTo("5.00");
            assertThat(text(a, "threshold")).isEqualTo("10.00");
        });
        assertThat(all).noneSatisfy(a -> {
            assertThat(text(a, "kind")).isEqualTo("low-limit");
            assertThat(text(a, "period")).isEqualTo("weekly");
        });
        assertThat(all).anySatisfy(a -> {
            assertThat(text(a, "kind")).isEqualTo("stale-data");
            assertThat(text(a, "source")).isEqualTo(OLD_SOURCE);
        });
        assertThat(all).noneSatisfy(a -> {
            assertThat(text(a, "kind")).isEqualTo("stale-data");
            assertThat(text(a, "source")).isEqualTo(SOURCE);
        });
    }

    // ------------------------------------------------------------------ cards

    @Test
    void card_limits_by_provider_card_id_or_account_id_with_used_and_utilization() {
        JsonNode byCard = ok(api.get("api/v1/cards/" + CARD + "/limits", READER_KEY));
        JsonNode byAccount = ok(api.get("api/v1/cards/" + SOURCE + ".card-limit." + CARD + "/limits", READER_KEY));

        assertThat(byCard.toString()).isEqualTo(byAccount.toString());
        assertThat(text(byCard, "headroom")).isEqualTo("5.00");
        JsonNode daily = list(byCard.get("periods")).get(0);
        assertThat(text(daily, "period")).isEqualTo("daily");
        assertThat(text(daily, "remaining")).isEqualTo("5.00");
        assertThat(text(daily, "total")).isEqualTo("100.00");
        assertThat(text(daily, "used")).isEqualTo("95.00");
        assertThat(text(daily, "utilization")).isEqualTo("0.9500");
        assertThat(list(byCard.get("periods")).get(1).get("utilization")).isNull();
        assertThat(text(byCard.get("card"), "currency")).isEqualTo("CHF");
        problem(api.get("api/v1/cards/no-such-card/limits", READER_KEY), 404);
    }

    @Test
    void purchase_check_tells_allowed_and_the_periods_a_purchase_would_break() {
        JsonNode fits = ok(api.post(
                "api/v1/cards/" + CARD + "/purchase-check", READER_KEY, "{\"amount\":\"4.50\",\"currency\":\"CHF\"}"));
        assertThat(fits.get("allowed").getBooleanValue()).isTrue();
        assertThat(list(fits.get("brokenPeriods"))).isEmpty();

        JsonNode breaks = ok(api.post(
                "api/v1/cards/" + CARD + "/purchase-check", READER_KEY, "{\"amount\":450.00,\"currency\":\"CHF\"}"));
        assertThat(breaks.get("allowed").getBooleanValue()).isFalse();
        assertThat(list(breaks.get("brokenPeriods")))
                .extracting(JsonNode::getStringValue)
                .containsExactly("daily", "weekly");
        assertThat(text(list(breaks.get("broken")).get(0), "shortfall")).isEqualTo("445.00");
        assertThat(text(breaks, "amount")).isEqualTo("450.00");

        JsonNode fifteenDigits = ok(api.post(
                "api/v1/cards/" + CARD + "/purchase-check",
                READER_KEY,
                "{\"amount\":1234567890123.45,\"currency\":\"CHF\"}"));
        assertThat(text(fifteenDigits, "amount")).isEqualTo("1234567890123.45");
    }

    @Test
    void purchase_check_rejects_malformed_amounts_and_foreign_currencies() {
        String path = "api/v1/cards/" + CARD + "/purchase-check";
        assertThat(text(
                        problem(api.post(path, READER_KEY, "{\"amount\":\"12,50\",\"currency\":\"CHF\"}"), 400),
                        "parameter"))
                .isEqualTo("amount");
        assertThat(text(
                        problem(api.post(path, READER_KEY, "{\"amount\":\"1.005\",\"currency\":\"CHF\"}"), 400),
                        "parameter"))
                .isEqualTo("amount");
        assertThat(text(
                        problem(api.post(path, READER_KEY, "{\"amount\":\"-1\",\"currency\":\"CHF\"}"), 400),
                        "parameter"))
                .isEqualTo("amount");
        assertThat(text(
                        problem(api.post(path, READER_KEY, "{\"amount\":\"1.00\",\"currency\":\"EUR\"}"), 400),
                        "parameter"))
                .isEqualTo("currency");
        assertThat(text(problem(api.post(path, READER_KEY, "{\"amount\":\"1.00\"}"), 400), "parameter"))
                .isEqualTo("currency");
        problem(api.post(path, READER_KEY, "{not json"), 400);
        problem(
                api.post(
                        "api/v1/cards/no-such-card/purchase-check",
                        READER_KEY,
                        "{\"amount\":\"1.00\",\"currency\":\"CHF\"}"),
                404);
    }

    @Test
    void a_plan_reports_feasibility_per_period_and_what_remains() {
        JsonNode plan = ok(api.post(
                "api/v1/cards/" + CARD + "/plan",
                READER_KEY,
                "{\"expenses\":[{\"description\":\"lunch\",\"amount\":\"3.00\"},"
                        + "{\"description\":\"taxi\",\"amount\":\"4.00\"}]}"));

        assertThat(plan.get("feasible").getBooleanValue()).isFalse();
        assertThat(text(plan, "total")).isEqualTo("7.00");
        assertThat(list(plan.get("brokenPeriods")))
                .extracting(JsonNode::getStringValue)
                .containsExactly("daily");
        JsonNode daily = list(plan.get("periods")).get(0);
        assertThat(text(daily, "remainingAfter")).isEqualTo("-2.00");
        assertThat(text(daily, "shortfall")).isEqualTo("2.00");
        assertThat(daily.get("firstBreakingExpense").get("position").getIntValue())
                .isEqualTo(1);
        JsonNode weekly = list(plan.get("periods")).get(1);
        assertThat(weekly.get("feasible").getBooleanValue()).isTrue();
        assertThat(text(weekly, "remainingAfter")).isEqualTo("393.00");

        assertThat(text(
                        problem(
                                api.post(
                                        "api/v1/cards/" + CARD + "/plan",
                                        READER_KEY,
                                        "{\"expenses\":[{\"description\":\"lunch\",\"amount\":\"lots\"}]}"),
                                400),
                        "parameter"))
                .isEqualTo("expenses[0].amount");
    }

    // ------------------------------------------------------------------ exports

    @Test
    void exports_current_balances_as_csv_and_json() {
        ApiTestClient.Response csv = api.get("api/v1/export/balances", READER_KEY);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("account_id,source,provider,kind,external_id,name,currency,available");
        assertThat(csv.body()).contains(MAIN + "," + SOURCE + ",ahrvo,budget,main,Main budget,CHF,500.00,");

        JsonNode array = ok(api.get("api/v1/export/balances?format=json", READER_KEY));
        assertThat(list(array)).anySatisfy(item -> {
            assertThat(text(item, "accountId")).isEqualTo(MAIN);
            assertThat(text(item, "available")).isEqualTo("500.00");
        });
        assertThat(text(problem(api.get("api/v1/export/balances?format=xml", READER_KEY), 400), "parameter"))
                .isEqualTo("format");
    }

    @Test
    void exports_snapshots_of_a_range_as_csv_rows() {
        ApiTestClient.Response csv =
                api.get("api/v1/export/snapshots?from=" + NOW.minus(Duration.ofDays(4)) + "&to=" + NOW, READER_KEY);

        assertThat(csv.status()).isEqualTo(200);
        List<String> mainRows = csv.body()
                .lines()
                .filter(line -> line.contains("," + MAIN + ","))
                .toList();
        assertThat(mainRows).hasSize(4);
        assertThat(mainRows.get(0))
                .startsWith(NOW.minus(Duration.ofDays(3)).toString())
                .contains(",1000.00,");
        assertThat(text(problem(api.get("api/v1/export/snapshots?format=xml", READER_KEY), 400), "parameter"))
                .isEqualTo("format");
        assertThat(text(
                        problem(api.get("api/v1/export/snapshots?from=" + NOW + "&to=" + NOW, READER_KEY), 400),
                        "parameter"))
                .isEqualTo("from");
    }

    // ------------------------------------------------------------------ polls

    @Test
    void an_admin_polls_a_source_now_and_the_run_is_listed_and_readable() {
        JsonNode run = ok(api.post("api/v1/polls?wait=PT30S&source=" + POLLED, ADMIN_KEY, null));

        assertThat(text(run, "trigger")).isEqualTo("on_demand");
        assertThat(text(run, "requestedSource")).isEqualTo(POLLED);
        JsonNode source = list(run.get("sources")).get(0);
        assertThat(text(source, "source")).isEqualTo(POLLED);
        assertThat(text(source, "outcome")).isIn("failed", "skipped");
        long id = run.get("id").getLongValue();

        JsonNode recent = ok(api.get("api/v1/polls?limit=50", READER_KEY));
        assertThat(list(recent.get("runs")))
                .anySatisfy(r -> assertThat(r.get("id").getLongValue()).isEqualTo(id));
        JsonNode one = ok(api.get("api/v1/polls/" + id, READER_KEY));
        assertThat(text(list(one.get("sources")).get(0), "outcome")).isEqualTo(text(source, "outcome"));
        problem(api.get("api/v1/polls/999999999", READER_KEY), 404);
        problem(api.get("api/v1/polls/abc", READER_KEY), 404);
        assertThat(text(problem(api.get("api/v1/polls?limit=0", READER_KEY), 400), "parameter"))
                .isEqualTo("limit");
    }

    @Test
    void a_poll_through_the_api_is_followed_by_an_alert_evaluation() {
        ok(api.post("api/v1/polls?wait=PT30S&source=" + POLLED, ADMIN_KEY, null));

        // no explicit evaluation: the source that was never polled successfully is stale right after its poll
        JsonNode alerts = ok(api.get("api/v1/alerts", READER_KEY));
        assertThat(list(alerts.get("alerts"))).anySatisfy(a -> {
            assertThat(text(a, "kind")).isEqualTo("stale-data");
            assertThat(text(a, "source")).isEqualTo(POLLED);
            assertThat(text(a, "message")).contains("never been polled successfully");
        });
    }

    @Test
    void polling_an_unknown_source_is_a_404_naming_the_source_parameter() {
        JsonNode problem = problem(api.post("api/v1/polls?source=no-such-source", ADMIN_KEY, null), 404);
        assertThat(text(problem, "parameter")).isEqualTo("source");
    }

    // ------------------------------------------------------------------ documentation

    @Test
    void the_openapi_document_and_its_bundled_ui_are_served_without_network() {
        ApiTestClient.Response spec = api.get("swagger/balance-history-v1.yml", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("/api/v1/balances/{accountId}/history").contains("bearer");

        ApiTestClient.Response ui = api.get("swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("/swagger-ui/res/swagger-ui-bundle.js").doesNotContain("cdn", "unpkg");
        assertThat(api.get("swagger-ui/res/swagger-ui-bundle.js", null).status())
                .isEqualTo(200);
        assertThat(api.get("rapidoc/index.html", null).status()).isEqualTo(200);
        assertThat(api.get("swagger-ui/..%2F..%2Fapplication.yml", null).status())
                .isEqualTo(404);
    }

    // ------------------------------------------------------------------ secrets

    @Test
    void no_response_or_log_line_ever_contains_an_api_key_or_a_provider_credential() {
        api.get("api/v1/balances", "Bearer " + READER_KEY + "-wrong");
        api.get("api/v1/balances", "Basic " + ADMIN_KEY);
        api.post("api/v1/polls", READER_KEY, null);
        api.post("api/v1/polls?wait=PT30S&source=" + POLLED, ADMIN_KEY, null);
        api.post("api/v1/polls?wait=PT30S&source=" + SOURCE, ADMIN_KEY, null);
        api.get("api/v1/polls?limit=500", ADMIN_KEY);
        api.get("api/v1/balances/" + MAIN + "/history?zone=Nowhere/Else", READER_KEY);
        api.get("api/v1/balances/" + MAIN, "Bearer");

        List<String> secrets =
                List.of(READER_KEY, ADMIN_KEY, PROVIDER_API_KEY, PROVIDER_TOKEN, ApiKey.sha256Hex(ADMIN_KEY));
        List<String> logs = LOGS.lines();
        assertThat(logs).isNotEmpty();
        for (String secret : secrets) {
            assertThat(logs).noneMatch(line -> line.contains(secret));
            assertThat(api.everyResponseSeen()).noneMatch(body -> body.contains(secret));
        }
    }
}
