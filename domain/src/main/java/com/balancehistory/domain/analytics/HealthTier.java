package com.balancehistory.domain.analytics;

import com.balancehistory.domain.money.Money;
import java.util.Objects;

/** One step of a health scale: a balance of at least {@code minimum} earns {@code score} (0–100) and {@code label}. */
public record HealthTier(Money minimum, int score, String label) {

    public HealthTier {
        Objects.requireNonNull(minimum, "minimum");
        HealthScore.requireScoreAndLabel(score, label);
    }

    public static HealthTier atLeast(Money minimum, int score, String label) {
        return new HealthTier(minimum, score, label);
    }
}
