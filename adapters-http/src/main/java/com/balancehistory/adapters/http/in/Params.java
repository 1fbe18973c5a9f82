package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.Label;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one parser of request parameters, used by every controller: every mistake becomes a 400 problem that names the
 * parameter and says what was expected. Controllers bind parameters as text and read them here, so that a malformed
 * value is answered in the client's terms, the same way on every route; their OpenAPI schemas say the type meant.
 */
public final class Params {

    private static final int MAX_TEXT = 200;

    private Params() {}

    public static Optional<String> text(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT) {
            throw ApiProblem.invalidParameter(name, name + " is longer than " + MAX_TEXT + " characters");
        }
        return Optional.of(text);
    }

    static final int MAX_LABEL_FILTERS = 20;

    /** Repeated {@code label=key:value} filters, all of which must hold (AND); none given: no filter. */
    public static List<Label> labels(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (values.size() > MAX_LABEL_FILTERS) {
            throw ApiProblem.invalidParameter(name, "at most " + MAX_LABEL_FILTERS + " " + name + " filters");
        }
        List<Label> labels = new ArrayList<>();
        for (String value : values) {
            Optional<String> text = text(name, value);
            if (text.isEmpty()) {
                throw ApiProblem.invalidParameter(name, name + " must be key:value, such as department:Marketing");
            }
            try {
                labels.add(Label.parse(text.get()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidParameter(name, name + " '" + shorten(text.get()) + "': " + e.getMessage());
            }
        }
        return labels;
    }

    /** A label key to group by ({@code department}). */
    public static Optional<String> labelKey(String name, String value) {
        return text(name, value).map(key -> {
            try {
                return Label.requireKey(key);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidParameter(name, name + ": " + e.getMessage());
            }
        });
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw ApiProblem.invalidParameter(
                        name, name + " must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter(name, name + " must be a whole number, got '" + shorten(value) + "'");
        }
    }

    public static Optional<Boolean> bool(String name, String value) {
        return text(name, value).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw ApiProblem.invalidParameter(name, name + " must be true or false, got '" + shorten(text) + "'");
        });
    }

    /** The earliest and latest time a parameter may name: years 1 to 9999, which PostgreSQL can store. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /**
     * A time: an ISO-8601 instant ({@code 2026-11-20T10:00:00Z}) or date-time with offset, or a date
     * ({@code 2026-11-20}) meaning its 00:00 UTC; in years 1 to 9999. The one reading of every time parameter.
     */
    public static Optional<Instant> instant(String name, String value) {
        return text(name, value).map(text -> {
            try {
                return inRange(name, OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException notATime) {
                try {
                    return inRange(
                            name,
                            LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
                } catch (DateTimeParseException notADate) {
                    throw ApiProblem.invalidParameter(
                            name,
                            name + " must be a date (2026-11-20) or an ISO-8601 time (2026-11-20T10:00:00Z), got '"
                                    + shorten(text) + "'");
                }
            }
        });
    }

    /** The time, or a 400 naming the parameter when it lies outside years 1 to 9999. */
    public static Instant inRange(String name, Instant time) {
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw ApiProblem.invalidParameter(name, name + " must lie between 0001-01-01 and 9999-12-31, got " + time);
        }
        return time;
    }

    /** A required month, {@code YYYY-MM} ({@code 2026-01}), in years 1 to 9999. */
    public static YearMonth month(String name, String value) {
        String text =
                text(name, value).orElseThrow(() -> ApiProblem.invalidParameter(name, name + " is required (YYYY-MM)"));
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.getYear() < 1 || month.getYear() > 9999) {
                throw ApiProblem.invalidParameter(name, name + " must lie in years 1 to 9999, got " + text);
            }
            return month;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(
                    name, name + " must be a month such as 2026-01 (YYYY-MM), got '" + shorten(text) + "'");
        }
    }

    public static ZoneId zone(String name, String value) {
        Optional<String> text = text(name, value);
        if (text.isEmpty()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(text.get());
        } catch (DateTimeException e) {
            throw ApiProblem.invalidParameter(
                    name,
                    name + " '" + shorten(text.get()) + "' is not a time zone "
                            + "(use an IANA name such as Europe/London)");
        }
    }

    public static Duration duration(String name, String value, Duration fallback) {
        Optional<String> text = text(name, value);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Duration.parse(text.get().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(
                    name,
                    name + " must be an ISO-8601 duration such as P30D or PT12H, " + "got '" + shorten(text.get())
                            + "'");
        }
    }

    public static Currency currency(String name, String value) {
        String text = text(name, value).orElseThrow(() -> ApiProblem.invalidParameter(name, name + " is required"));
        try {
            return CurrencyCodes.require(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter(name, name + " '" + shorten(text) + "' is not an ISO 4217 currency");
        }
    }

    /** An amount as a plain decimal in the currency's scale or less, e.g. "84.50". */
    public static Money money(String name, String amount, Currency currency) {
        if (amount == null || amount.isBlank()) {
            throw ApiProblem.invalidParameter(name, name + " is required");
        }
        try {
            BigDecimal value = Money.parseDecimal(amount);
            return Money.of(value, currency);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter(name, name + ": " + e.getMessage());
        }
    }

    /** An account id from the path; one that cannot exist is simply unknown. */
    public static AccountId accountId(String value) {
        try {
            return new AccountId(value);
        } catch (IllegalArgumentException e) {
            throw unknownAccount(value);
        }
    }

    public static ApiProblem unknownAccount(String value) {
        return ApiProblem.notFound(
                "account " + shorten(value), "no account '" + shorten(value) + "' with a recorded balance");
    }

    public static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "...";
    }
}
