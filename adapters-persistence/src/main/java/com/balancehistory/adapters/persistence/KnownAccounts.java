package com.balancehistory.adapters.persistence;

import com.balancehistory.domain.account.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process last wrote for each account (name, parent, attributes, labels), so that a poll rewrites only
 * accounts that changed. It is trusted only while no other recording has written the source's accounts since this
 * process's last one: each recording counts itself on the source's lock row ({@code source_balance_poll.recordings}),
 * so a count one above the one this process's last recording left means none came between. Otherwise (another
 * instance recorded the source meanwhile, or this process has not recorded it yet) every account of the poll is
 * checked against the database again. A time limit would not do: it re-checks every account of every source at once
 * when it runs out, and until then misses what another instance wrote.
 */
final class KnownAccounts {

    /** Each account as last written: compared whole, field by field, never by a hash two descriptions may share. */
    private final Map<String, Account> written = new ConcurrentHashMap<>();

    /** Per source, the number of this process's last committed recording of it. */
    private final Map<String, Long> lastRecording = new ConcurrentHashMap<>();

    /** The accounts whose stored description may differ from this one, for the source's recording {@code recording}. */
    List<Account> changedOrUnknown(String source, List<Account> accounts, long recording) {
        Long last = lastRecording.get(source);
        if (last == null || last != recording - 1) {
            return new ArrayList<>(accounts);
        }
        List<Account> changed = new ArrayList<>();
        for (Account account : accounts) {
            Account known = written.get(account.id().value());
            if (known != account && (known == null || !known.equals(account))) {
                changed.add(account);
            }
        }
        return changed;
    }

    /**
     * After the source's recording {@code recording} has committed: remembers the accounts that {@link
     * #changedOrUnknown} returned for it (written or checked); those it did not return are already remembered as
     * they are.
     */
    void remember(String source, List<Account> accounts, long recording) {
        for (Account account : accounts) {
            written.put(account.id().value(), account);
        }
        lastRecording.merge(source, recording, Math::max);
    }

    /** After accounts were marked gone, their next sighting must be written again. */
    void forget(List<String> accountIds) {
        accountIds.forEach(written::remove);
    }
}
