package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.bench.GeneratedHistory;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' history generated in SQL ({@link GeneratedHistory}) is what the store writes for the same polls: a
 * slice of it (100 accounts, two days) generated into one database and recorded poll by poll through the real store
 * into another answers {@code analytics.snapshots} and {@code analytics.latest_balances} row for row, and holds the
 * same runs.
 */
class GeneratedHistoryMatchesRecordingIT {

    private static final int ACCOUNTS = 100;
    private static final int DAYS = 2;

    @Test
    void a_generated_slice_is_what_the_store_records_for_the_same_polls() throws Exception {
        TestDatabase generatedDb = TestDatabase.get().sibling();
        TestDatabase recordedDb = TestDatabase.get().sibling();
        try (Connection generatedConnection = generatedDb.connect();
                Connection recordedConnection = recordedDb.connect()) {
            DSLContext generated = DSL.using(generatedConnection, SQLDialect.POSTGRES);
            DSLContext recorded = DSL.using(recordedConnection, SQLDialect.POSTGRES);
            GeneratedHistory.generate(generated, ACCOUNTS, DAYS);
            record(recorded, ACCOUNTS, DAYS * GeneratedHistory.POLLS_PER_DAY);

            String snapshots = "SELECT account_id, observed_at, poll_id, currency, available, ledger"
                    + " FROM analytics.snapshots ORDER BY account_id, observed_at, poll_id";
            assertThat(rows(generated, snapshots))
                    .hasSize(rows(recorded, snapshots).size())
                    .isEqualTo(rows(recorded, snapshots));
            String latest = "SELECT account_id, currency, available, observed_at, last_seen_at"
                    + " FROM analytics.latest_balances ORDER BY account_id";
            assertThat(rows(generated, latest)).isEqualTo(rows(recorded, latest));
            String runs = "SELECT a.id, r.first_seen_at, r.last_seen_at, r.currency, r.available FROM balance_run r"
                    + " JOIN account a ON a.account_key = r.account_key ORDER BY a.id, r.last_seen_at";
            assertThat(rows(generated, runs)).isEqualTo(rows(recorded, runs));
        }
    }

    /** Each poll as the provider answered it, recorded through the store as the service records it. */
    private static void record(DSLContext dsl, int accounts, int polls) {
        JooqSnapshotStore store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        for (int k = 0; k < polls; k++) {
            Instant at = GeneratedHistory.pollTime(k);
            long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
            if (GeneratedHistory.failed(k)) {
                store.recordSource(AhrvoPolls.recorded(
                        pollId, at, AhrvoPolls.unavailable(GeneratedHistory.SOURCE, "GET /budgets", List.of())));
                continue;
            }
            List<BalanceObservation> balances = new ArrayList<>();
            for (int a = 1; a <= accounts; a++) {
                Optional<BigDecimal> available = GeneratedHistory.available(a, k, polls);
                if (available.isPresent()) {
                    String currency = GeneratedHistory.currency(a);
                    Account account = Account.of(
                            GeneratedHistory.SOURCE,
                            ProviderType.AHRVO,
                            AccountKind.BUDGET,
                            "b" + a,
                            "Budget " + a,
                            CurrencyCodes.require(currency));
                    balances.add(
                            BalanceObservation.of(account, Balances.available(Money.of(available.get(), currency))));
                }
            }
            store.recordSource(AhrvoPolls.recorded(
                    pollId,
                    at,
                    new FetchResult.Fetched(
                            GeneratedHistory.SOURCE, balances, List.of(), List.of(), Set.of(), List.of())));
            store.finishPollRun(pollId, at);
        }
    }

    private static List<String> rows(DSLContext dsl, String sql) {
        return dsl.fetch(sql).map(r -> r.formatCSV(false).strip());
    }
}
