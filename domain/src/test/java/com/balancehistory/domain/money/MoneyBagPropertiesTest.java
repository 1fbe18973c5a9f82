package com.balancehistory.domain.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MoneyBagPropertiesTest {

    @Provide
    Arbitrary<List<Money>> amounts() {
        Arbitrary<Money> money = Combinators.combine(
                        Arbitraries.of("USD", "EUR", "JPY", "BHD").map(Currency::getInstance),
                        Arbitraries.longs().between(-10_000_000L, 10_000_000L))
                .as((currency, unscaled) ->
                        Money.of(BigDecimal.valueOf(unscaled, currency.getDefaultFractionDigits()), currency));
        return money.list().ofMaxSize(30);
    }

    @Property
    void totals_equal_the_sum_per_currency(@ForAll("amounts") List<Money> amounts) {
        MoneyBag bag = MoneyBag.of(amounts);

        for (Money total : bag.totals()) {
            Money expected = amounts.stream()
                    .filter(amount -> amount.hasCurrency(total.currency()))
                    .reduce(Money.zero(total.currency()), Money::plus);
            assertThat(total).isEqualTo(expected);
        }
        assertThat(bag.currencies())
                .containsExactlyInAnyOrderElementsOf(
                        amounts.stream().map(Money::currency).distinct().toList());
    }

    @Property
    void insertion_order_does_not_change_the_totals(@ForAll("amounts") List<Money> amounts, @ForAll long seed) {
        List<Money> shuffled = new ArrayList<>(amounts);
        Collections.shuffle(shuffled, new Random(seed));

        MoneyBag oneByOne = MoneyBag.empty();
        for (Money amount : shuffled) {
            oneByOne = oneByOne.plus(amount);
        }

        assertThat(oneByOne).isEqualTo(MoneyBag.of(amounts));
        assertThat(oneByOne.totals()).isEqualTo(MoneyBag.of(amounts).totals());
    }

    @Property
    void totals_are_sorted_by_currency_code(@ForAll("amounts") List<Money> amounts) {
        List<String> codes =
                MoneyBag.of(amounts).totals().stream().map(Money::currencyCode).toList();

        assertThat(codes).isSorted();
    }
}
