package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoneAccountsIT {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final DSLContext dsl = PersistenceTestSupport.dsl();
    private String source;

    @BeforeEach
    void threeAccounts() {
        source = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        List<Account> accounts = List.of(
                Fixtures.budget(source, "b1", "B1", "USD"),
                Fixtures.budget(source, "b2", "B2", "USD"),
                Fixtures.budget(source, "b3", "B3", "USD"));
        dsl.transaction(tx -> tx.dsl().connection(c -> new AccountRegistry().write(c, source, accounts, AT, 1)));
    }

    @Test
    void a_full_listing_that_lists_every_present_account_marks_none() {
        assertThat(markMissing(AT.plusSeconds(300), "b1", "b2", "b3")).isEmpty();

        assertThat(goneIds()).isEmpty();
        assertThat(dsl.fetchValue("SELECT count(*) FROM account_gone WHERE account_id LIKE ?", source + ".%"))
                .isEqualTo(0L);
    }

    @Test
    void accounts_missing_from_a_full_listing_are_marked_gone_with_a_gone_period_each() {
        Instant at = AT.plusSeconds(300);

        assertThat(markMissing(at, "b2")).containsExactlyInAnyOrder(source + ".budget.b1", source + ".budget.b3");

        assertThat(goneIds()).containsExactly(source + ".budget.b1", source + ".budget.b3");
        assertThat(dsl.fetch(
                                "SELECT account_id FROM account_gone WHERE account_id LIKE ? AND gone_at = ?::timestamptz"
                                        + " AND back_at IS NULL ORDER BY account_id",
                                source + ".%",
                                at.toString())
                        .getValues(0, String.class))
                .containsExactly(source + ".budget.b1", source + ".budget.b3");
    }

    @Test
    void an_account_seen_again_ends_its_gone_period_at_that_sighting() {
        markMissing(AT.plusSeconds(300), "b2", "b3");
        Instant back = AT.plusSeconds(600);

        dsl.transaction(tx -> tx.dsl()
                .connection(c ->
                        GoneAccounts.bringBack(c, source, List.of(Fixtures.budget(source, "b1", "B1", "USD")), back)));

        assertThat(goneIds()).isEmpty();
        assertThat(dsl.fetchValue(
                        "SELECT back_at = ?::timestamptz FROM account_gone WHERE account_id = ?",
                        back.toString(),
                        source + ".budget.b1"))
                .isEqualTo(true);
    }

    @Test
    void a_card_listed_both_with_a_balance_and_its_limits_counts_once() {
        Account card = Fixtures.cardLimits(source, "c1", "1", "2", "3", "4").card();
        dsl.transaction(tx -> tx.dsl().connection(c -> new AccountRegistry().write(c, source, List.of(card), AT, 1)));
        Instant at = AT.plusSeconds(300);
        List<BalanceObservation> balances = List.of(
                BalanceObservation.of(card, Balances.available(Money.parse("1.00", "USD"))),
                Fixtures.balance(source, "b1", "1.00", "USD"));
        SourcePollRecord record = new SourcePollRecord(
                1L, source, "ahrvo", SourceOutcome.OK, Optional.empty(), at, at, Fixtures.fetched(source));

        List<String> marked = dsl.transactionResult(tx -> GoneAccounts.markMissing(
                tx.dsl(),
                record,
                Set.of(AccountKind.BUDGET, card.kind()),
                balances,
                List.of(Fixtures.cardLimits(source, "c1", "1", "2", "3", "4"))));

        assertThat(marked).containsExactlyInAnyOrder(source + ".budget.b2", source + ".budget.b3");
    }

    @Test
    void the_count_of_present_accounts_per_source_follows_new_gone_and_returning_accounts() {
        assertThat(presentCounted()).isEqualTo(3L).isEqualTo(presentAccounts());

        markMissing(AT.plusSeconds(300), "b2");
        assertThat(presentCounted()).isEqualTo(1L).isEqualTo(presentAccounts());

        Instant back = AT.plusSeconds(600);
        dsl.transaction(tx -> tx.dsl()
                .connection(c ->
                        GoneAccounts.bringBack(c, source, List.of(Fixtures.budget(source, "b1", "B1", "USD")), back)));
        assertThat(presentCounted()).isEqualTo(2L).isEqualTo(presentAccounts());

        // a new account and a gone one written again (the upsert clears its gone time) in one statement
        List<Account> written =
                List.of(Fixtures.budget(source, "b3", "B3 renamed", "USD"), Fixtures.budget(source, "b4", "B4", "USD"));
        dsl.transaction(tx -> tx.dsl().connection(c -> new AccountRegistry().write(c, source, written, back, 1)));
        assertThat(presentCounted()).isEqualTo(4L).isEqualTo(presentAccounts());

        // a rolled-back recording changes no count
        try {
            dsl.transaction(tx -> {
                GoneAccounts.markMissing(
                        tx.dsl(),
                        record(AT.plusSeconds(900)),
                        Set.of(AccountKind.BUDGET),
                        List.of(Fixtures.balance(source, "b4", "1.00", "USD")),
                        List.of());
                throw new IllegalStateException("the recording fails after marking");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(presentCounted()).isEqualTo(4L).isEqualTo(presentAccounts());
    }

    private List<String> markMissing(Instant at, String... listed) {
        BalanceObservation[] balances = Arrays.stream(listed)
                .map(id -> Fixtures.balance(source, id, "1.00", "USD"))
                .toArray(BalanceObservation[]::new);
        FetchResult.Fetched fetched = Fixtures.fetched(source, balances);
        SourcePollRecord record =
                new SourcePollRecord(1L, source, "ahrvo", SourceOutcome.OK, Optional.empty(), at, at, fetched);
        return dsl.transactionResult(tx -> GoneAccounts.markMissing(
                tx.dsl(), record, fetched.fullyListedKinds(), fetched.balances(), fetched.cardLimits()));
    }

    private SourcePollRecord record(Instant at) {
        return new SourcePollRecord(
                1L, source, "ahrvo", SourceOutcome.OK, Optional.empty(), at, at, Fixtures.fetched(source));
    }

    /** The source's present accounts as the per-source counts hold them. */
    private long presentCounted() {
        return ((Number) dsl.fetchValue(
                        "SELECT coalesce(sum(present), 0) FROM source_present_accounts WHERE source = ?", source))
                .longValue();
    }

    private long presentAccounts() {
        return ((Number) dsl.fetchValue("SELECT count(*) FROM account WHERE source = ? AND gone_at IS NULL", source))
                .longValue();
    }

    private List<String> goneIds() {
        return dsl.fetch("SELECT id FROM account WHERE source = ? AND gone_at IS NOT NULL ORDER BY id", source)
                .getValues(0, String.class);
    }
}
