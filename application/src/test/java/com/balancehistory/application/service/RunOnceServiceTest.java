package com.balancehistory.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.port.in.RunOnceUseCase;
import com.balancehistory.application.testing.InMemoryIdempotencyStore;
import com.balancehistory.application.testing.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunOnceServiceTest {

    final MovingClock clock = new MovingClock(Instant.parse("2026-12-06T10:00:00Z"));
    final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    final RunOnceService service = new RunOnceService(store, clock, Duration.ofHours(24));
    final AtomicLong runs = new AtomicLong();

    @Test
    void a_retried_request_with_the_same_key_gets_the_first_result_without_running_again() {
        RunOnceUseCase.Once first = service.once("polls", "k-1", () -> 100 + runs.incrementAndGet());
        RunOnceUseCase.Once retry = service.once("polls", "k-1", () -> 100 + runs.incrementAndGet());

        assertThat(first).isEqualTo(new RunOnceUseCase.Once(101, false));
        assertThat(retry).isEqualTo(new RunOnceUseCase.Once(101, true));
        assertThat(runs).hasValue(1);
    }

    @Test
    void keys_are_per_scope_and_expire_after_the_keeping_time() {
        service.once("polls", "k-2", runs::incrementAndGet);
        service.once("reports", "k-2", runs::incrementAndGet);
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        RunOnceUseCase.Once later = service.once("polls", "k-2", runs::incrementAndGet);

        assertThat(runs).hasValue(3);
        assertThat(later.repeated()).isFalse();
    }

    @Test
    void a_request_still_running_under_the_key_is_refused_and_a_failed_one_frees_its_key() {
        store.claim("polls", "busy", clock.instant(), Instant.MIN);
        assertThatThrownBy(() -> service.once("polls", "busy", runs::incrementAndGet))
                .isInstanceOf(RunOnceUseCase.RequestInProgressException.class);

        assertThatThrownBy(() -> service.once("polls", "fails", () -> {
                    throw new IllegalStateException("provider down");
                }))
                .hasMessage("provider down");
        assertThat(service.once("polls", "fails", runs::incrementAndGet).repeated())
                .isFalse();
    }

    @Test
    void a_key_longer_than_200_characters_is_refused_naming_the_limit() {
        assertThatThrownBy(() -> service.once("polls", "x".repeat(201), runs::incrementAndGet))
                .hasMessageContaining("1 to 200 characters");
    }
}
