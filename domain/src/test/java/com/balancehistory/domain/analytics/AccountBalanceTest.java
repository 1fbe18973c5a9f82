package com.balancehistory.domain.analytics;

import static com.balancehistory.domain.analytics.Fixtures.USD;
import static com.balancehistory.domain.analytics.Fixtures.eur;
import static com.balancehistory.domain.analytics.Fixtures.id;
import static com.balancehistory.domain.analytics.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyMismatchException;
import org.junit.jupiter.api.Test;

class AccountBalanceTest {

    @Test
    void takes_id_name_available_and_initial_from_an_observation() {
        Account account = Account.of("ahrvo-main", ProviderType.AHRVO, AccountKind.BUDGET, "b-1", "Marketing", USD);
        BalanceObservation observation =
                BalanceObservation.of(account, Balances.available(usd("400")).withInitial(usd("1000")));

        AccountBalance balance = AccountBalance.from(observation);

        assertThat(balance.id()).isEqualTo(account.id());
        assertThat(balance.name()).isEqualTo("Marketing");
        assertThat(balance.available()).isEqualTo(usd("400"));
        assertThat(balance.initial()).contains(usd("1000"));
        assertThat(balance.currency()).isEqualTo(USD);
    }

    @Test
    void falls_back_to_the_id_when_the_name_is_blank() {
        assertThat(AccountBalance.of(id("acc-1"), " ", usd("1")).name()).isEqualTo("acc-1");
    }

    @Test
    void rejects_an_initial_balance_in_another_currency() {
        assertThatThrownBy(() -> AccountBalance.of(id("acc-1"), "x", usd("1"), eur("1")))
                .isInstanceOf(CurrencyMismatchException.class);
    }
}
