package com.balancehistory.adapters.persistence.fx;

import static com.balancehistory.db.jooq.Sequences.FX_RATE_VERSION;
import static com.balancehistory.db.jooq.Tables.FX_RATE;

import com.balancehistory.application.model.fx.FxRateVersion;
import com.balancehistory.application.port.out.fx.FxRateStore;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.FxRate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Rate versions in PostgreSQL's {@code fx_rate}: one insert per version in one transaction, the version number from
 * the sequence {@code fx_rate_version}. A trigger refuses any UPDATE, DELETE or TRUNCATE (V16).
 */
public final class JooqFxRateStore implements FxRateStore {

    private final DSLContext dsl;

    public JooqFxRateStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public FxRateVersion store(List<FxRate> rates, Instant storedAt, String storedBy) {
        List<FxRate> sorted = sorted(rates);
        long version = dsl.transactionResult(tx -> {
            DSLContext in = tx.dsl();
            long next = in.select(FX_RATE_VERSION.nextval()).fetchSingle().value1();
            OffsetDateTime at = storedAt.atOffset(ZoneOffset.UTC);
            var insert = in.insertInto(
                    FX_RATE,
                    FX_RATE.VERSION,
                    FX_RATE.FROM_CURRENCY,
                    FX_RATE.TO_CURRENCY,
                    FX_RATE.RATE_DATE,
                    FX_RATE.RATE,
                    FX_RATE.SOURCE,
                    FX_RATE.STORED_AT,
                    FX_RATE.STORED_BY);
            for (FxRate rate : sorted) {
                insert = insert.values(
                        next,
                        rate.from().getCurrencyCode(),
                        rate.to().getCurrencyCode(),
                        rate.date(),
                        rate.rate(),
                        rate.source(),
                        at,
                        storedBy);
            }
            insert.execute();
            return next;
        });
        return new FxRateVersion(version, storedAt, storedBy, sorted);
    }

    @Override
    public List<FxRateVersion> versions() {
        Map<Long, List<Record>> byVersion = new LinkedHashMap<>();
        dsl.selectFrom(FX_RATE)
                .orderBy(FX_RATE.VERSION, FX_RATE.FROM_CURRENCY, FX_RATE.TO_CURRENCY, FX_RATE.RATE_DATE)
                .fetch()
                .forEach(r -> byVersion
                        .computeIfAbsent(r.getVersion(), v -> new ArrayList<>())
                        .add(r));
        List<FxRateVersion> versions = new ArrayList<>();
        byVersion.forEach((version, rows) -> {
            Record first = rows.get(0);
            versions.add(new FxRateVersion(
                    version,
                    first.get(FX_RATE.STORED_AT).toInstant(),
                    first.get(FX_RATE.STORED_BY),
                    rows.stream()
                            .map(r -> new FxRate(
                                    CurrencyCodes.require(r.get(FX_RATE.FROM_CURRENCY)),
                                    CurrencyCodes.require(r.get(FX_RATE.TO_CURRENCY)),
                                    r.get(FX_RATE.RATE),
                                    r.get(FX_RATE.RATE_DATE),
                                    r.get(FX_RATE.SOURCE)))
                            .toList()));
        });
        return versions;
    }

    private static List<FxRate> sorted(List<FxRate> rates) {
        List<FxRate> sorted = new ArrayList<>(rates);
        sorted.sort(Comparator.comparing(FxRate::pair).thenComparing(FxRate::date));
        return sorted;
    }
}
