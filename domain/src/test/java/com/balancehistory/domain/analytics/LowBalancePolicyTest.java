package com.balancehistory.domain.analytics;

import static com.balancehistory.domain.analytics.Fixtures.EUR;
import static com.balancehistory.domain.analytics.Fixtures.USD;
import static com.balancehistory.domain.analytics.Fixtures.account;
import static com.balancehistory.domain.analytics.Fixtures.eur;
import static com.balancehistory.domain.analytics.Fixtures.id;
import static com.balancehistory.domain.analytics.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.LowBalanceAssessment.RuleScope;
import com.balancehistory.domain.analytics.LowBalanceAssessment.Verdict;
import com.balancehistory.domain.money.CurrencyMismatchException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LowBalancePolicyTest {

    private final LowBalancePolicy policy = LowBalancePolicy.none().forCurrency(USD, LowBalanceRule.below(usd("1000")));

    @Test
    void an_account_below_its_currency_threshold_is_low_and_says_why() {
        LowBalanceAssessment assessment = policy.evaluate(account("ops", usd("999.99")));

        assertThat(assessment.isLow()).isTrue();
        assertThat(assessment.verdict()).isEqualTo(Verdict.LOW);
        assertThat(assessment.threshold()).contains(usd("1000"));
        assertThat(assessment.scope()).contains(RuleScope.CURRENCY);
        assertThat(assessment.available()).isEqualTo(usd("999.99"));
        assertThat(assessment.reason())
                .isEqualTo("available 999.99 USD is below threshold 1000.00 USD (currency rule)");
    }

    @Test
    void a_balance_exactly_at_the_threshold_is_not_low() {
        LowBalanceAssessment assessment = policy.evaluate(account("ops", usd("1000")));

        assertThat(assessment.verdict()).isEqualTo(Verdict.OK);
        assertThat(assessment.isLow()).isFalse();
        assertThat(assessment.reason()).contains("is not below");
    }

    @Test
    void an_account_rule_overrides_the_currency_rule() {
        LowBalancePolicy withOverride = policy.forAccount(id("petty"), LowBalanceRule.below(usd("50")));

        LowBalanceAssessment petty = withOverride.evaluate(account("petty", usd("100")));
        LowBalanceAssessment other = withOverride.evaluate(account("other", usd("100")));

        assertThat(petty.verdict()).isEqualTo(Verdict.OK);
        assertThat(petty.scope()).contains(RuleScope.ACCOUNT);
        assertThat(petty.threshold()).contains(usd("50"));
        assertThat(other.verdict()).isEqualTo(Verdict.LOW);
        assertThat(other.scope()).contains(RuleScope.CURRENCY);
    }

    @Test
    void an_account_override_can_be_stricter_than_its_currency() {
        LowBalancePolicy strict = policy.forAccount(id("vip"), LowBalanceRule.below(usd("5000")));

        assertThat(strict.evaluate(account("vip", usd("2000"))).isLow()).isTrue();
    }

    @Test
    void a_currency_without_rule_gives_no_verdict_instead_of_borrowing_another_currency_rule() {
        LowBalanceAssessment assessment = policy.evaluate(account("euros", eur("1")));

        assertThat(assessment.verdict()).isEqualTo(Verdict.NO_RULE);
        assertThat(assessment.rule()).isEmpty();
        assertThat(assessment.threshold()).isEmpty();
        assertThat(assessment.reason()).contains("no low-balance rule");
    }

    @Test
    void a_percentage_rule_compares_with_that_share_of_the_initial_balance() {
        LowBalancePolicy percent =
                LowBalancePolicy.none().forCurrency(EUR, LowBalanceRule.belowPercentOfInitial(new BigDecimal("10")));

        LowBalanceAssessment low = percent.evaluate(account("a", eur("49.99"), eur("500")));
        LowBalanceAssessment ok = percent.evaluate(account("b", eur("50"), eur("500")));

        assertThat(low.verdict()).isEqualTo(Verdict.LOW);
        assertThat(low.threshold()).contains(eur("50"));
        assertThat(ok.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void a_percentage_threshold_is_rounded_half_even_and_compared_as_reported() {
        // 12.5 % of 10.10 = 1.2625 -> 1.26 ; 1.26 is not below 1.26, 1.25 is
        LowBalancePolicy percent =
                LowBalancePolicy.none().forCurrency(EUR, LowBalanceRule.belowPercentOfInitial(new BigDecimal("12.5")));

        assertThat(percent.evaluate(account("a", eur("1.26"), eur("10.10"))).verdict())
                .isEqualTo(Verdict.OK);
        LowBalanceAssessment low = percent.evaluate(account("b", eur("1.25"), eur("10.10")));
        assertThat(low.verdict()).isEqualTo(Verdict.LOW);
        assertThat(low.threshold()).contains(eur("1.26"));
    }

    @Test
    void a_percentage_rule_cannot_judge_an_account_without_initial_balance() {
        LowBalancePolicy percent =
                LowBalancePolicy.none().forAccount(id("a"), LowBalanceRule.belowPercentOfInitial(new BigDecimal("20")));

        LowBalanceAssessment assessment = percent.evaluate(account("a", usd("1")));

        assertThat(assessment.verdict()).isEqualTo(Verdict.NOT_EVALUABLE);
        assertThat(assessment.isLow()).isFalse();
        assertThat(assessment.rule()).isPresent();
        assertThat(assessment.threshold()).isEmpty();
        assertThat(assessment.reason()).contains("initial balance").contains("account rule");
    }

    @Test
    void rejects_percentages_outside_zero_to_one_hundred() {
        assertThatThrownBy(() -> LowBalanceRule.belowPercentOfInitial(BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LowBalanceRule.belowPercentOfInitial(new BigDecimal("100.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LowBalanceRule.belowPercentOfInitial(new BigDecimal("100"))).isNotNull();
    }

    @Test
    void rejects_a_currency_rule_with_a_threshold_in_another_currency() {
        assertThatThrownBy(() -> LowBalancePolicy.none().forCurrency(EUR, LowBalanceRule.below(usd("10"))))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> new LowBalancePolicy(Map.of(), Map.of(EUR, LowBalanceRule.below(usd("10")))))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void an_account_rule_in_another_currency_than_the_account_is_not_evaluable_and_says_why() {
        LowBalancePolicy misconfigured = LowBalancePolicy.none().forAccount(id("a"), LowBalanceRule.below(usd("10")));

        LowBalanceAssessment assessment = misconfigured.evaluate(account("a", eur("5")));

        assertThat(assessment.verdict()).isEqualTo(Verdict.NOT_EVALUABLE);
        assertThat(assessment.isLow()).isFalse();
        assertThat(assessment.reason()).contains("10.00 USD", "EUR");
    }

    @Test
    void an_assessment_must_be_internally_consistent() {
        assertThatThrownBy(() -> new LowBalanceAssessment(
                        id("a"), usd("1"), Verdict.LOW, Optional.empty(), Optional.empty(), Optional.of(usd("2"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LowBalanceAssessment(
                        id("a"),
                        usd("1"),
                        Verdict.OK,
                        Optional.of(LowBalanceRule.below(usd("2"))),
                        Optional.of(RuleScope.ACCOUNT),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_percent_of_total_rule_compares_with_a_share_of_the_currencys_positive_balances() {
        LowBalancePolicy share =
                LowBalancePolicy.none().forCurrency(EUR, LowBalanceRule.belowPercentOfTotal(new BigDecimal("10")));
        AccountBalance small = account("small", eur("99.99"));
        AccountBalance big = account("big", eur("900.01"));
        AccountBalance overdrawn = account("overdrawn", eur("-50"));

        Map<AccountId, LowBalanceAssessment> all = share.evaluateAll(java.util.List.of(small, big, overdrawn));

        assertThat(LowBalancePolicy.positiveTotals(java.util.List.of(small, big, overdrawn)))
                .containsEntry(EUR, eur("1000.00"));
        assertThat(all.get(small.id()).isLow()).isTrue();
        assertThat(all.get(small.id()).threshold()).contains(eur("100.00"));
        assertThat(all.get(big.id()).verdict()).isEqualTo(Verdict.OK);
        assertThat(all.get(overdrawn.id()).isLow()).isTrue();
        assertThat(share.needsCurrencyTotals()).isTrue();
        assertThat(policy.needsCurrencyTotals()).isFalse();
    }

    @Test
    void a_percent_of_total_rule_without_the_total_is_not_evaluable_and_says_so() {
        LowBalancePolicy share =
                LowBalancePolicy.none().forCurrency(EUR, LowBalanceRule.belowPercentOfTotal(new BigDecimal("10")));

        LowBalanceAssessment assessment = share.evaluate(account("a", eur("1")));

        assertThat(assessment.verdict()).isEqualTo(Verdict.NOT_EVALUABLE);
        assertThat(assessment.reason()).isEqualTo("the total of EUR balances is unknown (currency rule)");
        assertThatThrownBy(() -> LowBalanceRule.belowPercentOfTotal(new BigDecimal("0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
