package com.balancehistory.application.service;

import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.in.PollSourcesUseCase;
import com.balancehistory.application.port.in.StartedPoll;
import com.balancehistory.application.port.in.UnknownSourceException;
import com.balancehistory.application.port.out.AfterPollListener;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.PollLogContext;
import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.port.out.SourcePollRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Asks sources for their balances and records each source's result in its own transaction, so one failing source
 * never loses or delays another's rows. Sources are fetched concurrently on the given executor. A source is fetched
 * by one scheduled poll at a time: a scheduled poll that finds it still being fetched records it as skipped, saying
 * since when (a poll asked for on demand fetches it anyway).
 */
public final class PollSourcesService implements PollSourcesUseCase {

    private static final Logger LOG = Logger.getLogger(PollSourcesService.class.getName());

    private final Map<String, BalanceProvider> providers;
    private final SnapshotStore store;
    private final Clock clock;
    private final Executor executor;
    private final AfterPollListener afterPoll;
    private final PollLogContext logContext;
    private final ConcurrentMap<String, Instant> fetchingSince = new ConcurrentHashMap<>();

    public PollSourcesService(List<BalanceProvider> providers, SnapshotStore store, Clock clock, Executor executor) {
        this(providers, store, clock, executor, AfterPollListener.NONE);
    }

    /** @param afterPoll told after each recorded run (e.g. alert evaluation); its failures are logged, not thrown */
    public PollSourcesService(
            List<BalanceProvider> providers,
            SnapshotStore store,
            Clock clock,
            Executor executor,
            AfterPollListener afterPoll) {
        this(providers, store, clock, executor, afterPoll, PollLogContext.NONE);
    }

    /** @param logContext names the poll and source in every log line written while a source is polled */
    public PollSourcesService(
            List<BalanceProvider> providers,
            SnapshotStore store,
            Clock clock,
            Executor executor,
            AfterPollListener afterPoll,
            PollLogContext logContext) {
        this.logContext = logContext;
        this.providers = providers.stream()
                .collect(Collectors.toMap(
                        BalanceProvider::sourceName,
                        p -> p,
                        (a, b) -> {
                            throw new IllegalArgumentException("two sources named '" + a.sourceName() + "'");
                        },
                        LinkedHashMap::new));
        this.store = store;
        this.clock = clock;
        this.executor = executor;
        this.afterPoll = afterPoll;
    }

    @Override
    public PollRunSummary pollNow(Optional<String> source, PollTrigger trigger) {
        List<BalanceProvider> selected = select(source);
        Instant startedAt = clock.instant();
        return run(store.openPollRun(trigger, source, startedAt), selected, source, trigger, startedAt);
    }

    @Override
    public StartedPoll start(Optional<String> source, PollTrigger trigger) {
        List<BalanceProvider> selected = select(source);
        Instant startedAt = clock.instant();
        long pollId = store.openPollRun(trigger, source, startedAt);
        PollRunSummary opened = new PollRunSummary(pollId, trigger, source, startedAt, Optional.empty(), List.of());
        return new StartedPoll(
                opened,
                CompletableFuture.supplyAsync(() -> run(pollId, selected, source, trigger, startedAt), executor));
    }

