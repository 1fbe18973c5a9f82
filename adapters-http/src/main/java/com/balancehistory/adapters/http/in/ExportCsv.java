package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.dto.BalanceItem;
import com.balancehistory.adapters.http.in.dto.ExportedAccount;
import com.balancehistory.adapters.http.in.dto.SnapshotItem;
import com.balancehistory.application.model.query.SnapshotRow;
import com.balancehistory.application.port.in.query.BalanceView;
import com.balancehistory.application.port.in.query.MonthEndBalance;
import java.util.Arrays;

/** The CSV exports' columns and rows: the same fields as the JSON exports, one line per row. */
final class ExportCsv {

    /** The account and its amounts, in every export. */
    private static final String[] ACCOUNT_COLUMNS = {
        "account_id",
        "source",
        "provider",
        "kind",
        "external_id",
        "name",
        "currency",
        "available",
        "ledger",
        "pending",
        "allocated",
        "initial"
    };

    static final String[] BALANCE_COLUMNS = concat(ACCOUNT_COLUMNS, "observed_at", "provider_as_of", "stale");
    /** The balance columns, then what a balance as of a time adds. */
    static final String[] AS_OF_COLUMNS = concat(
            BALANCE_COLUMNS,
            "as_of",
            "poll_id",
            "age_at_as_of",
            "stale_at_as_of",
            "gone",
            "gone_at",
            "last_poll_failed_at");
    /** The month, then the columns of a balance as of its end. */
    static final String[] MONTH_END_COLUMNS = concat(new String[] {"month"}, AS_OF_COLUMNS);

    static final String[] SNAPSHOT_COLUMNS =
            concat(new String[] {"observed_at", "poll_id"}, concat(ACCOUNT_COLUMNS, "provider_as_of"));

    private ExportCsv() {}

    /** A line of {@link #BALANCE_COLUMNS}. */
    static byte[] balance(BalanceView view) {
        return CsvWriter.line(balanceValues(BalanceItem.of(view)));
    }

    /** A line of {@link #AS_OF_COLUMNS}. */
    static byte[] balanceAsOf(BalanceView view) {
        return CsvWriter.line(asOfValues(view));
    }

    /** A line of {@link #MONTH_END_COLUMNS}. */
    static byte[] monthEnd(MonthEndBalance row) {
        return CsvWriter.line(concat(new String[] {row.month().toString()}, asOfValues(row.balance())));
    }

    /** A line of {@link #SNAPSHOT_COLUMNS}. */
    static byte[] snapshot(SnapshotRow row) {
        SnapshotItem item = SnapshotItem.of(row);
        return CsvWriter.line(concat(
                new String[] {item.observedAt(), String.valueOf(item.pollId())},
                concat(accountValues(item), item.providerAsOf())));
    }

    /** The values of {@link #AS_OF_COLUMNS}. */
    private static String[] asOfValues(BalanceView view) {
        BalanceItem item = BalanceItem.of(view);
        return concat(
                balanceValues(item),
                item.asOf(),
                String.valueOf(item.pollId()),
                item.ageAtAsOf(),
                String.valueOf(item.staleAtAsOf()),
                String.valueOf(item.gone()),
                item.goneAt(),
                item.lastPollFailedAt());
    }

    /** The values of {@link #BALANCE_COLUMNS}. */
    private static String[] balanceValues(BalanceItem item) {
        return concat(accountValues(item), item.observedAt(), item.providerAsOf(), String.valueOf(item.stale()));
    }

    /** The values of {@link #ACCOUNT_COLUMNS}. */
    private static String[] accountValues(ExportedAccount account) {
        return new String[] {
            account.accountId(),
            account.source(),
            account.provider(),
            account.kind(),
            account.externalId(),
            account.name(),
            account.currency(),
            account.available(),
            account.ledger(),
            account.pending(),
            account.allocated(),
            account.initial()
        };
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
