package com.balancehistory.adapters.persistence.query;

import static com.balancehistory.db.jooq.Tables.ACCOUNT;
import static com.balancehistory.db.jooq.Tables.LATEST_CARD_LIMIT;

import com.balancehistory.adapters.persistence.StoredAmounts;
import com.balancehistory.application.model.query.CardLimitsReading;
import com.balancehistory.application.port.out.query.CardLimitReadModel;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.limit.CardLimits;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.limit.LimitTotals;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Latest card limits from PostgreSQL, with the configured totals stored beside each reading. */
public final class JooqCardLimitReadModel implements CardLimitReadModel {

    private final DSLContext dsl;

    public JooqCardLimitReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<CardLimitsReading> findCards(String cardId) {
        return read(ACCOUNT.ID.eq(cardId).or(ACCOUNT.EXTERNAL_ID.eq(cardId)));
    }

    @Override
    public List<CardLimitsReading> allCards() {
        return read(DSL.trueCondition());
    }

    private List<CardLimitsReading> read(Condition which) {
        Map<String, List<Record>> byCard = new LinkedHashMap<>();
        dsl.select(
                        ACCOUNT.ID,
                        ACCOUNT.SOURCE,
                        ACCOUNT.PROVIDER,
                        ACCOUNT.KIND,
                        ACCOUNT.EXTERNAL_ID,
                        ACCOUNT.NAME,
                        ACCOUNT.PARENT_EXTERNAL_ID,
                        LATEST_CARD_LIMIT.PERIOD,
                        LATEST_CARD_LIMIT.CURRENCY,
                        LATEST_CARD_LIMIT.REMAINING,
                        LATEST_CARD_LIMIT.CONFIGURED_TOTAL,
                        LATEST_CARD_LIMIT.OBSERVED_AT)
                .from(LATEST_CARD_LIMIT)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(LATEST_CARD_LIMIT.ACCOUNT_ID))
                .where(which)
                .orderBy(ACCOUNT.ID, LATEST_CARD_LIMIT.PERIOD)
                .forEach(row -> byCard.computeIfAbsent(row.get(ACCOUNT.ID), id -> new ArrayList<>())
                        .add(row));
        List<CardLimitsReading> readings = new ArrayList<>();
        byCard.values().forEach(rows -> readings.add(reading(rows)));
        return readings;
    }

    private static CardLimitsReading reading(List<Record> rows) {
        Currency currency = CurrencyCodes.require(rows.get(0).get(LATEST_CARD_LIMIT.CURRENCY));
        Account card = QueryRows.account(rows.get(0), currency);
        Map<LimitPeriod, Money> remaining = new EnumMap<>(LimitPeriod.class);
        Map<LimitPeriod, Money> totals = new EnumMap<>(LimitPeriod.class);
        Instant oldest = Instant.MAX;
        for (Record row : rows) {
            LimitPeriod period = LimitPeriod.fromApiName(row.get(LATEST_CARD_LIMIT.PERIOD));
            remaining.put(period, StoredAmounts.money(row.get(LATEST_CARD_LIMIT.REMAINING), currency));
            StoredAmounts.optionalMoney(row.get(LATEST_CARD_LIMIT.CONFIGURED_TOTAL), currency)
                    .ifPresent(total -> totals.put(period, total));
            Instant observed = row.get(LATEST_CARD_LIMIT.OBSERVED_AT).toInstant();
            oldest = observed.isBefore(oldest) ? observed : oldest;
        }
        return new CardLimitsReading(card, new CardLimits(currency, remaining, LimitTotals.of(totals)), oldest);
    }
}