    private PollRunSummary run(
            long pollId,
            List<BalanceProvider> selected,
            Optional<String> source,
            PollTrigger trigger,
            Instant startedAt) {
        List<CompletableFuture<PollRunSummary.SourceResult>> running = new ArrayList<>();
        for (BalanceProvider provider : selected) {
            running.add(CompletableFuture.supplyAsync(() -> pollOne(pollId, provider, trigger), executor));
        }
        List<PollRunSummary.SourceResult> results;
        try {
            results = running.stream()
                    .map(PollSourcesService::joinRethrowingErrors)
                    .toList();
        } catch (Error error) {
            closeAsInterrupted(pollId, error);
            throw error;
        }
        Instant finishedAt = clock.instant();
        store.finishPollRun(pollId, finishedAt);
        PollRunSummary run = new PollRunSummary(pollId, trigger, source, startedAt, Optional.of(finishedAt), results);
        if (trigger == PollTrigger.ON_DEMAND) {
            LOG.info("on-demand poll " + pollId + " of " + source.orElse("every source") + " finished in "
                    + Duration.between(startedAt, finishedAt).toMillis() + " ms: "
                    + results.stream()
                            .map(r -> r.source() + " " + r.outcome().code())
                            .collect(Collectors.joining(", ")));
        }
        try {
            afterPoll.pollRecorded(run);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "after poll " + pollId + ": listener failed", e);
        }
        return run;
    }

    /** Without this the run would stay open, and kept alive by this instance's heartbeat, until a restart. */
    private void closeAsInterrupted(long pollId, Error error) {
        try {
            store.interruptPollRun(pollId, clock.instant());
        } catch (RuntimeException | Error closing) {
            error.addSuppressed(closing);
        }
    }

    @Override
    public List<String> sourceNames() {
        return List.copyOf(providers.keySet());
    }

    @Override
    public String providerOf(String source) {
        return select(Optional.of(source)).get(0).providerType().configName();
    }

    private List<BalanceProvider> select(Optional<String> source) {
        if (source.isEmpty()) {
            return List.copyOf(providers.values());
        }
        BalanceProvider provider = providers.get(source.get());
        if (provider == null) {
            throw new UnknownSourceException(source.get());
        }
        return List.of(provider);
    }

    /** A JVM error (out of memory, stack overflow) in a source's poll is rethrown as itself, never as a failure. */
    private static <T> T joinRethrowingErrors(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** A scheduled poll skips a source still being fetched; one asked for on demand fetches it anyway. */
    private PollRunSummary.SourceResult pollOne(long pollId, BalanceProvider provider, PollTrigger trigger) {
        try (PollLogContext.Scope marked = logContext.enter(pollId, provider.sourceName())) {
            PollRunSummary.SourceResult result = fetchAndRecord(pollId, provider, trigger);
            LOG.info("poll " + pollId + " source " + result.source() + ": "
                    + result.outcome().code() + " ("
                    + result.accountsSeen() + " accounts, " + result.rowsWritten() + " rows, "
                    + Duration.between(result.startedAt(), clock.instant()).toMillis() + " ms)"
                    + result.error().map(error -> ": " + error).orElse(""));
            return result;
        }
    }

    private PollRunSummary.SourceResult fetchAndRecord(long pollId, BalanceProvider provider, PollTrigger trigger) {
        Instant startedAt = clock.instant();
        Instant busySince = fetchingSince.putIfAbsent(provider.sourceName(), startedAt);
        if (busySince != null && trigger == PollTrigger.SCHEDULE) {
            return record(
                    pollId,
                    provider,
                    startedAt,
                    new FetchResult.Failed(
                            provider.sourceName(),
                            FetchFailure.ofSource(
                                    "fetch",
                                    FailureKind.STILL_POLLING,
                                    "not called: the poll started at " + busySince
                                            + " is still fetching this source")));
        }
        FetchResult result;
        try {
            result = fetchSafely(provider);
            if (result instanceof FetchResult.Fetched fetched) {
                result = DuplicateAccounts.reject(fetched);
            }
        } finally {
            fetchingSince.remove(provider.sourceName(), startedAt);
        }
        return record(pollId, provider, startedAt, result);
    }

    private PollRunSummary.SourceResult record(
            long pollId, BalanceProvider provider, Instant startedAt, FetchResult result) {
        Instant observedAt = clock.instant();
        String providerName = provider.providerType().configName();
        SourcePollRecord record =
                SourcePollRecord.of(pollId, provider.sourceName(), providerName, startedAt, observedAt, result);
        int rowsWritten;
        try {
            rowsWritten = store.recordSource(record);
        } catch (RuntimeException storeFailure) {
            LOG.log(
                    Level.SEVERE,
                    "could not record poll " + pollId + " of source " + provider.sourceName(),
                    storeFailure);
            return new PollRunSummary.SourceResult(
                    provider.sourceName(),
                    providerName,
                    SourceOutcome.FAILED,
                    Optional.of("recording failed: " + storeFailure.getMessage()),
                    SourceResults.accountsSeen(result),
                    0,
                    startedAt,
                    clock.instant());
        }
        return new PollRunSummary.SourceResult(
                provider.sourceName(),
                providerName,
                record.outcome(),
                record.error(),
                SourceResults.accountsSeen(result),
                rowsWritten,
                startedAt,
                observedAt,
                SourceResults.retryAtOf(result));
    }

    /** A provider that throws despite its contract is a bug there; the poll records it and goes on. */
    private static FetchResult fetchSafely(BalanceProvider provider) {
        try {
            return provider.fetch();
        } catch (RuntimeException bug) {
            LOG.log(Level.SEVERE, "source " + provider.sourceName() + " threw instead of returning a failure", bug);
            return new FetchResult.Failed(
                    provider.sourceName(),
                    FetchFailure.ofSource(
                            "fetch",
                            FailureKind.UNAVAILABLE,
                            "unexpected " + bug.getClass().getSimpleName()));
        }
    }
}
