package com.balancehistory.application.service.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.AccountBalance;
import com.balancehistory.domain.analytics.LowBalanceAssessment;
import com.balancehistory.domain.analytics.LowBalanceAssessment.Verdict;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.balancehistory.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LowBalanceJudgeTest {

    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");
    private static final AccountId RUNWAY = new AccountId("s.budget.runway");
    private static final AccountId AMOUNT = new AccountId("s.budget.amount");

    private final List<String> asked = new ArrayList<>();
    private final DailyBurns burns = (account, window, at) -> {
        asked.add(account.value() + " " + window + " " + at);
        return Optional.of(Money.parse("100.00", "USD"));
    };
    private final LowBalancePolicy policy = LowBalancePolicy.none()
            .forAccount(RUNWAY, new LowBalanceRule.RunwayBelow(Duration.ofDays(7), Duration.ofDays(10)))
            .forAccount(AMOUNT, LowBalanceRule.below(Money.parse("500.00", "USD")));

    private static AccountBalance usd(AccountId id, String available) {
        return new AccountBalance(id, id.value(), Money.parse(available, "USD"), Optional.empty());
    }

    @Test
    void a_runway_rule_is_judged_with_the_burn_over_its_window_ending_at_the_judged_instant() {
        LowBalanceAssessment low =
                new LowBalanceJudge(policy, burns).assess(usd(RUNWAY, "699.99"), Optional.empty(), AT);

        assertThat(low.verdict()).isEqualTo(Verdict.LOW);
        assertThat(low.threshold()).contains(Money.parse("700.00", "USD"));
        assertThat(asked).containsExactly("s.budget.runway PT240H " + AT);
    }

    @Test
    void other_rules_read_no_burn_and_give_the_policy_s_own_verdict() {
        Map<AccountId, LowBalanceAssessment> all = new LowBalanceJudge(policy, burns)
                .assessAll(List.of(usd(AMOUNT, "499.99"), usd(new AccountId("s.budget.none"), "1.00")), AT);

        assertThat(asked).isEmpty();
        assertThat(all.get(AMOUNT)).isEqualTo(policy.evaluate(usd(AMOUNT, "499.99"), Money.parse("500.99", "USD")));
        assertThat(all.get(AMOUNT).isLow()).isTrue();
        assertThat(all.get(new AccountId("s.budget.none")).verdict()).isEqualTo(Verdict.NO_RULE);
    }

    @Test
    void without_a_burn_a_runway_rule_is_not_evaluable() {
        LowBalanceAssessment low =
                new LowBalanceJudge(policy, DailyBurns.NONE).assess(usd(RUNWAY, "1.00"), Optional.empty(), AT);

        assertThat(low.verdict()).isEqualTo(Verdict.NOT_EVALUABLE);
        assertThat(low.threshold()).isEmpty();
    }
}
