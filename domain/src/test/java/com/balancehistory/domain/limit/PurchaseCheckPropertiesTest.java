package com.balancehistory.domain.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class PurchaseCheckPropertiesTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static Money cents(long cents) {
        return Money.of(BigDecimal.valueOf(cents, 2), USD);
    }

    @Provide
    Arbitrary<Map<LimitPeriod, Money>> remaining() {
        return Arbitraries.maps(
                        Arbitraries.of(LimitPeriod.class),
                        Arbitraries.longs().between(0, 100_000).map(PurchaseCheckPropertiesTest::cents))
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(EnumMap::new);
    }

    @Property
    void a_purchase_fits_exactly_when_it_is_at_most_the_smallest_remaining(
            @ForAll("remaining") Map<LimitPeriod, Money> remaining, @ForAll @LongRange(max = 110_000) long amount) {
        CardLimits limits = CardLimits.of(remaining);
        Money purchase = cents(amount);
        Money smallest = remaining.values().stream().reduce(Money::min).orElseThrow();

        PurchaseCheck check = limits.check(purchase);

        assertThat(check.fits()).isEqualTo(!purchase.isGreaterThan(smallest));
        assertThat(check.brokenPeriods())
                .allSatisfy(period -> assertThat(purchase.isGreaterThan(remaining.get(period)))
                        .isTrue());
        assertThat(check.brokenPeriods()).hasSize((int)
                remaining.values().stream().filter(purchase::isGreaterThan).count());
    }
}
