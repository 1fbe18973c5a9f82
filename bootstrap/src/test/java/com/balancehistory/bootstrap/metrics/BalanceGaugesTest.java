package com.balancehistory.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.Money;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BalanceGaugesTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BalanceGauges gauges = new BalanceGauges(registry, 3);

    @Test
    void accounts_beyond_the_cap_get_no_gauge_and_are_counted_once_however_often_they_are_polled() {
        for (int poll = 0; poll < 5; poll++) {
            gauges.observed("big", accounts("big", 0, 10));
        }

        assertThat(registry.find("balance_history.account.balance").gauges()).hasSize(3);
        assertThat(gauges.accountSeries()).isEqualTo(3);
        assertThat(dropped())
                .as("ten accounts, three with a gauge, polled five times")
                .isEqualTo(7);
    }

    @Test
    void each_source_counts_its_own_accounts_left_without_a_gauge_and_a_growing_source_counts_the_new_ones() {
        gauges.observed("first", accounts("first", 0, 5));
        gauges.observed("second", accounts("second", 0, 4));
        gauges.observed("second", accounts("second", 0, 6));
        gauges.observed("second", accounts("second", 0, 2));

        assertThat(dropped())
                .as("first: 2 of 5 dropped; second: all, at most 6 in one poll")
                .isEqualTo(8);
    }

    private double dropped() {
        return registry.get("balance_history.account.balance.series.dropped")
                .counter()
                .count();
    }

    private static List<BalanceObservation> accounts(String source, int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> BalanceObservation.of(
                        Account.of(
                                source, ProviderType.HOLYHELD, AccountKind.CARD_BALANCE, "card-" + i, "Card " + i, EUR),
                        Balances.available(Money.parse(i + ".50", EUR))))
                .toList();
    }
}
