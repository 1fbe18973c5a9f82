package com.balancehistory.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.port.out.IdempotencyStore;
import com.balancehistory.application.port.out.IdempotencyStore.Claim;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} does; run against the in-memory fake and the PostgreSQL store. Each test uses
 * keys of its own, since the real store holds other tests' keys.
 */
public abstract class IdempotencyStoreContract {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant LONG_AGO = T0.minusSeconds(86_400);

    protected abstract IdempotencyStore store();

    @Test
    void the_first_claim_of_a_key_runs_and_the_next_ones_see_it_running_then_what_it_made() {
        String key = key();

        assertThat(store().claim("polls", key, T0, LONG_AGO)).isEqualTo(new Claim.Claimed());
        assertThat(store().claim("polls", key, T0.plusSeconds(1), LONG_AGO))
                .isEqualTo(new Claim.Taken(OptionalLong.empty()));

        store().complete("polls", key, 42);
        assertThat(store().claim("polls", key, T0.plusSeconds(2), LONG_AGO))
                .isEqualTo(new Claim.Taken(OptionalLong.of(42)));
    }

    @Test
    void a_key_is_its_own_in_each_scope() {
        String key = key();
        store().claim("polls", key, T0, LONG_AGO);
        store().complete("polls", key, 7);

        assertThat(store().claim("reports", key, T0, LONG_AGO)).isEqualTo(new Claim.Claimed());
        assertThat(store().claim("polls", key, T0, LONG_AGO)).isEqualTo(new Claim.Taken(OptionalLong.of(7)));
    }

    @Test
    void a_released_key_is_free_again_for_a_retry() {
        String key = key();
        store().claim("polls", key, T0, LONG_AGO);

        store().release("polls", key);

        assertThat(store().claim("polls", key, T0.plusSeconds(5), LONG_AGO)).isEqualTo(new Claim.Claimed());
    }

    @Test
    void a_claim_made_before_the_expiry_counts_as_free_and_the_new_claim_starts_afresh() {
        String key = key();
        store().claim("polls", key, T0, LONG_AGO);
        store().complete("polls", key, 9);

        Instant later = T0.plusSeconds(3600);
        assertThat(store().claim("polls", key, later, T0.plusSeconds(1))).isEqualTo(new Claim.Claimed());
        assertThat(store().claim("polls", key, later.plusSeconds(1), T0.plusSeconds(1)))
                .as("the new claim runs; what the expired one made is forgotten")
                .isEqualTo(new Claim.Taken(OptionalLong.empty()));
        assertThat(store().claim("polls", key, later.plusSeconds(2), later))
                .as("a claim made exactly at the expiry time still counts")
                .isEqualTo(new Claim.Taken(OptionalLong.empty()));
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }
}
