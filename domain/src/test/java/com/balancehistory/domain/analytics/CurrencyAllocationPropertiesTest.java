package com.balancehistory.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CurrencyAllocationPropertiesTest {

    @Provide
    Arbitrary<List<AccountBalance>> accounts() {
        return Arbitraries.longs()
                .between(-100_000, 10_000_000)
                .list()
                .ofMinSize(1)
                .ofMaxSize(40)
                .map(cents -> {
                    List<AccountBalance> accounts = new ArrayList<>();
                    for (int i = 0; i < cents.size(); i++) {
                        accounts.add(Fixtures.account(
                                "acc-" + i, Money.of(BigDecimal.valueOf(cents.get(i), 2), Fixtures.USD)));
                    }
                    return accounts;
                });
    }

    @Property
    void shares_add_up_to_exactly_one_hundred_whenever_some_balance_is_positive(
            @ForAll("accounts") List<AccountBalance> accounts) {
        CurrencyAllocation allocation = CurrencyAllocation.perCurrency(accounts).get(0);
        BigDecimal sum =
                allocation.shares().stream().map(AllocationShare::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean anyPositive =
                accounts.stream().anyMatch(account -> account.available().isPositive());

        assertThat(allocation.zeroBase()).isEqualTo(!anyPositive);
        if (anyPositive) {
            assertThat(sum).isEqualByComparingTo("100.00");
        } else {
            assertThat(sum).isZero();
        }
        assertThat(allocation.shares()).hasSize(accounts.size());
    }

    @Property
    void every_share_is_within_one_hundredth_of_its_exact_value(@ForAll("accounts") List<AccountBalance> accounts) {
        CurrencyAllocation allocation = CurrencyAllocation.perCurrency(accounts).get(0);
        if (allocation.zeroBase()) {
            return;
        }
        BigDecimal base = allocation.base().amount();
        for (AllocationShare share : allocation.shares()) {
            BigDecimal exact = share.balance().isPositive()
                    ? share.balance()
                            .amount()
                            .multiply(BigDecimal.valueOf(100))
                            .divide(base, 10, java.math.RoundingMode.HALF_UP)
                    : BigDecimal.ZERO;
            assertThat(share.percent().subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
        }
    }
}
