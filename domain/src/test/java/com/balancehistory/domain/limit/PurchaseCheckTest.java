package com.balancehistory.domain.limit;

import static com.balancehistory.domain.limit.LimitPeriod.DAILY;
import static com.balancehistory.domain.limit.LimitPeriod.LIFETIME;
import static com.balancehistory.domain.limit.LimitPeriod.MONTHLY;
import static com.balancehistory.domain.limit.LimitPeriod.WEEKLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.domain.limit.PurchaseCheck.BrokenLimit;
import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurchaseCheckTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static Money usd(String amount) {
        return Money.parse(amount, USD);
    }

    private final CardLimits limits =
            CardLimits.of(Map.of(DAILY, usd("200"), WEEKLY, usd("150"), MONTHLY, usd("1000"), LIFETIME, usd("120")));

    @Test
    void fits_when_every_period_has_enough_left() {
        PurchaseCheck check = limits.check(usd("99.99"));

        assertThat(check.fits()).isTrue();
        assertThat(check.brokenLimits()).isEmpty();
        assertThat(check.amount()).isEqualTo(usd("99.99"));
    }

    @Test
    void fits_when_the_amount_equals_the_smallest_remaining() {
        assertThat(limits.check(usd("120")).fits()).isTrue();
    }

    @Test
    void names_every_period_it_breaks_in_period_order_with_the_shortfall() {
        PurchaseCheck check = limits.check(usd("180"));

        assertThat(check.fits()).isFalse();
        assertThat(check.brokenPeriods()).containsExactly(WEEKLY, LIFETIME);
        assertThat(check.brokenLimits())
                .containsExactly(
                        new BrokenLimit(WEEKLY, usd("150"), usd("30")),
                        new BrokenLimit(LIFETIME, usd("120"), usd("60")));
    }

    @Test
    void breaks_by_a_single_cent() {
        assertThat(limits.check(usd("120.01")).brokenLimits())
                .containsExactly(new BrokenLimit(LIFETIME, usd("120"), usd("0.01")));
    }

    @Test
    void a_zero_purchase_fits_even_an_exhausted_card() {
        CardLimits exhausted = CardLimits.of(Map.of(DAILY, Money.zero(USD)));

        assertThat(exhausted.check(Money.zero(USD)).fits()).isTrue();
        assertThat(exhausted.check(usd("0.01")).brokenPeriods()).containsExactly(DAILY);
    }

    @Test
    void rejects_a_purchase_in_another_currency_instead_of_converting_it() {
        assertThatThrownBy(() -> limits.check(Money.parse("10", "EUR")))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("EUR")
                .hasMessageContaining("USD");
    }

    @Test
    void rejects_a_negative_purchase() {
        assertThatThrownBy(() -> limits.check(usd("-1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_broken_limit_always_has_a_positive_shortfall() {
        assertThatThrownBy(() -> new BrokenLimit(DAILY, usd("5"), Money.zero(USD)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
