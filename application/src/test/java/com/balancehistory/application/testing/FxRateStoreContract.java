package com.balancehistory.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.fx.FxRateVersion;
import com.balancehistory.application.port.out.fx.FxRateStore;
import com.balancehistory.domain.money.FxRate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FxRateStore} does; run against the in-memory fake and the PostgreSQL store. The store may hold
 * other tests' versions, so each test looks only at the versions it stored (its own {@code storedBy}).
 */
public abstract class FxRateStoreContract {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    protected abstract FxRateStore store();

    @Test
    void a_stored_version_comes_back_exactly_with_its_rates_sorted_by_pair_and_date() {
        String by = "admin-" + UUID.randomUUID();
        FxRate gbp = FxRate.of("GBP", "USD", "1.270215", DAY, "BoE");
        FxRate eurLater = FxRate.of("EUR", "USD", "1.0834", DAY, "ECB");
        FxRate eurEarlier = FxRate.of("EUR", "USD", "0.000000000001", DAY.minusDays(1), "ECB");

        FxRateVersion stored = store().store(List.of(gbp, eurLater, eurEarlier), T0, by);

        assertThat(stored.rates()).containsExactly(eurEarlier, eurLater, gbp);
        assertThat(mine(by)).containsExactly(stored);
        assertThat(mine(by).get(0).storedAt()).isEqualTo(T0);
    }

    @Test
    void each_store_is_a_new_higher_version_and_earlier_versions_stay_as_they_were() {
        String by = "admin-" + UUID.randomUUID();
        FxRate first = FxRate.of("EUR", "USD", "1.08", DAY, "ECB");
        FxRate second = FxRate.of("EUR", "USD", "1.09", DAY, "ECB corrected");

        FxRateVersion one = store().store(List.of(first), T0, by);
        FxRateVersion two = store().store(List.of(second), T0.plusSeconds(60), by);

        assertThat(two.version()).isGreaterThan(one.version());
        assertThat(mine(by)).containsExactly(one, two);
        assertThat(mine(by).get(0).rates()).containsExactly(first);
    }

    private List<FxRateVersion> mine(String by) {
        return store().versions().stream()
                .filter(version -> version.storedBy().equals(by))
                .toList();
    }
}
