package com.balancehistory.application.service;

import com.balancehistory.application.port.in.PollRunSummary;
import com.balancehistory.application.port.in.PollTrigger;
import com.balancehistory.application.port.in.SourceOutcome;
import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.testing.FakeBalanceProvider;
import com.balancehistory.domain.account.ProviderType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PollSourcesServiceTest {

    private final List<String> happened = new ArrayList<>();

    private final SnapshotStore store = new SnapshotStore() {
        @Override
        public long openPollRun(PollTrigger trigger, Optional<String> requestedSource, Instant startedAt) {
            happened.add("open");
            return 7;
        }

        @Override
        public int recordSource(SourcePollRecord record) {
            happened.add("record " + record.source());
            return 1;
        }

        @Override
        public void finishPollRun(long pollId, Instant finishedAt) {
            happened.add("finish " + pollId);
        }
    };

    private PollSourcesService service(com.balancehistory.application.port.out.AfterPollListener listener) {
        return new PollSourcesService(List.of(new FakeBalanceProvider("s", ProviderType.AHRVO)), store,
                Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC), Runnable::run, listener);
    }

    @Test
    void the_after_poll_listener_hears_of_every_run_once_it_is_recorded_and_finished() {
        List<PollRunSummary> heard = new ArrayList<>();

        PollRunSummary run = service(summary -> {
            happened.add("listener");
            heard.add(summary);
        }).pollNow(Optional.empty(), PollTrigger.ON_DEMAND);

        assertThat(happened).containsExactly("open", "record s", "finish 7", "listener");
        assertThat(heard).containsExactly(run);
        assertThat(run.sources()).singleElement().satisfies(source ->
                assertThat(source.outcome()).isEqualTo(SourceOutcome.OK));
    }

    @Test
    void a_failing_listener_never_fails_the_poll_it_was_told_about() {
        PollRunSummary run = service(summary -> {
            throw new IllegalStateException("evaluation broke");
        }).pollNow(Optional.of("s"), PollTrigger.SCHEDULE);

        assertThat(run.id()).isEqualTo(7);
        assertThat(happened).containsExactly("open", "record s", "finish 7");
    }
}
