package com.balancehistory.domain.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * An explicit exchange rate: one unit of {@code from} buys {@code rate} units of {@code to}, as published by
 * {@code source} for {@code date}. Rates are never inferred (no inverse, no cross rates), so every conversion can be
 * traced back to a rate somebody supplied.
 */
public record FxRate(Currency from, Currency to, BigDecimal rate, LocalDate date, String source) {

    /** A rate is stored as NUMERIC(24,12): at most this many digits before and after the point. */
    public static final int MAX_RATE_DIGITS = 12;

    public static final int MAX_SOURCE_LENGTH = 200;

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
            throw new IllegalArgumentException(
                    "exchange rate " + pair(from, to) + " must be positive, got " + rate.toPlainString());
        }
        BigDecimal plain = rate.stripTrailingZeros();
        if (plain.scale() > MAX_RATE_DIGITS || plain.precision() - plain.scale() > MAX_RATE_DIGITS) {
            throw new IllegalArgumentException("exchange rate " + pair(from, to) + " " + rate.toPlainString()
                    + " has more than " + MAX_RATE_DIGITS + " digits before or after the decimal point");
        }
        // equal rates compare equal however many trailing zeros they were written with (1.10 is 1.1)
        rate = plain.scale() < 0 ? plain.setScale(0) : plain;
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("exchange rate " + pair(from, to) + " needs a source");
        }
        source = source.strip();
        if (source.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException(
                    "exchange rate " + pair(from, to) + ": source is longer than " + MAX_SOURCE_LENGTH + " characters");
        }
    }

    /** A rate from currency codes and plain decimal text such as {@code "1.0834"} (same rules as amounts). */
    public static FxRate of(String fromCode, String toCode, String rate, LocalDate date, String source) {
        return new FxRate(
                CurrencyCodes.require(fromCode), CurrencyCodes.require(toCode), Money.parseDecimal(rate), date, source);
    }

    /**
     * A rate from the five texts an operator writes ({@code date} as ISO {@code 2026-11-30}), each checked on its own
     * so that the error names the field at fault.
     *
     * @throws InvalidFxRateException naming {@code from}, {@code to}, {@code rate}, {@code date} or {@code source}
     */
    public static FxRate parse(String fromCode, String toCode, String rate, String date, String source) {
        Currency from = currency("from", fromCode);
        Currency to = currency("to", toCode);
        if (from.equals(to)) {
            throw new InvalidFxRateException("to", "a rate needs two different currencies, got " + to + " twice");
        }
        BigDecimal value;
        try {
            value = Money.parseDecimal(rate);
        } catch (InvalidAmountException e) {
            throw new InvalidFxRateException(
                    "rate", e.getMessage().replace("amount", "rate") + " (write it as text, e.g. \"1.0834\")");
        }
        if (date == null || date.isBlank()) {
            throw new InvalidFxRateException("date", "missing (an ISO date such as 2026-11-30)");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidFxRateException(
                    "date", "'" + abbreviate(date) + "' is not an ISO date such as 2026-11-30");
        }
        if (source == null || source.isBlank()) {
            throw new InvalidFxRateException("source", "missing (who published the rate, e.g. ECB)");
        }
        if (source.strip().length() > MAX_SOURCE_LENGTH) {
            throw new InvalidFxRateException("source", "longer than " + MAX_SOURCE_LENGTH + " characters");
        }
        try {
            return new FxRate(from, to, value, day, source);
        } catch (IllegalArgumentException e) {
            // what is left to refuse is the value: not positive, or too many digits
            throw new InvalidFxRateException("rate", e.getMessage());
        }
    }

    private static Currency currency(String field, String code) {
        try {
            return CurrencyCodes.require(code == null ? null : code.strip());
        } catch (UnknownCurrencyException e) {
            throw new InvalidFxRateException(field, e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** The exact, unrounded value of an amount in {@code from} expressed in {@code to}. */
    public BigDecimal product(Money amount) {
        if (!amount.hasCurrency(from)) {
            throw new CurrencyMismatchException("rate " + pair() + " cannot convert " + amount.currencyCode());
        }
        return amount.amount().multiply(rate);
    }

    /** Whether this rate converts {@code source} into {@code target}. */
    public boolean converts(Currency sourceCurrency, Currency targetCurrency) {
        return from.equals(sourceCurrency) && to.equals(targetCurrency);
    }

    /** The pair as text, {@code EUR->USD}. */
    public String pair() {
        return pair(from, to);
    }

    private static String pair(Currency from, Currency to) {
        return from.getCurrencyCode() + "->" + to.getCurrencyCode();
    }
}
