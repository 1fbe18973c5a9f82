package com.balancehistory.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount in one ISO 4217 currency, held at the currency's minor-unit scale (JPY 0, USD 2, BHD 3).
 *
 * <p>Extra decimals: trailing zeros beyond the currency's scale are accepted and dropped ({@code "100.0000"} USD is
 * 100.00); any other digit beyond it is rejected, because rounding a provider's amount would silently change it.
 * Equality is by value: {@code 10.5 EUR} equals {@code 10.50 EUR}. Arithmetic and comparison across currencies throw
 * {@link CurrencyMismatchException}; nothing converts silently.
 */
public final class Money implements Comparable<Money> {

    /** Plain decimal text: optional minus, digits, optional fraction. No exponent, no grouping, no NaN. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static final int MAX_TEXT_LENGTH = 40;
    /** The widest amount history can hold: NUMERIC(24,4) has 20 digits before the point. */
    public static final int MAX_INTEGER_DIGITS = 20;
    /** Decimals beyond this are never trailing zeros worth reading: a provider sending more is broken. */
    private static final int MAX_DECIMALS = MAX_TEXT_LENGTH;

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /** Parses provider text such as {@code "45250.75"}, {@code "50"} or {@code "100.0000"}. */
    public static Money parse(String text, Currency currency) {
        return of(parseDecimal(text), currency);
    }

    /** Parses provider text with a currency code such as {@code "USD"}. */
    public static Money parse(String text, String currencyCode) {
        return parse(text, CurrencyCodes.require(currencyCode));
    }

    /** An exact decimal (for example a JSON number read as {@link BigDecimal}, never via double). */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = scaleOf(currency);
        BigDecimal bounded = requireBounded(amount);
        BigDecimal scaled;
        try {
            scaled = bounded.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException tooPrecise) {
            throw new InvalidAmountException("amount " + bounded.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + scale + ")");
        }
        return new Money(scaled, currency);
    }

    /**
     * Rejects a decimal too large or too finely written to be an amount, judged from its precision and scale alone,
     * so an exponent such as {@code 1e999999999} is never expanded into its digits.
     */
    public static BigDecimal requireBounded(BigDecimal amount) {
        if (amount.signum() == 0) {
            return amount.scale() < 0 || amount.scale() > MAX_DECIMALS ? BigDecimal.ZERO : amount;
        }
        long integerDigits = (long) amount.precision() - amount.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new InvalidAmountException("amount " + abbreviate(amount.toString()) + " has more than "
                    + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (amount.scale() > MAX_DECIMALS) {
            throw new InvalidAmountException(
                    "amount " + abbreviate(amount.toString()) + " has more than " + MAX_DECIMALS + " decimals");
        }
        return amount;
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return of(amount, CurrencyCodes.require(currencyCode));
    }

    public static Money zero(Currency currency) {
        return of(BigDecimal.ZERO, currency);
    }

    /**
     * Parses plain decimal text into an exact {@link BigDecimal}, rejecting what a provider should never send:
     * empty text, NaN, infinity, exponent notation, grouping separators, or anything non-numeric.
     */
    public static BigDecimal parseDecimal(String text) {
        if (text == null) {
            throw new InvalidAmountException("amount is missing");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidAmountException("amount is empty");
        }
        if (trimmed.length() > MAX_TEXT_LENGTH || !DECIMAL.matcher(trimmed).matches()) {
            throw new InvalidAmountException("amount '" + abbreviate(trimmed) + "' is not a plain decimal number");
        }
        return new BigDecimal(trimmed);
    }

    private static int scaleOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            // pseudo-currencies such as XXX or XAU have no minor unit: not money we can hold exactly
            throw new InvalidAmountException("currency " + currency.getCurrencyCode() + " has no minor unit");
        }
        return digits;
    }

    private static String abbreviate(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "...";
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return amount.signum() < 0 ? negate() : this;
    }

    /** Multiplies by an exact factor, rounding half-even to the currency's scale. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor).setScale(amount.scale(), RoundingMode.HALF_EVEN), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isAtLeast(Money other) {
        return compareTo(other) >= 0;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean hasCurrency(Currency other) {
        return currency.equals(other);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other, String operation) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException("cannot " + operation + " " + currency.getCurrencyCode() + " and "
                    + other.currency.getCurrencyCode() + " without an exchange rate");
        }
    }

    /** The amount as plain text at the currency's scale, e.g. {@code "45250.75"} or {@code "0.00"}. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
