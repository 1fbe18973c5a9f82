package com.balancehistory.domain.limit;

import static com.balancehistory.domain.limit.LimitPeriod.DAILY;
import static com.balancehistory.domain.limit.LimitPeriod.LIFETIME;
import static com.balancehistory.domain.limit.LimitPeriod.MONTHLY;
import static com.balancehistory.domain.limit.LimitPeriod.WEEKLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardLimitsTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static Money usd(String amount) {
        return Money.parse(amount, USD);
    }

    private static Money eur(String amount) {
        return Money.parse(amount, "EUR");
    }

    @Test
    void computes_used_amount_and_utilization_from_remaining_and_total() {
        CardLimits limits = CardLimits.of(Map.of(DAILY, usd("123.80")), LimitTotals.of(Map.of(DAILY, usd("500"))));

        LimitStatus daily = limits.status(DAILY).orElseThrow();

        assertThat(daily.remaining()).isEqualTo(usd("123.80"));
        assertThat(daily.total()).contains(usd("500"));
        assertThat(daily.used()).contains(usd("376.20"));
        assertThat(daily.utilization()).contains(new BigDecimal("0.7524"));
    }

    @Test
    void rounds_utilization_half_up_at_four_decimals() {
        // used 2 of 3 = 0.666666... -> 0.6667 ; used 0.01 of 200 = 0.00005 -> 0.0001
        LimitStatus twoThirds = LimitStatus.of(DAILY, usd("1"), Optional.of(usd("3")));
        LimitStatus tiny = LimitStatus.of(DAILY, usd("199.99"), Optional.of(usd("200")));

        assertThat(twoThirds.utilization().orElseThrow()).hasToString("0.6667");
        assertThat(tiny.utilization().orElseThrow()).hasToString("0.0001");
    }

    @Test
    void reports_full_and_zero_utilization_at_the_edges() {
        assertThat(LimitStatus.of(DAILY, usd("0"), Optional.of(usd("100")))
                        .utilization()
                        .orElseThrow())
                .hasToString("1.0000");
        assertThat(LimitStatus.of(DAILY, usd("100"), Optional.of(usd("100")))
                        .utilization()
                        .orElseThrow())
                .hasToString("0.0000");
    }

    @Test
    void floors_used_at_zero_when_remaining_exceeds_a_stale_total() {
        LimitStatus status = LimitStatus.of(WEEKLY, usd("700"), Optional.of(usd("500")));

        assertThat(status.used()).contains(Money.zero(USD));
        assertThat(status.utilization().orElseThrow()).isZero();
    }

    @Test
    void leaves_used_and_utilization_empty_without_a_configured_total() {
        LimitStatus status =
                CardLimits.of(Map.of(MONTHLY, usd("10"))).status(MONTHLY).orElseThrow();

        assertThat(status.total()).isEmpty();
        assertThat(status.used()).isEmpty();
        assertThat(status.utilization()).isEmpty();
    }

    @Test
    void leaves_utilization_empty_for_a_zero_total_where_the_ratio_is_undefined() {
        LimitStatus status = LimitStatus.of(DAILY, usd("0"), Optional.of(usd("0")));

        assertThat(status.used()).contains(Money.zero(USD));
        assertThat(status.utilization()).isEmpty();
    }

    @Test
    void lists_statuses_in_period_order_whatever_the_input_order() {
        Map<LimitPeriod, Money> remaining = new LinkedHashMap<>();
        remaining.put(LIFETIME, usd("5000"));
        remaining.put(DAILY, usd("50"));
        remaining.put(MONTHLY, usd("900"));

        CardLimits limits = CardLimits.of(remaining);

        assertThat(limits.statuses()).extracting(LimitStatus::period).containsExactly(DAILY, MONTHLY, LIFETIME);
    }

    @Test
    void has_no_status_for_a_period_the_card_does_not_report_even_when_a_total_is_configured() {
        CardLimits limits = CardLimits.of(Map.of(DAILY, usd("50")), LimitTotals.of(Map.of(WEEKLY, usd("1000"))));

        assertThat(limits.status(WEEKLY)).isEmpty();
        assertThat(limits.statuses()).extracting(LimitStatus::period).containsExactly(DAILY);
    }

    @Test
    void headroom_is_the_smallest_remaining_amount() {
        CardLimits limits = CardLimits.of(Map.of(DAILY, usd("300"), WEEKLY, usd("120.50"), LIFETIME, usd("9000")));

        assertThat(limits.headroom()).isEqualTo(usd("120.50"));
    }

    @Test
    void is_built_from_a_card_observation_in_the_card_currency() {
        Account card = Account.of(
                "ahrvo-main", ProviderType.AHRVO, AccountKind.CARD_SPENDING_LIMIT, "card-1", "Ops card", USD);
        CardLimitObservation observation = new CardLimitObservation(card, Map.of(DAILY, usd("75")));

        CardLimits limits = CardLimits.of(observation, LimitTotals.of(Map.of(DAILY, usd("100"))));

        assertThat(limits.currency()).isEqualTo(USD);
        assertThat(limits.status(DAILY).orElseThrow().used()).contains(usd("25"));
    }

    @Test
    void a_card_observation_is_of_a_card_limit_account() {
        Account budget = Account.of("ahrvo-main", ProviderType.AHRVO, AccountKind.BUDGET, "b-1", "Ops budget", USD);

        assertThatThrownBy(() -> new CardLimitObservation(budget, Map.of(DAILY, usd("75"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b-1 is a budget account, expected card-limit");
    }

    @Test
    void rejects_remaining_amounts_that_are_negative_or_in_another_currency() {
        assertThatThrownBy(() -> CardLimits.of(Map.of(DAILY, usd("-1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new CardLimits(USD, Map.of(DAILY, eur("1")), LimitTotals.none()))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void rejects_totals_in_another_currency_than_the_card() {
        assertThatThrownBy(() -> CardLimits.of(Map.of(DAILY, usd("1")), LimitTotals.of(Map.of(DAILY, eur("5")))))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("never converted");
    }

    @Test
    void rejects_limits_without_any_period() {
        assertThatThrownBy(() -> CardLimits.of(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardLimits(USD, Map.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limit_totals_share_one_currency_and_are_never_negative() {
        assertThatThrownBy(() -> LimitTotals.of(Map.of(DAILY, usd("1"), WEEKLY, eur("5"))))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> LimitTotals.of(Map.of(DAILY, usd("-1")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(LimitTotals.none().total(DAILY)).isEmpty();
        assertThat(LimitTotals.of(Map.of(DAILY, usd("5"))).total(DAILY)).contains(usd("5"));
    }

    @Test
    void a_limit_status_without_total_cannot_claim_a_used_amount() {
        assertThatThrownBy(() ->
                        new LimitStatus(DAILY, usd("1"), Optional.empty(), Optional.of(usd("1")), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
