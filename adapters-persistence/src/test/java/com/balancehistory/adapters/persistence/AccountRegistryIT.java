package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountRegistryIT {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final DSLContext dsl = PersistenceTestSupport.dsl();
    private final AccountRegistry registry = new AccountRegistry();
    private String source;

    @BeforeEach
    void uniqueSource() {
        source = "reg-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void writes_new_accounts_with_their_first_name() {
        List<Account> accounts = List.of(budget("b1", "First"), budget("b2", "Second"));

        assertThat(write(accounts, AT)).containsExactlyElementsOf(accounts);

        assertThat(dsl.fetch("SELECT name FROM account WHERE source = ? ORDER BY id", source)
                        .getValues(0, String.class))
                .containsExactly("First", "Second");
        assertThat(dsl.fetchValue(
                        "SELECT count(*) FROM account_name WHERE account_id LIKE ? AND seen_from = ?::timestamptz",
                        source + ".%",
                        AT.toString()))
                .isEqualTo(2L);
    }

    @Test
    void an_account_written_and_remembered_is_not_written_again_until_its_trust_runs_out() {
        List<Account> accounts = List.of(budget("b1", "First"));
        write(accounts, AT);
        registry.remember(accounts, AT);

        assertThat(write(accounts, AT.plusSeconds(300))).isEmpty();
        assertThat(write(accounts, AT.plus(KnownAccounts.DEFAULT_TRUST).plus(Duration.ofSeconds(1))))
                .containsExactlyElementsOf(accounts);
    }

    @Test
    void a_renamed_account_is_written_and_its_new_name_kept_beside_the_old_one() {
        write(List.of(budget("b1", "First")), AT);
        registry.remember(List.of(budget("b1", "First")), AT);

        Instant later = AT.plusSeconds(300);
        assertThat(write(List.of(budget("b1", "Renamed")), later)).hasSize(1);

        assertThat(dsl.fetch(
                                "SELECT name FROM account_name WHERE account_id = ? ORDER BY seen_from",
                                source + ".budget.b1")
                        .getValues(0, String.class))
                .containsExactly("First", "Renamed");
    }

    @Test
    void an_account_forgotten_after_it_was_marked_gone_is_written_again_and_only_it() {
        List<Account> accounts = List.of(budget("b1", "First"), budget("b2", "Second"));
        write(accounts, AT);
        registry.remember(accounts, AT);

        registry.forget(List.of(source + ".budget.b2"));

        assertThat(write(accounts, AT.plusSeconds(300))).containsExactly(budget("b2", "Second"));
    }

    @Test
    void a_poll_in_which_nothing_changed_leaves_nothing_to_remember() {
        List<Account> accounts = List.of(budget("b1", "First"));
        write(accounts, AT);
        registry.remember(accounts, AT);
        List<Account> written = write(accounts, AT.plusSeconds(300));
        registry.remember(written, AT.plusSeconds(300));

        assertThat(written).isEmpty();
        // the entry keeps the time it was last checked against the database, so its trust still runs out then
        assertThat(write(accounts, AT.plus(KnownAccounts.DEFAULT_TRUST).plusSeconds(1)))
                .hasSize(1);
    }

    private Account budget(String id, String name) {
        return Fixtures.budget(source, id, name, "USD");
    }

    private List<Account> write(List<Account> accounts, Instant at) {
        return dsl.transactionResult(
                tx -> tx.dsl().connectionResult(connection -> registry.write(connection, accounts, at)));
    }
}
