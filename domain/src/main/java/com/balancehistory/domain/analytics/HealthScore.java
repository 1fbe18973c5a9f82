package com.balancehistory.domain.analytics;

import com.balancehistory.domain.money.Money;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A balance's health: a score from 0 to 100 with a label such as {@code "GOOD"}, or {@value #UNRATED} without a score
 * when no tiers are configured for the balance's currency.
 */
public record HealthScore(Money balance, OptionalInt score, String label) {

    public static final String UNRATED = "UNRATED";

    public HealthScore {
        Objects.requireNonNull(balance, "balance");
        score = score == null ? OptionalInt.empty() : score;
        if (score.isPresent()) {
            requireScoreAndLabel(score.getAsInt(), label);
        } else if (!UNRATED.equals(label)) {
            throw new IllegalArgumentException("a health score without a score is " + UNRATED + ", not " + label);
        }
    }

    public static HealthScore rated(Money balance, int score, String label) {
        return new HealthScore(balance, OptionalInt.of(score), label);
    }

    public static HealthScore unrated(Money balance) {
        return new HealthScore(balance, OptionalInt.empty(), UNRATED);
    }

    public boolean isRated() {
        return score.isPresent();
    }

    static void requireScoreAndLabel(int score, String label) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("a health score is between 0 and 100, got " + score);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a health score needs a label");
        }
        if (UNRATED.equals(label)) {
            throw new IllegalArgumentException(UNRATED + " is reserved for currencies without tiers");
        }
    }
}
