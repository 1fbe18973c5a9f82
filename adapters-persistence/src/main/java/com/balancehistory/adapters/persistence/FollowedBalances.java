package com.balancehistory.adapters.persistence;

import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The balances of each source's newest poll that this process recorded, so the next poll can tell which latest
 * values changed without reading them back. An entry is used only when the database says that poll is still the
 * source's newest ({@code source_balance_poll}); otherwise the store reads the rows that follow that poll. An entry is taken out while a
 * poll of its source is recorded and put back only after that commits, so a failed recording never leaves a guess.
 */
final class FollowedBalances {

    /** What a poll saw of one account's balance. */
    record Seen(Balances balances, Optional<Instant> providerAsOf) {

        static Seen of(BalanceObservation observation) {
            return new Seen(observation.balances(), observation.providerAsOf());
        }
    }

    /** One source's newest recorded poll and what it saw, by account id. */
    record Poll(long pollId, Map<String, Seen> byAccount) {

        static Poll of(long pollId, Collection<BalanceObservation> observations) {
            Map<String, Seen> byAccount = new HashMap<>(observations.size() * 4 / 3 + 1);
            observations.forEach(o -> byAccount.put(o.account().id().value(), Seen.of(o)));
            return new Poll(pollId, byAccount);
        }

        /**
         * The poll after this one, made by changing this poll's map in place (its cost is what changed, not the
         * number of accounts): only for a poll taken out of the cache or read back for one recording, which owns it.
         */
        Poll next(long nextPollId, List<BalanceObservation> incoming, Difference difference) {
            for (int i = 0; i < incoming.size(); i++) {
                if (difference.offer()[i]) {
                    BalanceObservation o = incoming.get(i);
                    byAccount.put(o.account().id().value(), Seen.of(o));
                }
            }
            difference.vanished().forEach(byAccount::remove);
            return new Poll(nextPollId, byAccount);
        }
    }

    /**
     * What a poll has to write beyond its snapshots: per incoming observation, whether its latest value may differ
     * ({@code offer}) and whether its account may have no latest row yet ({@code maybeNew}); and the accounts the
     * previous poll saw that this one did not.
     */
    record Difference(boolean[] offer, boolean[] maybeNew, List<String> vanished) {

        /** Nothing known about the previous poll: every observation is offered, and may be new. */
        static Difference unknown(int observations) {
            boolean[] all = new boolean[observations];
            Arrays.fill(all, true);
            return new Difference(all, all, List.of());
        }
    }

    private final Map<String, Poll> bySource = new ConcurrentHashMap<>();

    /** Removes and returns the source's entry if it describes {@code newestPollId}, the database's newest poll. */
    Optional<Poll> take(String source, long newestPollId) {
        Poll poll = bySource.remove(source);
        return poll != null && poll.pollId() == newestPollId ? Optional.of(poll) : Optional.empty();
    }

    void put(String source, Poll poll) {
        bySource.put(source, poll);
    }

    /**
     * Which incoming observations differ from the previous poll's (or are new), and which accounts the previous
     * poll had that this one lacks. Equality is the domain's: an equal amount at another scale counts as changed,
     * which costs only an update that SQL then skips.
     */
    static Difference difference(Poll previous, List<BalanceObservation> incoming, Map<String, ?> incomingById) {
        boolean[] changed = new boolean[incoming.size()];
        boolean[] unseen = new boolean[incoming.size()];
        int known = 0;
        for (int i = 0; i < changed.length; i++) {
            BalanceObservation now = incoming.get(i);
            Seen before = previous.byAccount().get(now.account().id().value());
            unseen[i] = before == null;
            known += before == null ? 0 : 1;
            changed[i] = before == null
                    || !before.balances().equals(now.balances())
                    || !before.providerAsOf().equals(now.providerAsOf());
        }
        // the incoming ids are distinct: when all the previous poll's accounts were found, none vanished
        if (known == previous.byAccount().size()) {
            return new Difference(changed, unseen, List.of());
        }
        List<String> vanished = new ArrayList<>();
        for (String id : previous.byAccount().keySet()) {
            if (!incomingById.containsKey(id)) {
                vanished.add(id);
            }
        }
        return new Difference(changed, unseen, vanished);
    }
}
