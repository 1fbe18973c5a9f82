package com.balancehistory.application.service.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.report.AllocationReport;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.model.report.ReportSummary;
import com.balancehistory.application.port.out.alert.AlertStateStore;
import com.balancehistory.application.port.out.report.AccountRange;
import com.balancehistory.application.port.out.report.AsOfSnapshots;
import com.balancehistory.application.port.out.report.AsOfSnapshots.AccountValue;
import com.balancehistory.application.port.out.report.AsOfSnapshots.SignificantChange;
import com.balancehistory.application.port.out.report.AsOfSnapshots.Snapshot;
import com.balancehistory.application.port.out.report.AsOfSnapshots.SourcePolls;
import com.balancehistory.application.port.out.report.ReportRenderer;
import com.balancehistory.application.service.query.DailyBurns;
import com.balancehistory.application.service.query.LowBalanceJudge;
import com.balancehistory.application.testing.InMemoryAlertStateStore;
import com.balancehistory.application.testing.TestAlertRules;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.alert.AlertState;
import com.balancehistory.domain.analytics.AccountBalance;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluateAlertsServiceTest {

    private Instant now = Instant.parse("2026-03-02T10:00:00Z");
    private String balance = "1500.00";
    private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
    private LowBalancePolicy lowBalance = LowBalancePolicy.none()
            .forCurrency(Currency.getInstance("USD"), LowBalanceRule.below(Money.parse("1000", "USD")));

    /** Accounts of sources other than {@code s}, stored beside its one account. */
    private final List<AccountValue> otherSources = new ArrayList<>();

    /** How many account rows the evaluation has read from the snapshots. */
    private int accountRowsRead;

    /** The most account rows the evaluation has read from the snapshots in one read. */
    private int mostAccountRowsAtOnce;

    private final AsOfSnapshots snapshots = new AsOfSnapshots() {
        private List<AccountValue> accounts(Instant asOf) {
            List<AccountValue> all = new ArrayList<>();
            all.add(new AccountValue(
                    "s.budget.b1", "Ops", "s", "budget", Money.parse(balance, "USD"), Optional.empty(), asOf));
            all.addAll(otherSources);
            return all;
        }

        @Override
        public Snapshot at(Instant asOf) {
            throw new AssertionError("the alerts read every stored account at once");
        }

        @Override
        public Snapshot ofAccounts(Instant asOf, String source, AccountRange range) {
            List<AccountValue> accounts = accounts(asOf).stream()
                    .filter(account -> account.source().equals(source))
                    .filter(account -> range.contains(account.accountId()))
                    .toList();
            accountRowsRead += accounts.size();
            mostAccountRowsAtOnce = Math.max(mostAccountRowsAtOnce, accounts.size());
            return new Snapshot(asOf, accounts, List.of(), List.of());
        }

        @Override
        public Optional<String> accountRangeEnd(String source, Optional<String> after, int count) {
            List<String> ids = accounts(now).stream()
                    .filter(account -> account.source().equals(source))
                    .map(AccountValue::accountId)
                    .filter(id -> after.map(first -> id.compareTo(first) > 0).orElse(true))
                    .sorted()
                    .toList();
            return ids.size() > count ? Optional.of(ids.get(count - 1)) : Optional.empty();
        }

        @Override
        public Optional<SourcePolls> polls(Instant asOf, String source) {
            return Optional.of(new SourcePolls(source, Optional.of(asOf), Optional.empty(), 0, Optional.empty()));
        }

        @Override
        public List<String> sources(Instant asOf) {
            return accounts(asOf).stream()
                    .map(AccountValue::source)
                    .distinct()
                    .sorted()
                    .toList();
        }

        @Override
        public Map<Currency, Money> positiveTotals(Instant asOf) {
            return LowBalancePolicy.positiveTotals(accounts(asOf).stream()
                    .map(a -> new AccountBalance(new AccountId(a.accountId()), a.name(), a.available(), a.initial()))
                    .toList());
        }

        @Override
        public List<SignificantChange> significantChanges(Instant from, Instant to, String source, AccountRange range) {
            return List.of();
        }

        @Override
        public List<SignificantChange> topUps(Instant from, Instant to, String source, AccountRange range) {
            return List.of();
        }
    };

    /** The burn of every account, as the trend would measure it; empty: not enough history. */
    private Optional<Money> burn = Optional.empty();

    /** Burns of single accounts, by account id, where they differ from {@link #burn}. */
    private final Map<String, Money> burnOf = new HashMap<>();

    /** The reads of burns: "one <account>" for a single account, "all <accounts>" for a batch. */
    private final List<String> burnReads = new ArrayList<>();

    private final DailyBurns burns = new DailyBurns() {
        @Override
        public Optional<Money> averageDailyBurn(AccountId account, Duration window, Instant at) {
            burnReads.add("one " + account.value());
            return burnAt(account);
        }

        @Override
        public Map<AccountId, Optional<Money>> averageDailyBurns(
                Collection<AccountId> accounts, Duration window, Instant at) {
            burnReads.add(
                    "all " + accounts.stream().map(AccountId::value).sorted().toList());
            Map<AccountId, Optional<Money>> result = new HashMap<>();
            accounts.forEach(account -> result.put(account, burnAt(account)));
            return result;
        }

        private Optional<Money> burnAt(AccountId account) {
            return Optional.ofNullable(burnOf.get(account.value())).or(() -> burn);
        }
    };

    private EvaluateAlertsService service() {
        return service(store, EvaluateAlertsService.ACCOUNTS_PER_RANGE);
    }

    private EvaluateAlertsService service(AlertStateStore states, int accountsPerRange) {
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now;
            }
        };
        AlertRules rules =
                TestAlertRules.of(lowBalance, Optional.of(new BigDecimal("3")), List.of(new DeliveryTarget.Log()));
        return new EvaluateAlertsService(snapshots, states, rules, new StubRenderer(), burns, clock, accountsPerRange);
    }

    @Test
    void a_low_balance_fires_once_stays_quiet_and_resolves_past_the_band_without_flapping() {
        EvaluateAlertsService service = service();
        List<String> events = new ArrayList<>();
        for (String value : List.of(
                "1500.00", "999.00", "800.00", "1001.00", "999.99", "1040.00", "1050.00", "1000.00", "1200.00")) {
            balance = value;
            service.evaluate()
                    .forEach(e -> events.add(
                            e.type().code() + "@" + e.value().orElseThrow().toPlainString()));
            now = now.plus(Duration.ofMinutes(5));
        }

        assertThat(events).containsExactly("fired@999.00", "resolved@1050.00");
        assertThat(store.announced).hasSize(2);
        assertThat(store.announced.get(0).json()).contains("fired").contains("low-balance");
        AlertEvent fired = store.events.get(0);
        assertThat(fired.threshold()).contains(new BigDecimal("1000.00"));
        assertThat(fired.unit()).contains("USD");
        assertThat(fired.message()).contains("Ops").contains("999.00 USD is below 1000.00 USD");
        assertThat(store.states.values())
                .singleElement()
                .satisfies(state -> assertThat(state.active()).isFalse());
    }

    @Test
    void a_healthy_balance_and_a_freshly_polled_source_raise_no_alert() {
        AsOfSnapshots staleSnapshots = snapshots;
        EvaluateAlertsService service = service();
        balance = "5000.00";
        assertThat(service.evaluate()).isEmpty();
        assertThat(store.states).isEmpty();
        assertThat(staleSnapshots.ofSource(now, "s").sources()).hasSize(1);
    }

    @Test
    void the_same_policy_as_the_account_detail_drives_the_alert_and_the_api_lists_it_as_active() {
        lowBalance = LowBalancePolicy.none()
                .forAccount(
                        new com.balancehistory.domain.account.AccountId("s.budget.b1"),
                        LowBalanceRule.below(Money.parse("2000", "USD")));
        balance = "1500.00";

        List<AlertEvent> events = service().evaluate();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEvent.Type.FIRED);
            assertThat(event.threshold()).contains(new BigDecimal("2000.00"));
            assertThat(event.message()).contains("account rule, amount");
        });
        assertThat(new AlertQueryService(store).activeAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind())
                    .isEqualTo(com.balancehistory.application.port.in.query.ActiveAlert.Kind.LOW_BALANCE);
            assertThat(alert.account()).contains("s.budget.b1");
            assertThat(alert.value()).contains(Money.parse("1500.00", "USD"));
            assertThat(alert.threshold()).contains(Money.parse("2000.00", "USD"));
        });
    }

    @Test
    void a_runway_rule_fires_when_the_balance_lasts_less_than_its_minimum_at_the_runway_s_burn() {
        lowBalance = LowBalancePolicy.none()
                .forCurrency(Currency.getInstance("USD"), LowBalanceRule.runwayBelow(Duration.ofDays(7)));
        EvaluateAlertsService service = service();

        // no burn yet (not enough history): not evaluable, no alert
        balance = "600.00";
        assertThat(service.evaluate()).isEmpty();

        // 100.00 a day: 800.00 lasts 8 days, 600.00 only 6; the threshold is 7 days of burn, 700.00
        burn = Optional.of(Money.parse("100.00", "USD"));
        balance = "800.00";
        assertThat(service.evaluate()).isEmpty();
        now = now.plus(Duration.ofMinutes(5));
        balance = "600.00";
        assertThat(service.evaluate()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEvent.Type.FIRED);
            assertThat(event.key().kind().apiName()).isEqualTo("low-balance");
            assertThat(event.value()).contains(new BigDecimal("600.00"));
            assertThat(event.threshold()).contains(new BigDecimal("700.00"));
            assertThat(event.message()).contains("currency rule, runway below PT168H");
        });
    }

    @Test
    void runway_rules_judge_a_source_s_accounts_with_burns_read_once_for_all_of_them() {
        lowBalance = LowBalancePolicy.none()
                .forCurrency(Currency.getInstance("USD"), LowBalanceRule.runwayBelow(Duration.ofDays(7)));
        balance = "5000.00";
        // 600.00 at 100.00 a day lasts 6 days (low), at 50.00 a day 12 days; without a burn: not evaluable
        storeBalances("r", "600.00", "600.00", "600.00", "650.00");
        burnOf.put("r.budget.b0", Money.parse("100.00", "USD"));
        burnOf.put("r.budget.b1", Money.parse("50.00", "USD"));
        burnOf.put("r.budget.b3", Money.parse("100.00", "USD"));
        // the verdicts account by account, as the evaluation judged before it read the burns at once
        LowBalanceJudge judge = new LowBalanceJudge(lowBalance, burns);
        List<String> lowOneByOne = otherSources.stream()
                .map(a -> new AccountBalance(new AccountId(a.accountId()), a.name(), a.available(), a.initial()))
                .filter(a -> judge.assess(a, Optional.empty(), now).isLow())
                .map(a -> "fired low-balance " + a.id().value().replaceFirst("^[^.]*\\.", ""))
                .toList();
        burnReads.clear();

        List<AlertEvent> events = service().evaluate(List.of("r"));

        assertThat(transitions(events))
                .containsExactly("fired low-balance budget.b0", "fired low-balance budget.b3")
                .isEqualTo(lowOneByOne);
        assertThat(events)
                .filteredOn(event -> event.key().subject().equals("r.budget.b3"))
                .singleElement()
                .satisfies(event -> assertThat(event.threshold()).contains(new BigDecimal("700.00")));
        assertThat(burnReads)
                .as("the burns of the source's accounts are read once, not account by account")
                .containsExactly("all [r.budget.b0, r.budget.b1, r.budget.b2, r.budget.b3]");
    }

    private void storeOtherSourceAccounts(String source, int count, String available) {
        for (int i = 0; i < count; i++) {
            otherSources.add(new AccountValue(
                    source + ".budget.b" + i,
                    "Other " + i,
                    source,
                    "budget",
                    Money.parse(available, "USD"),
                    Optional.empty(),
                    now));
        }
    }

    @Test
    void the_evaluation_after_a_poll_reads_only_the_polled_sources_accounts() {
        storeOtherSourceAccounts("big", 5_000, "10.00");
        balance = "999.00";

        List<AlertEvent> events = service().evaluate(List.of("s"));

        assertThat(events)
                .singleElement()
                .satisfies(event -> assertThat(event.key().subject()).isEqualTo("s.budget.b1"));
        assertThat(accountRowsRead).as("account rows read").isEqualTo(1);
    }

    @Test
    void the_full_evaluation_reads_one_source_at_a_time_and_leaves_other_sources_alerts_alone_after_a_poll() {
        storeOtherSourceAccounts("big", 3, "10.00");
        balance = "999.00";
        EvaluateAlertsService service = service();
        assertThat(service.evaluate()).hasSize(1 + 3);
        assertThat(accountRowsRead).isEqualTo(1 + 3);

        // the accounts of "big" are gone from the store, but only a poll of "big" (or the full evaluation) says so
        otherSources.clear();
        balance = "5000.00";
        now = now.plus(Duration.ofMinutes(5));
        assertThat(service.evaluate(List.of("s")))
                .singleElement()
                .satisfies(event -> assertThat(event.type()).isEqualTo(AlertEvent.Type.RESOLVED));
        assertThat(store.states.values().stream().filter(AlertState::active)).hasSize(3);
        assertThat(service.evaluate())
                .as("the full evaluation resolves the alerts of a source without accounts any more")
                .hasSize(3)
                .allSatisfy(event -> assertThat(event.message()).contains("no longer evaluated"));
    }

    @Test
    void a_percent_of_total_rule_takes_the_total_over_every_source_when_one_source_is_evaluated() {
        lowBalance = LowBalancePolicy.none()
                .forCurrency(Currency.getInstance("USD"), LowBalanceRule.belowPercentOfTotal(new BigDecimal("10")));
        storeOtherSourceAccounts("big", 1, "1900.00");
        balance = "100.00";

        // 100.00 is all of source s, but 5 % of the 2000.00 held in USD over every source
        assertThat(service().evaluate(List.of("s"))).singleElement().satisfies(event -> {
            assertThat(event.key().subject()).isEqualTo("s.budget.b1");
            assertThat(event.threshold()).contains(new BigDecimal("200.00"));
        });
        assertThat(accountRowsRead).isEqualTo(1);
    }

    /** The transitions of one evaluation, by type and the account's number within its source. */
    private static List<String> transitions(List<AlertEvent> events) {
        return events.stream()
                .map(event -> event.type().code() + " " + event.key().kind().apiName() + " "
                        + event.key().subject().replaceFirst("^[^.]*\\.", ""))
                .sorted()
                .toList();
    }

    private void storeBalances(String source, String... available) {
        otherSources.removeIf(account -> account.source().equals(source));
        for (int i = 0; i < available.length; i++) {
            if (available[i] != null) {
                otherSources.add(new AccountValue(
                        source + ".budget.b" + i,
                        "Account " + i,
                        source,
                        "budget",
                        Money.parse(available[i], "USD"),
                        Optional.empty(),
                        now));
            }
        }
    }

    @Test
    void a_source_judged_two_accounts_at_a_time_makes_the_same_transitions_as_judged_whole() {
        lowBalance = LowBalancePolicy.none()
                .forCurrency(Currency.getInstance("USD"), LowBalanceRule.belowPercentOfTotal(new BigDecimal("10")));
        balance = "5000.00";
        EvaluateAlertsService inRanges = service(new InMemoryAlertStateStore(), 2);
        EvaluateAlertsService whole = service(new InMemoryAlertStateStore(), EvaluateAlertsService.ACCOUNTS_PER_RANGE);
        List<List<String>> steps = List.of(
                // fires b0, b2 and b3 (below 10 % of the USD total); then b0 recovers, b2 is gone (resolved as no
                // longer evaluated) and b4 drops; then every account is gone
                List.of("10.00", "5000.00", "10.00", "10.00", "5000.00"),
                List.of("5000.00", "5000.00", "-", "10.00", "20.00"),
                List.of());
        for (List<String> step : steps) {
            storeBalances(
                    "two", step.stream().map(v -> v.equals("-") ? null : v).toArray(String[]::new));
            storeBalances(
                    "one", step.stream().map(v -> v.equals("-") ? null : v).toArray(String[]::new));
            mostAccountRowsAtOnce = 0;
            List<String> judgedInRanges = transitions(inRanges.evaluate(List.of("two")));
            assertThat(mostAccountRowsAtOnce).as("account rows read at once").isLessThanOrEqualTo(2);
            List<String> judgedWhole = transitions(whole.evaluate(List.of("one")));
            assertThat(judgedInRanges).isEqualTo(judgedWhole).isNotEmpty();
            now = now.plus(Duration.ofMinutes(20));
        }
    }

    static final class StubRenderer implements ReportRenderer {
        public String json(AllocationReport report) {
            return "{}";
        }

        public AllocationReport parseJson(String json) {
            throw new UnsupportedOperationException();
        }

        public String csv(AllocationReport report) {
            return "";
        }

        public String html(Optional<ReportSummary> summary, AllocationReport report) {
            return "";
        }

        public String alertJson(AlertEvent event) {
            return "{\"event\":\"" + event.type().code() + "\",\"kind\":\""
                    + event.key().kind().apiName() + "\"}";
        }
    }
}
