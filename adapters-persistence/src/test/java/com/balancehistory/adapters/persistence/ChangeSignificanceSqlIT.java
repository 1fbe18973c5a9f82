package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.domain.analytics.BalanceChange;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jooq.DSLContext;

/**
 * The store decides significance in SQL, where the changes are computed in one statement; the rule itself is the
 * domain's {@link ChangeDetector}. This runs the store's SQL predicate ({@link BalanceRunWriter#SIGNIFICANT}) on
 * PostgreSQL against the detector, around the edges: a zero previous balance, changes exactly at and one minor unit
 * either side of the percentage and of the currency's amount, currencies with and without an amount, no percentage.
 */
class ChangeSignificanceSqlIT {

    private static final DSLContext DSL_CONTEXT = PersistenceTestSupport.dsl();

    private static final String EVALUATE = """
            WITH thresholds AS (
                SELECT * FROM unnest(?::text[], ?::numeric[]) AS th(currency, amount)
            ), significance AS (
                SELECT ?::numeric AS percent
            )
            SELECT %s
            FROM (SELECT ?::text AS currency, ?::numeric AS previous_available, ?::numeric AS available) c
            CROSS JOIN significance sp
            LEFT JOIN thresholds th ON th.currency = c.currency
            """.formatted(BalanceRunWriter.SIGNIFICANT);

    /** One configuration and one change. */
    record Case(ChangeDetector detector, Money previous, Money current) {}

    @Property(tries = 400, seed = "20261207")
    void the_stored_significance_is_the_domain_rule(@ForAll("cases") Case c) {
        assertThat(sql(c)).as(c.toString()).isEqualTo(domain(c));
    }

    @Example
    void edges_named_one_by_one() {
        ChangeDetector tenPercentOrUsd1000 =
                ChangeDetector.atLeastPercent(BigDecimal.TEN).withMinimum(Money.parse("1000", "USD"));
        ChangeDetector usdOnly = ChangeDetector.atLeast(Money.parse("1000", "USD"));
        List<Case> cases = List.of(
                // from a zero balance every percentage is reached
                new Case(tenPercentOrUsd1000, eur("0.00"), eur("0.01")),
                // exactly 10 % and one cent below it
                new Case(tenPercentOrUsd1000, eur("200.00"), eur("220.00")),
                new Case(tenPercentOrUsd1000, eur("200.00"), eur("219.99")),
                new Case(tenPercentOrUsd1000, eur("-200.00"), eur("-180.00")),
                // exactly the currency's amount, and one cent below it under a percentage it does not reach
                new Case(tenPercentOrUsd1000, usd("100000.00"), usd("101000.00")),
                new Case(tenPercentOrUsd1000, usd("100000.00"), usd("100999.99")),
                // an amount without a percentage: a zero previous balance no longer decides
                new Case(usdOnly, usd("0.00"), usd("999.99")),
                new Case(usdOnly, usd("0.00"), usd("1000.00")),
                // a currency without an amount and no percentage: every change counts
                new Case(usdOnly, eur("5.00"), eur("5.01")),
                new Case(ChangeDetector.everyChange(), eur("5.00"), eur("5.01")));
        for (Case c : cases) {
            assertThat(sql(c)).as(c.toString()).isEqualTo(domain(c));
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Optional<BigDecimal>> percent = Arbitraries.of(
                Optional.<BigDecimal>empty(),
                Optional.of(BigDecimal.TEN),
                Optional.of(new BigDecimal("12.5")),
                Optional.of(new BigDecimal("33.33")),
                Optional.of(new BigDecimal("0.01")));
        Arbitrary<Map<String, String>> amounts = Arbitraries.of(
                Map.of(),
                Map.of("USD", "1000"),
                Map.of("EUR", "50.00", "JPY", "5000"),
                Map.of("USD", "0.01", "EUR", "1000", "JPY", "1"));
        Arbitrary<String> currency = Arbitraries.of("EUR", "USD", "JPY");
        Arbitrary<Long> previousUnits = Arbitraries.oneOf(
                Arbitraries.just(0L),
                Arbitraries.longs().between(-1_000_000L, 1_000_000L),
                Arbitraries.of(100L, 20_000L, 300L, 5_000_000L));
        Arbitrary<Integer> edge = Arbitraries.integers().between(0, 4);
        Arbitrary<Long> noise = Arbitraries.longs().between(-2_000_000L, 2_000_000L);
        Arbitrary<Boolean> sign = Arbitraries.of(true, false);
        return Combinators.combine(percent, amounts, currency, previousUnits, edge, noise, sign)
                .as(ChangeSignificanceSqlIT::build)
                .filter(c -> !c.previous().equals(c.current()));
    }

    /** The change lands on an edge of the percentage or of the amount (and one minor unit off it), or anywhere. */
    private static Case build(
            Optional<BigDecimal> percent,
            Map<String, String> amounts,
            String code,
            long previousUnits,
            int edge,
            long noise,
            boolean up) {
        Currency currency = Currency.getInstance(code);
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal previous = BigDecimal.valueOf(previousUnits, scale);
        ChangeDetector detector = new ChangeDetector(Map.of(), percent);
        for (Map.Entry<String, String> amount : amounts.entrySet()) {
            detector = detector.withMinimum(Money.parse(amount.getValue(), amount.getKey()));
        }
        BigDecimal size = switch (edge) {
            case 0, 1 ->
                percent.map(p -> previous.abs().multiply(p).divide(BigDecimal.valueOf(100)))
                        .orElse(unit)
                        .setScale(scale, edge == 0 ? RoundingMode.CEILING : RoundingMode.FLOOR);
            case 2, 3 ->
                Optional.ofNullable(amounts.get(code))
                        .map(BigDecimal::new)
                        .orElse(unit)
                        .add(edge == 2 ? BigDecimal.ZERO : unit.negate());
            default -> BigDecimal.valueOf(Math.abs(noise), scale);
        };
        BigDecimal current = up ? previous.add(size) : previous.subtract(size);
        return new Case(detector, Money.of(previous, code), Money.of(current, code));
    }

    private static boolean domain(Case c) {
        return c.detector()
                .detect(c.previous(), c.current())
                .map(BalanceChange::significant)
                .orElseThrow();
    }

    private static boolean sql(Case c) {
        Map<Currency, Money> amounts = c.detector().minimumAbsolute();
        String[] currencies =
                amounts.keySet().stream().map(Currency::getCurrencyCode).toArray(String[]::new);
        BigDecimal[] values = amounts.keySet().stream()
                .map(currency -> amounts.get(currency).amount())
                .toArray(BigDecimal[]::new);
        return DSL_CONTEXT
                .resultQuery(
                        EVALUATE,
                        currencies,
                        values,
                        c.detector().minimumPercent().orElse(null),
                        c.previous().currencyCode(),
                        c.previous().amount(),
                        c.current().amount())
                .fetchSingle()
                .get(0, Boolean.class);
    }

    private static Money eur(String amount) {
        return Money.parse(amount, "EUR");
    }

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }
}
