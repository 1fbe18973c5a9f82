package com.balancehistory.bootstrap.api;

import static com.balancehistory.bootstrap.api.ApiJson.list;
import static com.balancehistory.bootstrap.api.ApiJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.bootstrap.dashboard.SeededPolls;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.Labels;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Balances as of a time over HTTP on the real service and PostgreSQL, from a known sequence of polls recorded at
 * chosen instants: a change (asked 1 ms before, at and after it), a failed poll just before as-of, an account gone
 * from a full listing, one first seen later, a relabel, and month ends in Europe/London on both sides of the October
 * daylight-saving change.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BalancesAsOfApiIT extends ServiceTestSupport {

    static final String ADMIN_KEY = "admin-key-" + UUID.randomUUID();
    static final String SUITE = "s" + UUID.randomUUID().toString().substring(0, 8);
    static final String SOURCE = "asof-" + SUITE;
    static final String MONTHS = "asof-months-" + SUITE;
    static final String SUITE_FILTER = "label=suite:" + SUITE;

    /** The polls of {@link #SOURCE}, five minutes apart (the default interval: stale after ten minutes). */
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    static final Instant CHANGE = T0.plus(Duration.ofMinutes(10));
    static final Instant FAILED = T0.plus(Duration.ofMinutes(15));
    static final Instant GONE = T0.plus(Duration.ofMinutes(20));
    static final Instant RELABELLED = T0.plus(Duration.ofMinutes(25));

    static final Account MAIN = account(SOURCE, "main", "Main budget", "USD");
    static final Account TRAVEL = account(SOURCE, "travel", "Travel budget", "EUR");
    static final Account LATE = account(SOURCE, "late", "Late budget", "USD");
    static final Account MONTHLY = account(MONTHS, "m", "Monthly budget", "GBP");

    /** Full listings of {@link #COMINGS}: one account gone and back since, one gone only later. */
    static final String COMINGS = "asof-comings-" + SUITE;

    static final Instant LISTED = Instant.parse("2026-04-06T10:00:00Z");
    static final Instant AWAY = LISTED.plus(Duration.ofMinutes(5));
    static final Instant BACK = LISTED.plus(Duration.ofMinutes(10));
    static final Instant LATER_GONE = LISTED.plus(Duration.ofMinutes(15));
    static final Account RETURNING = account(COMINGS, "returning", "Returning budget", "USD");
    static final Account LEAVING = account(COMINGS, "leaving", "Leaving budget", "USD");

    /** Polled every minute until {@link #HOURLY_FROM}, every hour from then on (the service records its interval). */
    static final String RETUNED = "asof-retuned-" + SUITE;

    static final Instant MINUTELY_FROM = Instant.parse("2026-05-04T08:00:00Z");
    static final Instant HOURLY_FROM = MINUTELY_FROM.plus(Duration.ofHours(1));
    static final Account RETUNED_BUDGET = account(RETUNED, "r", "Retuned budget", "EUR");

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    DSLContext dsl;

    ApiTestClient api;
    long[] polls;

    @Override
    protected Map<String, String> moreProperties() {
        return TestProperties.none().apiKey("admin", "admin", ADMIN_KEY).asMap();
    }

    @BeforeAll
    void seed() {
        api = ApiTestClient.of(server);
        SeededPolls seeded = new SeededPolls(dsl);
        polls = new long[] {
            seeded.answered(SOURCE, T0, List.of(seen(MAIN, "100.00", "Finance"), seen(TRAVEL, "50.00", "Operations"))),
            seeded.answered(
                    SOURCE,
                    T0.plus(Duration.ofMinutes(5)),
                    List.of(seen(MAIN, "100.00", "Finance"), seen(TRAVEL, "50.00", "Operations"))),
            seeded.answered(
                    SOURCE, CHANGE, List.of(seen(MAIN, "120.00", "Finance"), seen(TRAVEL, "50.00", "Operations"))),
            seeded.failed(SOURCE, FAILED),
            // a full listing without the travel budget: gone from here on; the late budget appears
            seeded.listed(
                    SOURCE,
                    GONE,
                    List.of(seen(MAIN, "120.00", "Finance"), seen(LATE, "130.00", "Finance")),
                    AccountKind.BUDGET),
            seeded.answered(
                    SOURCE, RELABELLED, List.of(seen(MAIN, "125.00", "Marketing"), seen(LATE, "130.00", "Finance")))
        };
        List<BalanceObservation> both = List.of(seen(RETURNING, "70.00", "Finance"), seen(LEAVING, "80.00", "Finance"));
        seeded.listed(COMINGS, LISTED, both, AccountKind.BUDGET);
        seeded.listed(COMINGS, AWAY, List.of(seen(LEAVING, "80.00", "Finance")), AccountKind.BUDGET);
        seeded.listed(COMINGS, BACK, both, AccountKind.BUDGET);
        seeded.listed(COMINGS, LATER_GONE, List.of(seen(RETURNING, "70.00", "Finance")), AccountKind.BUDGET);
        // today's configuration does not know this source (five minutes); its polls say how often it was polled
        SeededPolls everyMinute = new SeededPolls(dsl, Map.of(RETUNED, Duration.ofMinutes(1)));
        everyMinute.answered(RETUNED, MINUTELY_FROM, List.of(seen(RETUNED_BUDGET, "5.00", "Finance")));
        everyMinute.answered(
                RETUNED, MINUTELY_FROM.plus(Duration.ofMinutes(1)), List.of(seen(RETUNED_BUDGET, "5.00", "Finance")));
        new SeededPolls(dsl, Map.of(RETUNED, Duration.ofHours(1)))
                .answered(RETUNED, HOURLY_FROM, List.of(seen(RETUNED_BUDGET, "6.00", "Finance")));
        // month ends in Europe/London: September ends at 23:00Z (BST), October at midnight UTC (GMT again)
        seeded.answered(MONTHS, Instant.parse("2026-09-30T22:55:00Z"), List.of(seen(MONTHLY, "10.00", "Finance")));
        seeded.answered(MONTHS, Instant.parse("2026-09-30T23:00:00Z"), List.of(seen(MONTHLY, "11.00", "Finance")));
        seeded.answered(MONTHS, Instant.parse("2026-10-31T23:55:00Z"), List.of(seen(MONTHLY, "12.00", "Finance")));
        seeded.answered(MONTHS, Instant.parse("2026-11-01T00:00:00Z"), List.of(seen(MONTHLY, "13.00", "Finance")));
    }

    @Test
    void answers_exactly_around_a_change_one_millisecond_before_at_and_after_it() {
        JsonNode before = one(MAIN, CHANGE.minusMillis(1));
        assertThat(text(before, "available")).isEqualTo("100.00");
        assertThat(text(before, "observedAt"))
                .isEqualTo(T0.plus(Duration.ofMinutes(5)).toString());
        assertThat(text(before, "pollId")).isEqualTo(String.valueOf(polls[1]));
        assertThat(text(before, "ageAtAsOf")).isEqualTo("PT4M59.999S");
        assertThat(text(before, "asOf")).isEqualTo("2026-03-02T10:09:59.999Z");
        assertThat(before.get("staleAtAsOf").getBooleanValue()).isFalse();
        assertThat(before.get("gone").getBooleanValue()).isFalse();
        assertThat(before.get("lastPollFailedAt")).isNull();

        JsonNode at = one(MAIN, CHANGE);
        assertThat(text(at, "available")).isEqualTo("120.00");
        assertThat(text(at, "observedAt")).isEqualTo(CHANGE.toString());
        assertThat(text(at, "pollId")).isEqualTo(String.valueOf(polls[2]));
        assertThat(text(at, "ageAtAsOf")).isEqualTo("PT0S");

        JsonNode after = one(MAIN, CHANGE.plusMillis(1));
        assertThat(text(after, "available")).isEqualTo("120.00");
        assertThat(text(after, "ageAtAsOf")).isEqualTo("PT0.001S");

        // the list says the same
        JsonNode listed = byId(items("api/v1/balances?source=" + SOURCE + "&asOf=" + CHANGE.minusMillis(1)))
                .get(MAIN.id().value());
        assertThat(text(listed, "available")).isEqualTo("100.00");
    }

    @Test
    void a_failed_poll_just_before_as_of_shows_beside_the_older_value() {
        JsonNode main = one(MAIN, FAILED.plusSeconds(30));
        assertThat(text(main, "available")).isEqualTo("120.00");
        assertThat(text(main, "observedAt")).isEqualTo(CHANGE.toString());
        assertThat(text(main, "lastPollFailedAt")).isEqualTo(FAILED.toString());
        assertThat(text(main, "ageAtAsOf")).isEqualTo("PT5M30S");
        assertThat(main.get("staleAtAsOf").getBooleanValue()).isFalse();

        // once a later poll succeeded, the failure is history
        assertThat(one(MAIN, GONE).get("lastPollFailedAt")).isNull();
        // a day without polls: the value is shown, stale
        JsonNode old = one(MAIN, RELABELLED.plus(Duration.ofDays(1)));
        assertThat(text(old, "available")).isEqualTo("125.00");
        assertThat(old.get("staleAtAsOf").getBooleanValue()).isTrue();
        assertThat(old.get("stale").getBooleanValue()).isTrue();
        assertThat(text(old, "ageAtAsOf")).isEqualTo("PT24H");
    }

    @Test
    void an_account_gone_before_as_of_is_listed_as_gone_with_its_last_value() {
        Map<String, JsonNode> atGone = byId(items("api/v1/balances?source=" + SOURCE + "&asOf=" + GONE));
        JsonNode travel = atGone.get(TRAVEL.id().value());
        assertThat(travel.get("gone").getBooleanValue()).isTrue();
        assertThat(text(travel, "goneAt")).isEqualTo(GONE.toString());
        assertThat(text(travel, "available")).isEqualTo("50.00");
        assertThat(text(travel, "observedAt")).isEqualTo(CHANGE.toString());
        assertThat(text(travel, "pollId")).isEqualTo(String.valueOf(polls[2]));

        // just before it went, it was not gone (its later disappearance is not known then)
        JsonNode before = byId(items("api/v1/balances?source=" + SOURCE + "&asOf=" + GONE.minusMillis(1)))
                .get(TRAVEL.id().value());
        assertThat(before.get("gone").getBooleanValue()).isFalse();
        assertThat(before.get("goneAt")).isNull();
    }

    @Test
    void an_account_gone_then_and_back_now_is_gone_at_as_of_and_one_gone_later_is_not() {
        JsonNode away = one(RETURNING, AWAY);
        assertThat(away.get("gone").getBooleanValue()).isTrue();
        assertThat(text(away, "goneAt")).isEqualTo(AWAY.toString());
        assertThat(text(away, "available")).isEqualTo("70.00");
        assertThat(text(away, "observedAt")).isEqualTo(LISTED.toString());
        JsonNode lastMomentAway = byId(items("api/v1/balances?source=" + COMINGS + "&asOf=" + BACK.minusMillis(1)))
                .get(RETURNING.id().value());
        assertThat(lastMomentAway.get("gone").getBooleanValue()).isTrue();
        assertThat(text(lastMomentAway, "goneAt")).isEqualTo(AWAY.toString());
        // seen again at BACK: from then on it is not gone, as it is not now
        JsonNode back = one(RETURNING, BACK);
        assertThat(back.get("gone").getBooleanValue()).isFalse();
        assertThat(back.get("goneAt")).isNull();
        assertThat(one(RETURNING, LATER_GONE.plus(Duration.ofDays(1)))
                        .get("gone")
                        .getBooleanValue())
                .isFalse();

        // gone now, since LATER_GONE: not gone at any time before
        for (Instant asOf : List.of(AWAY, BACK, LATER_GONE.minusMillis(1))) {
            JsonNode leaving = byId(items("api/v1/balances?source=" + COMINGS + "&asOf=" + asOf))
                    .get(LEAVING.id().value());
            assertThat(leaving.get("gone").getBooleanValue())
                    .as("gone at %s", asOf)
                    .isFalse();
            assertThat(leaving.get("goneAt")).as("goneAt at %s", asOf).isNull();
        }
        JsonNode left = one(LEAVING, LATER_GONE);
        assertThat(left.get("gone").getBooleanValue()).isTrue();
        assertThat(text(left, "goneAt")).isEqualTo(LATER_GONE.toString());
    }

    @Test
    void stale_at_as_of_is_judged_by_the_poll_interval_of_that_time() {
        // polled every minute then: three minutes old is stale (twice the interval is two minutes)
        Instant minutely = MINUTELY_FROM.plus(Duration.ofMinutes(1)).plus(Duration.ofSeconds(121));
        JsonNode then = one(RETUNED_BUDGET, minutely);
        assertThat(text(then, "ageAtAsOf")).isEqualTo("PT2M1S");
        assertThat(then.get("staleAtAsOf").getBooleanValue()).isTrue();
        assertThat(items("api/v1/balances?source=" + RETUNED + "&stale=true&asOf=" + minutely))
                .singleElement()
                .satisfies(item ->
                        assertThat(item.get("staleAtAsOf").getBooleanValue()).isTrue());
        assertThat(one(RETUNED_BUDGET, MINUTELY_FROM.plus(Duration.ofMinutes(3)))
                        .get("staleAtAsOf")
                        .getBooleanValue())
                .isFalse();

        // polled every hour later: half an hour old is current (today's five minutes would call it stale)
        Instant hourly = HOURLY_FROM.plus(Duration.ofMinutes(30));
        JsonNode later = one(RETUNED_BUDGET, hourly);
        assertThat(text(later, "available")).isEqualTo("6.00");
        assertThat(later.get("staleAtAsOf").getBooleanValue()).isFalse();
        assertThat(items("api/v1/balances?source=" + RETUNED + "&stale=false&asOf=" + hourly))
                .hasSize(1);
        assertThat(one(RETUNED_BUDGET, HOURLY_FROM.plus(Duration.ofMinutes(121)))
                        .get("staleAtAsOf")
                        .getBooleanValue())
                .isTrue();
    }

    @Test
    void an_account_first_seen_after_as_of_is_left_out_and_404_for_itself() {
        assertThat(byId(items("api/v1/balances?source=" + SOURCE + "&asOf=" + GONE.minusMillis(1))))
                .containsOnlyKeys(MAIN.id().value(), TRAVEL.id().value());
        ApiTestClient.Response missing =
                api.get("api/v1/balances/" + LATE.id().value() + "?asOf=" + GONE.minusMillis(1), ADMIN_KEY);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("first seen at " + GONE).contains("after asOf");

        assertThat(byId(items("api/v1/balances?source=" + SOURCE + "&asOf=" + GONE)))
                .containsOnlyKeys(
                        MAIN.id().value(), TRAVEL.id().value(), LATE.id().value());
        // before anything was recorded: an empty list
        JsonNode none =
                ApiJson.ok(json, api.get("api/v1/balances?source=" + SOURCE + "&asOf=" + T0.minusMillis(1), ADMIN_KEY));
        assertThat(list(none.get("items"))).isEmpty();
        assertThat(text(none, "total")).isEqualTo("0");
    }

    @Test
    void label_filters_sort_and_paging_apply_as_they_held_at_as_of() {
        // before the relabel the main budget was Finance's, after it Marketing's
        assertThat(byId(items("api/v1/balances?" + SUITE_FILTER + "&label=department:Finance&asOf=" + GONE)))
                .containsOnlyKeys(MAIN.id().value(), LATE.id().value());
        Map<String, JsonNode> later =
                byId(items("api/v1/balances?" + SUITE_FILTER + "&label=department:Finance&asOf=" + RELABELLED));
        assertThat(later).containsOnlyKeys(LATE.id().value());
        assertThat(labels(later.get(LATE.id().value()))).containsEntry("department", "Finance");
        JsonNode marketing =
                items("api/v1/balances?" + SUITE_FILTER + "&label=department:Marketing&asOf=" + GONE).stream()
                        .findFirst()
                        .orElse(null);
        assertThat(marketing).isNull();

        JsonNode page = ApiJson.ok(
                json,
                api.get(
                        "api/v1/balances?source=" + SOURCE + "&asOf=" + GONE + "&sort=available&order=desc&limit=1"
                                + "&offset=1",
                        ADMIN_KEY));
        assertThat(text(page, "total")).isEqualTo("3");
        assertThat(list(page.get("items")))
                .singleElement()
                .satisfies(item -> assertThat(text(item, "available")).isEqualTo("120.00"));
        // stale at as-of, as a filter
        assertThat(items("api/v1/balances?source=" + SOURCE + "&stale=true&asOf=" + GONE))
                .isEmpty();
        assertThat(items(
                        "api/v1/balances?source=" + SOURCE + "&stale=true&asOf=" + RELABELLED.plus(Duration.ofDays(1))))
                .hasSize(3);
    }

    @Test
    void a_page_by_name_cut_before_the_values_are_computed_answers_as_the_whole_list_paged_does() {
        // stale=false makes the service compute every value before paging; nothing is stale at these times
        for (Instant asOf : List.of(CHANGE, GONE.minusMillis(1), GONE)) {
            assertThat(items("api/v1/balances?" + SUITE_FILTER + "&stale=true&asOf=" + asOf))
                    .isEmpty();
            for (String order : List.of("asc", "desc")) {
                String query = "api/v1/balances?" + SUITE_FILTER + "&asOf=" + asOf + "&sort=name&order=" + order;
                JsonNode whole = ApiJson.ok(json, api.get(query + "&stale=false&limit=100", ADMIN_KEY));
                List<JsonNode> expected = list(whole.get("items"));
                assertThat(expected).isNotEmpty();
                for (int offset = 0; offset <= expected.size(); offset++) {
                    JsonNode page = ApiJson.ok(json, api.get(query + "&limit=1&offset=" + offset, ADMIN_KEY));
                    assertThat(text(page, "total"))
                            .as("total at %s, %s, offset %d", asOf, order, offset)
                            .isEqualTo(String.valueOf(expected.size()));
                    assertThat(list(page.get("items")))
                            .as("page at %s, %s, offset %d", asOf, order, offset)
                            .isEqualTo(offset < expected.size() ? List.of(expected.get(offset)) : List.of());
                }
            }
        }
    }

    @Test
    void the_balances_export_as_of_a_time_adds_the_as_of_columns() {
        ApiTestClient.Response csv = api.get(
                "api/v1/export/balances?format=csv&" + SUITE_FILTER + "&asOf=" + FAILED.plusSeconds(30), ADMIN_KEY);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0))
                .endsWith(",stale,as_of,poll_id,age_at_as_of,stale_at_as_of,gone,gone_at,last_poll_failed_at");
        assertThat(lines.stream().filter(line -> line.startsWith(MAIN.id().value() + ",")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(",120.00,")
                        .endsWith("," + FAILED.plusSeconds(30) + "," + polls[2] + ",PT5M30S,false,false,," + FAILED));

        List<JsonNode> exported = list(ApiJson.body(
                json, api.get("api/v1/export/balances?format=json&" + SUITE_FILTER + "&asOf=" + GONE, ADMIN_KEY)));
        assertThat(exported.stream().map(item -> text(item, "accountId")))
                .containsExactly(
                        LATE.id().value(), MAIN.id().value(), TRAVEL.id().value());
        assertThat(exported.get(2).get("gone").getBooleanValue()).isTrue();
    }

    @Test
    void month_ends_in_europe_london_follow_the_october_daylight_saving_change() {
        ApiTestClient.Response csv = api.get(
                "api/v1/export/month-end?from=2026-08&to=2026-11&zone=Europe/London&format=csv&" + SUITE_FILTER,
                ADMIN_KEY);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0))
                .startsWith("month,account_id,")
                .endsWith(",age_at_as_of,stale_at_as_of,gone,gone_at,last_poll_failed_at");
        List<String> monthly = lines.stream()
                .filter(line -> line.contains("," + MONTHLY.id().value() + ","))
                .toList();
        // August: not seen yet; September ends at 2026-09-30T23:00Z, so the 23:00Z poll is October's
        assertThat(monthly).hasSize(3);
        assertThat(monthly.get(0))
                .startsWith("2026-09," + MONTHLY.id().value())
                .contains(",10.00,")
                .contains(",2026-09-30T22:55:00Z,")
                .contains(",2026-09-30T22:59:59.999999Z,")
                .contains(",PT4M59.999999S,");
        // October ends at midnight UTC (GMT): the 23:55Z poll counts, the one at 00:00Z is November's
        assertThat(monthly.get(1))
                .startsWith("2026-10,")
                .contains(",12.00,")
                .contains(",2026-10-31T23:55:00Z,")
                .contains(",2026-10-31T23:59:59.999999Z,");
        assertThat(monthly.get(2)).startsWith("2026-11,").contains(",13.00,");

        List<JsonNode> rows = list(ApiJson.body(
                json,
                api.get(
                        "api/v1/export/month-end?from=2026-09&to=2026-10&zone=Europe/London&format=json&"
                                + SUITE_FILTER,
                        ADMIN_KEY)));
        List<JsonNode> ofMonthly = rows.stream()
                .filter(row -> MONTHLY.id().value().equals(text(row.get("balance"), "accountId")))
                .toList();
        assertThat(ofMonthly).extracting(row -> text(row, "month")).containsExactly("2026-09", "2026-10");
        assertThat(text(ofMonthly.get(1).get("balance"), "available")).isEqualTo("12.00");
        // ordered by month, then account
        assertThat(rows.stream().map(row -> text(row, "month")).toList()).isSorted();
    }

    @Test
    void bad_as_of_zone_and_month_values_are_400_naming_the_parameter() {
        assertProblem("api/v1/balances?asOf=yesterday", "asOf");
        assertProblem("api/v1/balances/" + MAIN.id().value() + "?asOf=2026-13-01T00:00:00Z", "asOf");
        assertProblem("api/v1/export/balances?asOf=2026-11-31", "asOf");
        assertProblem("api/v1/export/month-end?from=2026-1&to=2026-11", "from");
        assertProblem("api/v1/export/month-end?from=2026-01", "to");
        assertProblem("api/v1/export/month-end?from=2026-01&to=2026-11&zone=Mars/Olympus", "zone");
        assertProblem("api/v1/export/month-end?from=2026-11&to=2026-01", "to");
        assertProblem("api/v1/export/month-end?from=2023-01&to=2026-01", "to");
    }

    private void assertProblem(String path, String parameter) {
        ApiTestClient.Response response = api.get(path, ADMIN_KEY);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
        assertThat(response.body()).as(path).contains("\"" + parameter + "\"");
    }

    private JsonNode one(Account account, Instant asOf) {
        return ApiJson.ok(json, api.get("api/v1/balances/" + account.id().value() + "?asOf=" + asOf, ADMIN_KEY))
                .get("balance");
    }

    private List<JsonNode> items(String path) {
        return list(ApiJson.ok(json, api.get(path, ADMIN_KEY)).get("items"));
    }

    private static Map<String, JsonNode> byId(List<JsonNode> items) {
        Map<String, JsonNode> byId = new java.util.TreeMap<>();
        items.forEach(item -> byId.put(text(item, "accountId"), item));
        return byId;
    }

    private static Map<String, String> labels(JsonNode item) {
        Map<String, String> labels = new java.util.TreeMap<>();
        item.get("labels")
                .entries()
                .forEach(e -> labels.put(e.getKey(), e.getValue().coerceStringValue()));
        return labels;
    }

    private static Account account(String source, String externalId, String name, String currency) {
        return Account.of(
                source, ProviderType.AHRVO, AccountKind.BUDGET, externalId, name, CurrencyCodes.require(currency));
    }

    private static BalanceObservation seen(Account account, String available, String department) {
        return BalanceObservation.of(
                account.withLabels(Labels.of(Map.of("suite", SUITE, "department", department))),
                Balances.available(Money.parse(available, account.currency())));
    }
}
