package com.balancehistory.bootstrap.metrics;

import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.BalanceObservation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Balances as gauges, for charts and alert rules (the database stays the record): each source's available total per
 * currency, and each account's available balance until {@code maxAccountSeries} accounts have a series; accounts
 * beyond that get none, and {@code balance_history_account_balance_series_dropped_total} counts them. The count is
 * each source's most accounts left without a gauge in one poll, summed over sources: remembering every dropped
 * account id instead would hold memory for every account ever seen, which is what the cap is there to prevent.
 * A gauge shows the value as a double: fine for charts, never used as money.
 */
public final class BalanceGauges {

    private final MeterRegistry registry;
    private final int maxAccountSeries;
    private final Map<String, AtomicReference<BigDecimal>> accounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<BigDecimal>> sourceTotals = new ConcurrentHashMap<>();
    /** Per source, the most of its accounts one poll left without a gauge (what the counter has counted). */
    private final Map<String, Integer> mostDroppedBySource = new ConcurrentHashMap<>();

    private final Counter droppedSeries;

    public BalanceGauges(MeterRegistry registry, int maxAccountSeries) {
        if (maxAccountSeries < 0) {
            throw new IllegalArgumentException("balance-history.metrics.max-account-series must be 0 or more");
        }
        this.registry = registry;
        this.maxAccountSeries = maxAccountSeries;
        this.droppedSeries = Counter.builder(ServiceMetrics.PREFIX + "account.balance.series.dropped")
                .description("Accounts without a balance gauge because the series cap was reached")
                .register(registry);
    }

    /** The balances one source answered in one poll. */
    public void observed(String source, List<BalanceObservation> balances) {
        Map<String, BigDecimal> totals = new HashMap<>();
        int droppedThisPoll = 0;
        for (BalanceObservation observation : balances) {
            Account account = observation.account();
            BigDecimal available = observation.balances().available().amount();
            totals.merge(account.currency().getCurrencyCode(), available, BigDecimal::add);
            AtomicReference<BigDecimal> holder = accounts.get(account.id().value());
            if (holder == null) {
                holder = register(account);
            }
            if (holder != null) {
                holder.set(available);
            } else {
                droppedThisPoll++;
            }
        }
        countDropped(source, droppedThisPoll);
        totals.forEach((currency, total) -> sourceTotals
                .computeIfAbsent(source + "\n" + currency, key -> {
                    AtomicReference<BigDecimal> holder = new AtomicReference<>(BigDecimal.ZERO);
                    Gauge.builder(
                                    ServiceMetrics.PREFIX + "source.balance",
                                    holder,
                                    h -> h.get().doubleValue())
                            .tags("source", source, "currency", currency)
                            .description("Sum of the available balances of a source's accounts in one currency")
                            .register(registry);
                    return holder;
                })
                .set(total));
    }

    private void countDropped(String source, int droppedThisPoll) {
        int before = mostDroppedBySource.getOrDefault(source, 0);
        if (droppedThisPoll > before) {
            mostDroppedBySource.put(source, droppedThisPoll);
            droppedSeries.increment(droppedThisPoll - before);
        }
    }

    /** Registers the account's gauge if the cap allows; null when the cap is reached. */
    private synchronized AtomicReference<BigDecimal> register(Account account) {
        String id = account.id().value();
        AtomicReference<BigDecimal> existing = accounts.get(id);
        if (existing != null) {
            return existing;
        }
        if (accounts.size() >= maxAccountSeries) {
            return null;
        }
        AtomicReference<BigDecimal> holder = new AtomicReference<>(BigDecimal.ZERO);
        Gauge.builder(
                        ServiceMetrics.PREFIX + "account.balance",
                        holder,
                        h -> h.get().doubleValue())
                .tags(
                        "account_id",
                        id,
                        "source",
                        account.source(),
                        "provider",
                        account.provider().configName(),
                        "kind",
                        account.kind().slug(),
                        "currency",
                        account.currency().getCurrencyCode())
                .description("An account's available balance at its last poll")
                .register(registry);
        accounts.put(id, holder);
        return holder;
    }

    int accountSeries() {
        return accounts.size();
    }
}
