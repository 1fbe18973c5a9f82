package com.balancehistory.application.testing;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.limit.CardLimitObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The in-memory twin of the poll-run tables: runs with their ids, ends and interruptions, and each source's result
 * of a run, which a replay does not write again; checked against the PostgreSQL store by {@link
 * SnapshotStoreContract}. Tests that want to see the order of calls extend it.
 */
public class InMemorySnapshotStore implements SnapshotStore {

    /** A stored poll run; {@code results} holds each recorded source's record with the rows it wrote. */
    public record PollRun(
            long id,
            PollTrigger trigger,
            Optional<String> requestedSource,
            Instant startedAt,
            Optional<Instant> finishedAt,
            boolean interrupted,
            Map<String, Result> results) {}

    /** One source's recorded result of a run. */
    public record Result(SourcePollRecord record, int rowsWritten) {}

    private final AtomicLong nextId;
    private final Map<Long, PollRun> runs = new LinkedHashMap<>();
    private final List<SourcePollRecord> recorded = new ArrayList<>();

    public InMemorySnapshotStore() {
        this(1);
    }

    /** A store whose first run gets {@code firstId}, as a sequence that other runs have used before. */
    public InMemorySnapshotStore(long firstId) {
        this.nextId = new AtomicLong(firstId);
    }

    @Override
    public synchronized long openPollRun(PollTrigger trigger, Optional<String> requestedSource, Instant startedAt) {
        long id = nextId.getAndIncrement();
        runs.put(
                id,
                new PollRun(id, trigger, requestedSource, startedAt, Optional.empty(), false, new LinkedHashMap<>()));
        return id;
    }

    @Override
    public synchronized int recordSource(SourcePollRecord record) {
        PollRun run = run(record.pollId());
        if (run.results().containsKey(record.source())) {
            return 0;
        }
        int rows = rows(record.result());
        run.results().put(record.source(), new Result(record, rows));
        recorded.add(record);
        return rows;
    }

    @Override
    public synchronized void finishPollRun(long pollId, Instant finishedAt) {
        PollRun run = run(pollId);
        runs.put(pollId, ended(run, finishedAt, run.interrupted()));
    }

    @Override
    public synchronized void interruptPollRun(long pollId, Instant interruptedAt) {
        PollRun run = run(pollId);
        if (run.finishedAt().isEmpty()) {
            runs.put(pollId, ended(run, interruptedAt, true));
        }
    }

    /** The run {@code pollId} as it is stored now. */
    public synchronized PollRun run(long pollId) {
        PollRun run = runs.get(pollId);
        if (run == null) {
            throw new IllegalArgumentException("no poll run " + pollId);
        }
        return run;
    }

    /** Every record that was written, in the order it was, replays left out. */
    public synchronized List<SourcePollRecord> recorded() {
        return List.copyOf(recorded);
    }

    private static PollRun ended(PollRun run, Instant at, boolean interrupted) {
        return new PollRun(
                run.id(),
                run.trigger(),
                run.requestedSource(),
                run.startedAt(),
                Optional.of(at),
                interrupted,
                run.results());
    }

    /** A row per account's balance and per card's limit period, an account named twice counted once. */
    private static int rows(FetchResult result) {
        if (!(result instanceof FetchResult.Fetched fetched)) {
            return 0;
        }
        Set<String> accounts = fetched.balances().stream()
                .map(balance -> balance.account().id().value())
                .collect(Collectors.toSet());
        Map<String, CardLimitObservation> cards = new LinkedHashMap<>();
        fetched.cardLimits().forEach(limits -> cards.put(limits.card().id().value(), limits));
        return accounts.size()
                + cards.values().stream()
                        .mapToInt(limits -> limits.remaining().size())
                        .sum();
    }
}
