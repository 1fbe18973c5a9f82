package com.balancehistory.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.testing.FakeBalanceProvider;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.application.testing.InMemorySnapshotStore;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PollSourcesServiceTest {

    private final List<String> happened = java.util.Collections.synchronizedList(new ArrayList<>());

    private final SnapshotStore store = new InMemorySnapshotStore(7) {
        @Override
        public long openPollRun(PollTrigger trigger, Optional<String> requestedSource, Instant startedAt) {
            happened.add("open");
            return super.openPollRun(trigger, requestedSource, startedAt);
        }

        @Override
        public int recordSource(SourcePollRecord record) {
            happened.add("record " + record.source());
            return super.recordSource(record);
        }

        @Override
        public void finishPollRun(long pollId, Instant finishedAt) {
            happened.add("finish " + pollId);
            super.finishPollRun(pollId, finishedAt);
        }

        @Override
        public void interruptPollRun(long pollId, Instant interruptedAt) {
            happened.add("interrupt " + pollId);
            super.interruptPollRun(pollId, interruptedAt);
        }
    };

    private PollSourcesService service(com.balancehistory.application.port.out.AfterPollListener listener) {
        return new PollSourcesService(
                List.of(new FakeBalanceProvider("s", ProviderType.AHRVO)),
                store,
                Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC),
                Runnable::run,
                listener);
    }

    @Test
    void the_after_poll_listener_hears_of_every_run_once_it_is_recorded_and_finished() {
        List<PollRunSummary> heard = new ArrayList<>();

        PollRunSummary run = service(summary -> {
                    happened.add("listener");
                    heard.add(summary);
                })
                .pollNow(Optional.empty(), PollTrigger.ON_DEMAND);

        assertThat(happened).containsExactly("open", "record s", "finish 7", "listener");
        assertThat(heard).containsExactly(run);
        assertThat(run.sources())
                .singleElement()
                .satisfies(source -> assertThat(source.outcome()).isEqualTo(SourceOutcome.OK));
    }

    @Test
    void a_failing_listener_never_fails_the_poll_it_was_told_about() {
        PollRunSummary run = service(summary -> {
                    throw new IllegalStateException("evaluation broke");
                })
                .pollNow(Optional.of("s"), PollTrigger.SCHEDULE);

        assertThat(run.id()).isEqualTo(7);
        assertThat(happened).containsExactly("open", "record s", "finish 7");
    }

    @Test
    void a_poll_that_finds_the_source_still_being_fetched_records_it_as_skipped_saying_since_when() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeBalanceProvider slow = new FakeBalanceProvider("slow", ProviderType.HOLYHELD);
        slow.otherwise(() -> {
            fetching.countDown();
            awaitQuietly(release);
            return Fixtures.fetched("slow");
        });
        ExecutorService threads = Executors.newCachedThreadPool();
        PollSourcesService service = new PollSourcesService(
                List.of(slow), store, Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC), threads);
        try {
            Future<PollRunSummary> first =
                    threads.submit(() -> service.pollNow(Optional.of("slow"), PollTrigger.SCHEDULE));
            assertThat(fetching.await(5, TimeUnit.SECONDS)).isTrue();

            PollRunSummary second = service.pollNow(Optional.of("slow"), PollTrigger.SCHEDULE);
            release.countDown();

            assertThat(second.sources()).singleElement().satisfies(source -> {
                assertThat(source.outcome()).isEqualTo(SourceOutcome.SKIPPED);
                assertThat(source.error())
                        .hasValueSatisfying(error -> assertThat(error)
                                .contains("STILL_POLLING")
                                .contains("2026-03-02T10:00:00Z is still fetching"));
            });
            assertThat(first.get(5, TimeUnit.SECONDS).sources().get(0).outcome())
                    .isEqualTo(SourceOutcome.OK);
            assertThat(slow.calls()).isEqualTo(1);
            assertThat(service.pollNow(Optional.of("slow"), PollTrigger.SCHEDULE)
                            .sources()
                            .get(0)
                            .outcome())
                    .as("once the first poll is done")
                    .isEqualTo(SourceOutcome.OK);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_poll_of_every_source_records_each_answer_without_waiting_for_the_slowest_source() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeBalanceProvider hanging = new FakeBalanceProvider("hanging", ProviderType.HOLYHELD);
        hanging.otherwise(() -> {
            awaitQuietly(release);
            return Fixtures.fetched("hanging");
        });
        ExecutorService threads = Executors.newCachedThreadPool();
        PollSourcesService service = new PollSourcesService(
                List.of(hanging, new FakeBalanceProvider("healthy", ProviderType.AHRVO)),
                store,
                Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC),
                threads);
        try {
            Future<PollRunSummary> all = threads.submit(() -> service.pollNow(Optional.empty(), PollTrigger.ON_DEMAND));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!happened.contains("record healthy") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(happened)
                    .as("while the hanging source is still fetching")
                    .contains("record healthy")
                    .doesNotContain("record hanging");
            assertThat(all).isNotDone();
            release.countDown();
            assertThat(all.get(5, TimeUnit.SECONDS).sources()).hasSize(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void an_error_of_the_virtual_machine_in_a_fetch_is_rethrown_never_recorded_as_a_failed_source_and_closes_the_run() {
        FakeBalanceProvider broken = new FakeBalanceProvider("s", ProviderType.AHRVO);
        broken.otherwise(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        PollSourcesService service = new PollSourcesService(
                List.of(broken),
                store,
                Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC),
                Runnable::run);

        assertThatThrownBy(() -> service.pollNow(Optional.empty(), PollTrigger.SCHEDULE))
                .isInstanceOf(OutOfMemoryError.class);
        assertThat(happened)
                .as("the run is closed as interrupted, not left open")
                .containsExactly("open", "interrupt 7");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void one_account_id_named_twice_in_an_answer_is_recorded_by_no_occurrence_and_the_poll_is_partial_naming_it() {
        Account usd =
                Account.of("s", ProviderType.AHRVO, AccountKind.BUDGET, "b1", "Budget", CurrencyCodes.require("USD"));
        Account eur =
                Account.of("s", ProviderType.AHRVO, AccountKind.BUDGET, "b1", "Budget", CurrencyCodes.require("EUR"));
        Account other =
                Account.of("s", ProviderType.AHRVO, AccountKind.BUDGET, "b2", "Other", CurrencyCodes.require("USD"));
        InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
        FakeBalanceProvider provider = new FakeBalanceProvider("s", ProviderType.AHRVO)
                .answering(new FetchResult.Fetched(
                        "s",
                        List.of(balance(usd, "1.00"), balance(eur, "2.00"), balance(other, "3.00")),
                        List.of(),
                        List.of(),
                        Set.of(AccountKind.BUDGET),
                        List.of()));

        PollRunSummary run = recordingService(provider, snapshots).pollNow(Optional.empty(), PollTrigger.SCHEDULE);

        assertThat(run.sources().get(0).outcome()).isEqualTo(SourceOutcome.PARTIAL);
        assertThat(run.sources().get(0).error())
                .hasValueSatisfying(error -> assertThat(error)
                        .contains("account id b1 appears 2 times in one answer (USD, EUR): none of them recorded"));
        FetchResult.Fetched stored =
                (FetchResult.Fetched) snapshots.recorded().get(0).result();
        assertThat(stored.balances()).extracting(b -> b.account().externalId()).containsExactly("b2");
        assertThat(stored.fullyListedKinds()).as("b1 is not gone").isEmpty();
    }

    @Test
    void an_answer_in_which_every_account_failed_is_a_failed_poll_not_a_partial_one() {
        InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
        FakeBalanceProvider provider = new FakeBalanceProvider("s", ProviderType.GRANTEX)
                .answering(new FetchResult.Fetched(
                        "s",
                        List.of(),
                        List.of(),
                        List.of(FetchFailure.ofAccount("g1", "GET /grant", FailureKind.NOT_FOUND, "no allocation")),
                        Set.of(),
                        List.of()));

        PollRunSummary run = recordingService(provider, snapshots).pollNow(Optional.empty(), PollTrigger.SCHEDULE);

        assertThat(run.sources().get(0).outcome()).isEqualTo(SourceOutcome.FAILED);
        assertThat(snapshots.recorded().get(0).outcome()).isEqualTo(SourceOutcome.FAILED);
    }

    private static BalanceObservation balance(Account account, String amount) {
        return BalanceObservation.of(account, Balances.available(Money.parse(amount, account.currency())));
    }

    private static PollSourcesService recordingService(FakeBalanceProvider provider, InMemorySnapshotStore store) {
        return new PollSourcesService(
                List.of(provider),
                store,
                Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC),
                Runnable::run);
    }
}
