package com.balancehistory.domain.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MoneyPropertiesTest {

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of("USD", "EUR", "JPY", "BHD", "GBP", "KWD", "CHF").map(Currency::getInstance);
    }

    @Provide
    Arbitrary<Money> money() {
        return Combinators.combine(currencies(), Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L))
                .as((currency, unscaled) ->
                        Money.of(BigDecimal.valueOf(unscaled, currency.getDefaultFractionDigits()), currency));
    }

    @Provide
    Arbitrary<Money[]> pairs() {
        return Combinators.combine(
                        currencies(),
                        Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
                        Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L))
                .as((currency, a, b) -> new Money[] {
                    Money.of(BigDecimal.valueOf(a, currency.getDefaultFractionDigits()), currency),
                    Money.of(BigDecimal.valueOf(b, currency.getDefaultFractionDigits()), currency)
                });
    }

    @Property
    void parsing_the_printed_amount_gives_the_same_money(@ForAll("money") Money money) {
        assertThat(Money.parse(money.toPlainString(), money.currency())).isEqualTo(money);
    }

    @Property
    void printing_uses_exactly_the_currency_scale(@ForAll("money") Money money) {
        int decimals = money.toPlainString().contains(".")
                ? money.toPlainString().length() - money.toPlainString().indexOf('.') - 1
                : 0;

        assertThat(decimals).isEqualTo(money.currency().getDefaultFractionDigits());
    }

    @Property
    void trailing_zeros_do_not_change_the_parsed_amount(@ForAll("money") Money money) {
        String padded = money.toPlainString() + (money.toPlainString().contains(".") ? "000" : ".000");

        assertThat(Money.parse(padded, money.currency())).isEqualTo(money);
    }

    @Property
    void subtracting_what_was_added_gives_the_original(@ForAll("pairs") Money[] pair) {
        assertThat(pair[0].plus(pair[1]).minus(pair[1])).isEqualTo(pair[0]);
    }

    @Property
    void addition_is_commutative(@ForAll("pairs") Money[] pair) {
        assertThat(pair[0].plus(pair[1])).isEqualTo(pair[1].plus(pair[0]));
    }

    @Property
    void comparison_is_consistent_with_equals(@ForAll("pairs") Money[] pair) {
        assertThat(pair[0].compareTo(pair[1]) == 0).isEqualTo(pair[0].equals(pair[1]));
        assertThat(Integer.signum(pair[0].compareTo(pair[1]))).isEqualTo(-Integer.signum(pair[1].compareTo(pair[0])));
    }

    @Property
    void equal_money_has_equal_hash_codes(@ForAll("money") Money money) {
        Money rebuilt = Money.of(money.amount().setScale(money.amount().scale() + 3), money.currency());

        assertThat(rebuilt).isEqualTo(money);
        assertThat(rebuilt.hashCode()).isEqualTo(money.hashCode());
    }

    @Property
    void negating_twice_gives_the_original(@ForAll("money") Money money) {
        assertThat(money.negate().negate()).isEqualTo(money);
        assertThat(money.plus(money.negate()).isZero()).isTrue();
    }
}
