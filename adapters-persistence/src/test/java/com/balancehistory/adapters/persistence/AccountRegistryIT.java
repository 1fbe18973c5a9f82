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

        assertThat(write(accounts, AT, 1)).containsExactlyElementsOf(accounts);

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
    void an_account_written_and_remembered_is_not_written_again_while_no_other_recording_came_between() {
        List<Account> accounts = List.of(budget("b1", "First"));
        write(accounts, AT, 1);
        registry.remember(source, accounts, 1);

        assertThat(write(accounts, AT.plusSeconds(300), 2)).isEmpty();
        registry.remember(source, List.of(), 2);
        // no time limit: a day later the source's recordings are still all this registry's
        assertThat(write(accounts, AT.plus(Duration.ofDays(1)), 3)).isEmpty();
    }

    @Test
    void every_account_is_checked_again_once_another_recording_of_the_source_came_between() {
        List<Account> accounts = List.of(budget("b1", "First"), budget("b2", "Second"));
        write(accounts, AT, 1);
        registry.remember(source, accounts, 1);

        // recording 2 was another instance's
        assertThat(write(accounts, AT.plusSeconds(600), 3)).containsExactlyElementsOf(accounts);
    }

    @Test
    void a_renamed_account_is_written_and_its_new_name_kept_beside_the_old_one() {
        write(List.of(budget("b1", "First")), AT, 1);
        registry.remember(source, List.of(budget("b1", "First")), 1);

        Instant later = AT.plusSeconds(300);
        assertThat(write(List.of(budget("b1", "Renamed")), later, 2)).hasSize(1);

        assertThat(dsl.fetch(
                                "SELECT name FROM account_name WHERE account_id = ? ORDER BY seen_from",
                                source + ".budget.b1")
                        .getValues(0, String.class))
                .containsExactly("First", "Renamed");
    }

    @Test
    void an_account_forgotten_after_it_was_marked_gone_is_written_again_and_only_it() {
        List<Account> accounts = List.of(budget("b1", "First"), budget("b2", "Second"));
        write(accounts, AT, 1);
        registry.remember(source, accounts, 1);

        registry.forget(List.of(source + ".budget.b2"));

        assertThat(write(accounts, AT.plusSeconds(300), 2)).containsExactly(budget("b2", "Second"));
    }

    @Test
    void a_poll_in_which_nothing_changed_leaves_nothing_to_remember_but_its_recording() {
        List<Account> accounts = List.of(budget("b1", "First"));
        write(accounts, AT, 1);
        registry.remember(source, accounts, 1);
        List<Account> written = write(accounts, AT.plusSeconds(300), 2);
        registry.remember(source, written, 2);

        assertThat(written).isEmpty();
        assertThat(write(accounts, AT.plusSeconds(600), 3)).isEmpty();
    }

    @Test
    void a_recording_that_rolled_back_took_its_number_with_it_so_the_next_one_still_trusts_what_was_written() {
        List<Account> accounts = List.of(budget("b1", "First"));
        write(accounts, AT, 1);
        registry.remember(source, accounts, 1);
        // a recording numbered 2 rolled back: nothing remembered, and the count it took rolled back with it

        assertThat(write(accounts, AT.plusSeconds(600), 2)).isEmpty();
    }

    private Account budget(String id, String name) {
        return Fixtures.budget(source, id, name, "USD");
    }

    private List<Account> write(List<Account> accounts, Instant at, long recording) {
        return dsl.transactionResult(tx ->
                tx.dsl().connectionResult(connection -> registry.write(connection, source, accounts, at, recording)));
    }
}
