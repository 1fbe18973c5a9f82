package com.balancehistory.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * An explicit exchange rate: one unit of {@code from} buys {@code rate} units of {@code to}, as published by
 * {@code source} for {@code date}. Rates are never inferred (no inverse, no cross rates), so every conversion can be
 * traced back to a rate somebody supplied.
 */
public record FxRate(Currency from, Currency to, BigDecimal rate, LocalDate date, String source) {

    public FxRate {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(date, "date");
        if (from.equals(to)) {
            throw new IllegalArgumentException(
                    "an exchange rate needs two different currencies, got " + from.getCurrencyCode() + " twice");
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("exchange rate " + from.getCurrencyCode() + "->" + to.getCurrencyCode()
                    + " must be positive, got " + rate.toPlainString());
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException(
                    "exchange rate " + from.getCurrencyCode() + "->" + to.getCurrencyCode() + " needs a source");
        }
        source = source.strip();
    }

    /** A rate from currency codes and plain decimal text such as {@code "1.0834"} (same rules as amounts). */
    public static FxRate of(String fromCode, String toCode, String rate, LocalDate date, String source) {
        return new FxRate(
                CurrencyCodes.require(fromCode), CurrencyCodes.require(toCode), Money.parseDecimal(rate), date, source);
    }

    /** Converts an amount in {@code from} into {@code to}, rounding half-even to the target currency's scale. */
    public Money convert(Money amount) {
        if (!amount.hasCurrency(from)) {
            throw new CurrencyMismatchException("rate " + from.getCurrencyCode() + "->" + to.getCurrencyCode()
                    + " cannot convert " + amount.currencyCode());
        }
        BigDecimal converted =
                amount.amount().multiply(rate).setScale(to.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
        return Money.of(converted, to);
    }

    /** Whether this rate converts {@code source} into {@code target}. */
    public boolean converts(Currency sourceCurrency, Currency targetCurrency) {
        return from.equals(sourceCurrency) && to.equals(targetCurrency);
    }
}
