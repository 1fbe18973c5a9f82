package com.balancehistory.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.query.FailedPoll;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.model.query.TopUpEvent;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.application.port.out.query.BucketAggregate;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.analytics.BalancePoint;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BalanceReadModel} answers about recorded polls, as the history queries read it; run against the
 * in-memory fake and the PostgreSQL read model. Each test records sources of its own, since the real database holds
 * other tests' polls.
 */
public abstract class BalanceReadModelContract {

    private static final Instant T0 = Instant.parse("2026-03-28T10:00:00Z");

    protected abstract BalanceReadModel readModel();

    /** Records one successful poll of {@code source} at {@code at} that saw {@code balances}; returns its poll id. */
    protected abstract long recordPoll(Instant at, String source, BalanceObservation... balances);

    /** Records a failed poll of {@code source} at {@code at}; returns its poll id. */
    protected abstract long recordFailure(Instant at, String source);

    private String source;
    private AccountId alpha;

    @BeforeEach
    void recordTwoPolls() {
        source = "c-" + UUID.randomUUID().toString().substring(0, 8);
        recordPoll(
                T0,
                source,
                Fixtures.balance(source, "alpha", "45250.75", "USD"),
                Fixtures.balance(source, "beta", "120.00", "EUR"));
        recordPoll(T0.plusSeconds(3600), source, Fixtures.balance(source, "alpha", "45000.00", "USD"));
        alpha = Fixtures.balance(source, "alpha", "0", "USD").account().id();
    }

    @Test
    void the_latest_balance_is_the_last_one_observed_with_its_time_and_an_unknown_account_has_none() {
        LatestBalance latest = readModel().latestBalance(alpha).orElseThrow();

        assertThat(latest.balances().available()).isEqualTo(Money.parse("45000.00", "USD"));
        assertThat(latest.observedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(latest.account().externalId()).isEqualTo("alpha");
        assertThat(latest.goneAt()).isEmpty();
        assertThat(readModel().latestBalance(new AccountId(source + ".budget.nobody")))
                .isEmpty();
    }

    @Test
    void every_account_with_a_balance_is_among_all_latest_balances() {
        assertThat(readModel().allLatestBalances().stream()
                        .filter(balance -> balance.account().source().equals(source))
                        .map(balance -> balance.account().externalId() + " "
                                + balance.balances().available().toPlainString()))
                .containsExactlyInAnyOrder("alpha 45000.00", "beta 120.00");
    }

    @Test
    void history_and_counts_read_a_half_open_range_oldest_first_up_to_the_limit() {
        assertThat(readModel().countSnapshots(alpha, T0, T0.plusSeconds(3600))).isEqualTo(1);
        assertThat(readModel().countSnapshots(alpha, T0, T0.plusSeconds(3601))).isEqualTo(2);
        assertThat(readModel().availableHistory(alpha, T0, T0.plusSeconds(7200), 10))
                .extracting(BalancePoint::balance)
                .containsExactly(Money.parse("45250.75", "USD"), Money.parse("45000.00", "USD"));
        assertThat(readModel().availableHistory(alpha, T0, T0.plusSeconds(7200), 1))
                .extracting(BalancePoint::at)
                .containsExactly(T0);
        assertThat(readModel().availableHistory(alpha, T0.plusSeconds(1), T0.plusSeconds(3600), 10))
                .isEmpty();
    }

    @Test
    void snapshots_are_aggregated_into_the_buckets_between_boundaries_leaving_empty_buckets_out() {
        String dst = "c-" + UUID.randomUUID().toString().substring(0, 8);
        // 2026-03-29 in London has 23 hours: midnight is 00:00Z, the next midnight 23:00Z
        recordPoll(Instant.parse("2026-03-29T00:30:00Z"), dst, Fixtures.balance(dst, "b", "100.00", "GBP"));
        recordPoll(Instant.parse("2026-03-29T12:00:00Z"), dst, Fixtures.balance(dst, "b", "80.00", "GBP"));
        recordPoll(Instant.parse("2026-03-29T22:59:00Z"), dst, Fixtures.balance(dst, "b", "90.00", "GBP"));
        recordPoll(Instant.parse("2026-03-29T23:30:00Z"), dst, Fixtures.balance(dst, "b", "70.00", "GBP"));
        ZoneId london = ZoneId.of("Europe/London");
        List<Instant> days = List.of(
                LocalDate.parse("2026-03-29").atStartOfDay(london).toInstant(),
                LocalDate.parse("2026-03-30").atStartOfDay(london).toInstant(),
                LocalDate.parse("2026-03-31").atStartOfDay(london).toInstant(),
                LocalDate.parse("2026-04-01").atStartOfDay(london).toInstant());

        List<BucketAggregate> buckets = readModel().aggregate(new AccountId(dst + ".budget.b"), days);

        assertThat(buckets).hasSize(2);
        BucketAggregate sunday = buckets.get(0);
        assertThat(sunday.index()).isZero();
        assertThat(sunday.samples()).isEqualTo(3);
        assertThat(sunday.open()).isEqualTo(Money.parse("100", "GBP"));
        assertThat(sunday.close()).isEqualTo(Money.parse("90", "GBP"));
        assertThat(sunday.min()).isEqualTo(Money.parse("80", "GBP"));
        assertThat(sunday.max()).isEqualTo(Money.parse("100", "GBP"));
        assertThat(buckets.get(1).index()).isEqualTo(1);
        assertThat(buckets.get(1).samples()).isEqualTo(1);
        assertThat(buckets.get(1).open()).isEqualTo(Money.parse("70", "GBP"));
    }

    @Test
    void failed_polls_of_a_source_are_listed_in_a_half_open_range_and_successful_ones_are_not() {
        long failed = recordFailure(T0.plusSeconds(7200), source);

        assertThat(readModel().failedPolls(source, T0, T0.plusSeconds(10_000)))
                .containsExactly(new FailedPoll(failed, T0.plusSeconds(7200), SourceOutcome.FAILED));
        assertThat(readModel().failedPolls(source, T0, T0.plusSeconds(7200))).isEmpty();
    }

    @Test
    void a_top_up_is_an_increase_with_the_poll_that_saw_it_and_a_decrease_is_none() {
        long topUp = recordPoll(T0.plusSeconds(7200), source, Fixtures.balance(source, "alpha", "90000.00", "USD"));

        List<TopUpEvent> events = readModel().topUps(alpha, T0, T0.plusSeconds(10_000));

        assertThat(events).hasSize(1);
        TopUpEvent event = events.get(0);
        assertThat(event.accountId()).isEqualTo(alpha.value());
        assertThat(event.observedAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(event.pollId()).isEqualTo(topUp);
        assertThat(event.previous()).isEqualTo(Money.parse("45000.00", "USD"));
        assertThat(event.available()).isEqualTo(Money.parse("90000.00", "USD"));
        assertThat(event.amount()).isEqualTo(Money.parse("45000.00", "USD"));
        assertThat(readModel().topUps(alpha, T0, T0.plusSeconds(7200))).isEmpty();
    }
}
