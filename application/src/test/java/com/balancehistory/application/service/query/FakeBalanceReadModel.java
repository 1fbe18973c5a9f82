package com.balancehistory.application.service.query;

import com.balancehistory.application.model.query.FailedPoll;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.model.query.TopUpEvent;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.application.port.out.query.BalanceRows;
import com.balancehistory.application.port.out.query.BalanceSelection;
import com.balancehistory.application.port.out.query.BucketAggregate;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.analytics.BalancePoint;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory read model: snapshots and failed polls kept in lists, aggregated the way the SQL one does; checked
 * against it by {@link com.balancehistory.application.testing.BalanceReadModelContract}.
 */
final class FakeBalanceReadModel implements BalanceReadModel {

    private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
    private final Map<AccountId, List<BalancePoint>> snapshots = new LinkedHashMap<>();
    private final Map<AccountId, Instant> gone = new LinkedHashMap<>();
    private final List<FailedPoll> failed = new ArrayList<>();
    private final Map<Long, String> failedSource = new LinkedHashMap<>();
    /** The poll that saw each snapshot, by the snapshot's own instance. */
    private final Map<BalancePoint, Long> pollOf = new IdentityHashMap<>();

    private long polls;

    /** A new poll id. */
    long nextPoll() {
        return ++polls;
    }

    void add(Account account, Instant at, String amount) {
        add(account, at, amount, nextPoll());
    }

    void add(Account account, Instant at, String amount, long pollId) {
        accounts.put(account.id(), account);
        BalancePoint point = BalancePoint.of(at, Money.parse(amount, account.currency()));
        pollOf.put(point, pollId);
        snapshots.computeIfAbsent(account.id(), id -> new ArrayList<>()).add(point);
        snapshots.get(account.id()).sort(Comparator.comparing(BalancePoint::at));
    }

    void markGone(Account account, Instant at) {
        gone.put(account.id(), at);
    }

    void fail(String source, FailedPoll poll) {
        failed.add(poll);
        failedSource.put(poll.pollId(), source);
    }

    /** Not offered: the fake would have to filter and sort as the SQL does, and no application test lists balances. */
    @Override
    public BalanceRows latestBalances(BalanceSelection selection) {
        throw new UnsupportedOperationException("the fake read model does not select balances");
    }

    @Override
    public List<LatestBalance> allLatestBalances() {
        return accounts.keySet().stream()
                .map(this::latestBalance)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public Optional<LatestBalance> latestBalance(AccountId id) {
        List<BalancePoint> points = snapshots.get(id);
        if (points == null || points.isEmpty()) {
            return Optional.empty();
        }
        BalancePoint last = points.get(points.size() - 1);
        return Optional.of(new LatestBalance(
                accounts.get(id),
                Balances.available(last.balance()),
                last.at(),
                Optional.empty(),
                Optional.ofNullable(gone.get(id))));
    }

    private List<BalancePoint> between(AccountId id, Instant from, Instant to) {
        return snapshots.getOrDefault(id, List.of()).stream()
                .filter(p -> !p.at().isBefore(from) && p.at().isBefore(to))
                .toList();
    }

    @Override
    public long countSnapshots(AccountId id, Instant from, Instant to) {
        return between(id, from, to).size();
    }

    @Override
    public List<BalancePoint> availableHistory(AccountId id, Instant from, Instant to, int limit) {
        return between(id, from, to).stream().limit(limit).toList();
    }

    @Override
    public List<BucketAggregate> aggregate(AccountId id, List<Instant> boundaries) {
        List<BucketAggregate> result = new ArrayList<>();
        for (int i = 0; i < boundaries.size() - 1; i++) {
            List<BalancePoint> in = between(id, boundaries.get(i), boundaries.get(i + 1));
            if (!in.isEmpty()) {
                List<Money> amounts = in.stream().map(BalancePoint::balance).toList();
                result.add(new BucketAggregate(
                        i,
                        amounts.get(0),
                        amounts.get(amounts.size() - 1),
                        amounts.stream().reduce(Money::min).orElseThrow(),
                        amounts.stream().reduce(Money::max).orElseThrow(),
                        in.size()));
            }
        }
        return result;
    }

    @Override
    public List<FailedPoll> failedPolls(String source, Instant from, Instant to) {
        return failed.stream()
                .filter(p -> failedSource.get(p.pollId()).equals(source))
                .filter(p -> !p.at().isBefore(from) && p.at().isBefore(to))
                .toList();
    }

    /** Every increase is a top-up here, as in the real store without configured noise. */
    @Override
    public List<TopUpEvent> topUps(AccountId account, Instant from, Instant to) {
        List<BalancePoint> points = snapshots.getOrDefault(account, List.of());
        List<TopUpEvent> events = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            BalancePoint before = points.get(i - 1);
            BalancePoint after = points.get(i);
            if (after.balance().isGreaterThan(before.balance())
                    && !after.at().isBefore(from)
                    && after.at().isBefore(to)) {
                events.add(new TopUpEvent(
                        account.value(),
                        after.at(),
                        pollOf.get(after),
                        before.balance(),
                        after.balance(),
                        after.balance().minus(before.balance())));
            }
        }
        return events;
    }
}
