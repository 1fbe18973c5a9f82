package com.balancehistory.adapters.persistence;

import com.balancehistory.domain.account.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process last wrote for each account (name, parent, attributes, labels), so that a poll rewrites only accounts
 * that changed. An entry is trusted for a bounded time only: another instance may have written a newer name, and
 * after {@code trust} this instance checks against the database again.
 */
final class KnownAccounts {

    static final Duration DEFAULT_TRUST = Duration.ofHours(1);

    /** The account as last written: compared whole, field by field, never by a hash that two descriptions may share. */
    private record Entry(Account account, Instant writtenAt) {

        boolean describes(Account seen) {
            return account == seen || account.equals(seen);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration trust;

    KnownAccounts(Duration trust) {
        this.trust = trust;
    }

    /** The accounts whose stored description may differ from this one. */
    List<Account> changedOrUnknown(List<Account> accounts, Instant now) {
        List<Account> changed = new ArrayList<>();
        for (Account account : accounts) {
            Entry entry = entries.get(account.id().value());
            if (entry == null
                    || !entry.describes(account)
                    || entry.writtenAt().plus(trust).isBefore(now)) {
                changed.add(account);
            }
        }
        return changed;
    }

    /**
     * Remembers accounts that {@link #changedOrUnknown} returned and that were written or checked in a recording
     * that has committed. Accounts it did not return need nothing: their entry already holds this description.
     */
    void remember(List<Account> accounts, Instant writtenAt) {
        for (Account account : accounts) {
            Entry entry = entries.get(account.id().value());
            // keep the time the description was last checked against the database, unless it changed now
            if (entry == null
                    || !entry.describes(account)
                    || entry.writtenAt().plus(trust).isBefore(writtenAt)) {
                entries.put(account.id().value(), new Entry(account, writtenAt));
            }
        }
    }

    /** After accounts were marked gone, their next sighting must be written again. */
    void forget(List<String> accountIds) {
        accountIds.forEach(entries::remove);
    }
}
