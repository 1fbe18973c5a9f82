package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.domain.account.ProviderType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When a source cannot poll, and what it says, as the health details and the can-poll gauge read it. */
class CircuitBreakingProviderTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String TOKEN = "tok-3141";

    @Test
    void a_fetch_that_throws_counts_as_a_failed_fetch_so_a_provider_that_always_throws_opens_the_breaker() {
        Throwing provider = new Throwing(Optional.empty());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(provider::fetch).hasMessageContaining("a bug in the parser");
        }
        FetchResult refused = provider.fetch();

        assertThat(((FetchResult.Failed) refused).failure().kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
        assertThat(provider.calls).hasValue(3);
        assertThat(provider.cannotPoll())
                .hasValue("circuit open after 3 consecutive failed fetches, next try after 2026-03-02T10:05:00Z");
    }

    @Test
    void a_client_that_cannot_send_is_named_first_and_without_the_sources_credentials() {
        Throwing provider = new Throwing(Optional.of("the HTTP client had died and could not be rebuilt: " + TOKEN));

        assertThat(provider.cannotPoll())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("the HTTP client had died and could not be rebuilt: ")
                        .doesNotContain(TOKEN));
    }

    @Test
    void a_source_with_a_closed_breaker_and_a_live_client_can_poll() {
        assertThat(new Throwing(Optional.empty()).cannotPoll()).isEmpty();
    }

    /** A provider whose every fetch throws, as a bug in a provider's parser would. */
    private static final class Throwing extends CircuitBreakingProvider {
        final AtomicInteger calls = new AtomicInteger();
        private final Optional<String> cannotSend;

        Throwing(Optional<String> cannotSend) {
            super(
                    "throwing",
                    ProviderType.HOLYHELD,
                    new CircuitBreaker(3, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC)),
                    new Redactor(List.of(Secret.of(TOKEN))));
            this.cannotSend = cannotSend;
        }

        @Override
        protected FetchResult fetchNow() {
            calls.incrementAndGet();
            throw new IllegalStateException("a bug in the parser");
        }

        @Override
        protected String primaryEndpoint() {
            return "GET /balance";
        }

        @Override
        protected Optional<String> cannotSend() {
            return cannotSend;
        }
    }
}
