package com.balancehistory.application.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.report.AllocationReport;
import com.balancehistory.application.model.report.AllocationReport.AccountLine;
import com.balancehistory.application.model.report.AllocationReport.CurrencySection;
import com.balancehistory.application.port.out.report.AsOfSnapshots.AccountValue;
import com.balancehistory.application.port.out.report.AsOfSnapshots.CardLimitValue;
import com.balancehistory.application.port.out.report.AsOfSnapshots.Snapshot;
import com.balancehistory.application.port.out.report.AsOfSnapshots.SourcePolls;
import com.balancehistory.application.service.query.SourceIntervals;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.HealthScale;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllocationReportBuilderTest {

    private static final Instant AS_OF = Instant.parse("2026-03-02T06:00:00Z");
    private static final Instant FRESH = AS_OF.minus(Duration.ofMinutes(3));
    private static final Instant OLD = AS_OF.minus(Duration.ofMinutes(11));

    private final ReportSettings settings = new ReportSettings(
            HealthScale.defaults(),
            LowBalancePolicy.none()
                    .forAccount(new AccountId("a.budget.small"), LowBalanceRule.below(Money.parse("50", "USD"))),
            new SourceIntervals(Map.of("a", Duration.ofMinutes(5), "b", Duration.ofMinutes(5)), Duration.ofMinutes(5)));

    private static AccountValue account(String id, String source, String amount, String currency, Instant at) {
        return new AccountValue(
                id, id.toUpperCase(), source, "budget", Money.parse(amount, currency), Optional.empty(), at);
    }

    private Snapshot snapshot() {
        return new Snapshot(
                AS_OF,
                List.of(
                        account("a.budget.x", "a", "100.00", "USD", FRESH),
                        account("a.budget.y", "a", "100.00", "USD", FRESH),
                        account("a.budget.z", "a", "100.00", "USD", FRESH),
                        account("a.budget.small", "a", "0.00", "USD", FRESH),
                        account("b.budget.e1", "b", "0.00", "EUR", OLD),
                        account("b.budget.e2", "b", "0.00", "EUR", OLD),
                        account("a.budget.j", "a", "5000", "JPY", FRESH)),
                List.of(new CardLimitValue(
                        "a.card-limit.c1",
                        "Card 1",
                        "a",
                        LimitPeriod.DAILY,
                        Money.parse("120.00", "USD"),
                        Optional.of(Money.parse("500.00", "USD")),
                        FRESH)),
                List.of(
                        new SourcePolls("a", Optional.of(FRESH), Optional.empty(), 0, Optional.empty()),
                        new SourcePolls(
                                "b", Optional.of(OLD), Optional.of(FRESH), 2, Optional.of("failed: HTTP 503"))));
    }

    @Test
    void shares_per_currency_add_up_to_one_hundred_with_ties_broken_by_account_id() {
        AllocationReport report = AllocationReportBuilder.build(snapshot(), settings, Optional.empty());

        assertThat(report.currencies()).extracting(CurrencySection::currency).containsExactly("EUR", "JPY", "USD");
        CurrencySection usd = report.currencies().get(2);
        assertThat(usd.accounts())
                .extracting(AccountLine::accountId)
                .containsExactly("a.budget.x", "a.budget.y", "a.budget.z", "a.budget.small");
        assertThat(usd.accounts())
                .extracting(line -> line.sharePercent().toPlainString())
                .containsExactly("33.34", "33.33", "33.33", "0.00");
        assertThat(usd.accounts().stream().map(AccountLine::sharePercent).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100.00");
        assertThat(usd.count()).isEqualTo(4);
        assertThat(usd.total()).isEqualByComparingTo("300.00");
        assertThat(usd.average().toPlainString()).isEqualTo("75.00");
        assertThat(usd.accounts().get(0).healthTier()).isEqualTo("CRITICAL");
        assertThat(usd.accounts().get(3).low()).isTrue();
        assertThat(usd.accounts().get(3).lowThreshold()).contains(new BigDecimal("50.00"));
        assertThat(usd.accounts().get(0).low()).isFalse();
        CurrencySection jpy = report.currencies().get(1);
        assertThat(jpy.accounts().get(0).sharePercent().toPlainString()).isEqualTo("100.00");
        assertThat(jpy.accounts().get(0).healthTier()).isEqualTo("UNRATED");
    }

    @Test
    void a_currency_with_a_zero_total_has_zero_shares_and_says_so() {
        CurrencySection eur = AllocationReportBuilder.build(snapshot(), settings, Optional.empty())
                .currencies()
                .get(0);

        assertThat(eur.zeroTotal()).isTrue();
        assertThat(eur.total()).isEqualByComparingTo("0.00");
        assertThat(eur.average().toPlainString()).isEqualTo("0.00");
        assertThat(eur.accounts())
                .extracting(line -> line.sharePercent().toPlainString())
                .containsExactly("0.00", "0.00");
    }

    @Test
    void a_stale_source_is_named_in_freshness_and_its_values_are_flagged() {
        AllocationReport report = AllocationReportBuilder.build(snapshot(), settings, Optional.empty());

        assertThat(report.freshness().allCurrent()).isFalse();
        assertThat(report.freshness().staleAccounts())
                .extracting(AllocationReport.StaleAccount::accountId)
                .containsExactly("b.budget.e1", "b.budget.e2");
        assertThat(report.freshness().staleAccounts().get(0).staleBefore())
                .isEqualTo(AS_OF.minus(Duration.ofMinutes(10)));
        assertThat(report.currencies().get(0).accounts()).allMatch(AccountLine::stale);
        assertThat(report.currencies().get(2).accounts()).noneMatch(AccountLine::stale);
        assertThat(report.freshness().failingSources()).singleElement().satisfies(source -> {
            assertThat(source.source()).isEqualTo("b");
            assertThat(source.consecutiveFailures()).isEqualTo(2);
            assertThat(source.lastError()).contains("failed: HTTP 503");
        });
    }

    @Test
    void card_limits_show_remaining_used_and_utilization_per_period() {
        AllocationReport.CardLimitLine line = AllocationReportBuilder.build(snapshot(), settings, Optional.empty())
                .cardLimits()
                .get(0);

        assertThat(line.period()).isEqualTo("daily");
        assertThat(line.remaining()).isEqualByComparingTo("120.00");
        assertThat(line.used()).contains(new BigDecimal("380.00"));
        assertThat(line.utilizationPercent().orElseThrow().toPlainString()).isEqualTo("76.00");
    }

    @Test
    void changes_are_measured_against_the_previous_report_per_account_and_currency() {
        AllocationReport first = AllocationReportBuilder.build(snapshot(), settings, Optional.empty());
        Snapshot later = new Snapshot(
                AS_OF.plus(Duration.ofDays(1)),
                List.of(
                        account("a.budget.x", "a", "160.00", "USD", AS_OF.plus(Duration.ofDays(1))),
                        account("a.budget.new", "a", "10.00", "USD", AS_OF.plus(Duration.ofDays(1)))),
                List.of(),
                List.of());

        AllocationReport second = AllocationReportBuilder.build(
                later, settings, Optional.of(new AllocationReportBuilder.Previous(7, first)));

        assertThat(second.previousReportId()).contains(7L);
        assertThat(second.previousAsOf()).contains(AS_OF);
        CurrencySection usd = second.currencies().get(0);
        assertThat(usd.totalChange()).contains(new BigDecimal("-130.00"));
        assertThat(usd.accounts().get(0).change()).contains(new BigDecimal("60.00"));
        assertThat(usd.accounts().get(1).change()).isEmpty();
        assertThat(second.freshness().allCurrent()).isTrue();
    }
}
