package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.out.testing.TestRuntime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final TestRuntime test = new TestRuntime();
    private final CircuitBreaker breaker =
            new CircuitBreaker(2, Duration.ofMinutes(1), test.runtime().clock());

    @Test
    void stays_closed_while_failures_are_not_consecutive() {
        breaker.recordFailure();
        breaker.recordSuccess();
        breaker.recordFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allowCall()).isTrue();
    }

    @Test
    void opens_at_the_threshold_and_lets_one_trial_through_after_the_cool_down() {
        breaker.recordFailure();
        breaker.recordFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allowCall()).isFalse();
        assertThat(breaker.openUntil()).isEqualTo(test.now().plus(Duration.ofMinutes(1)));

        test.advance(Duration.ofMinutes(1));
        assertThat(breaker.allowCall()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.allowCall()).as("only one trial at a time").isFalse();
        breaker.recordSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void a_threshold_of_zero_disables_it() {
        CircuitBreaker disabled =
                new CircuitBreaker(0, Duration.ofMinutes(1), test.runtime().clock());
        for (int i = 0; i < 10; i++) {
            disabled.recordFailure();
        }
        assertThat(disabled.allowCall()).isTrue();
    }
}
