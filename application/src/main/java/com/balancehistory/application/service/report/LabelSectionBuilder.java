package com.balancehistory.application.service.report;

import com.balancehistory.application.model.report.AllocationReport.CurrencySection;
import com.balancehistory.application.model.report.AllocationReport.GroupCardLimits;
import com.balancehistory.application.model.report.AllocationReport.GroupCurrency;
import com.balancehistory.application.model.report.AllocationReport.LabelGroup;
import com.balancehistory.application.model.report.AllocationReport.LabelSection;
import com.balancehistory.application.port.out.report.AsOfSnapshots.CardLimitValue;
import com.balancehistory.application.port.out.report.AsOfSnapshots.Snapshot;
import com.balancehistory.domain.account.LabelGroups;
import com.balancehistory.domain.limit.LimitPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The allocation report's per-label section: the report's account lines and card limits grouped by the value of one
 * label as it held at the report's as-of time (so a past report keeps its groups after a relabel), per currency
 * within each group. Never a figure across currencies.
 */
final class LabelSectionBuilder {

    private LabelSectionBuilder() {}

    private record Line(String accountId, String currency, BigDecimal balance, BigDecimal sharePercent) {}

    static LabelSection build(String key, Snapshot snapshot, List<CurrencySection> sections) {
        List<Line> lines = new ArrayList<>();
        for (CurrencySection section : sections) {
            section.accounts()
                    .forEach(line -> lines.add(
                            new Line(line.accountId(), section.currency(), line.balance(), line.sharePercent())));
        }
        Map<Optional<String>, List<Line>> accountGroups =
                LabelGroups.by(key, lines, line -> snapshot.labelsOf(line.accountId()));
        Map<Optional<String>, List<CardLimitValue>> cardGroups =
                LabelGroups.by(key, snapshot.cardLimits(), limit -> snapshot.labelsOf(limit.accountId()));
        Set<Optional<String>> values = new LinkedHashSet<>();
        // labelled values in order, then the unlabelled group, whichever of accounts or cards has them
        TreeMap<String, Boolean> labelled = new TreeMap<>();
        accountGroups.keySet().forEach(v -> v.ifPresent(value -> labelled.put(value, true)));
        cardGroups.keySet().forEach(v -> v.ifPresent(value -> labelled.put(value, true)));
        labelled.keySet().forEach(value -> values.add(Optional.of(value)));
        if (accountGroups.containsKey(Optional.empty()) || cardGroups.containsKey(Optional.empty())) {
            values.add(Optional.empty());
        }
        List<LabelGroup> groups = new ArrayList<>();
        for (Optional<String> value : values) {
            groups.add(new LabelGroup(
                    value.orElse(LabelGroups.UNLABELLED),
                    value.isPresent(),
                    currencies(accountGroups.getOrDefault(value, List.of())),
                    cards(cardGroups.getOrDefault(value, List.of()))));
        }
        return new LabelSection(key, groups);
    }

    private static List<GroupCurrency> currencies(List<Line> lines) {
        Map<String, List<Line>> byCurrency = new TreeMap<>();
        lines.forEach(line -> byCurrency
                .computeIfAbsent(line.currency(), c -> new ArrayList<>())
                .add(line));
        List<GroupCurrency> currencies = new ArrayList<>();
        byCurrency.forEach((currency, members) -> currencies.add(new GroupCurrency(
                currency,
                members.size(),
                members.stream().map(Line::balance).reduce(BigDecimal::add).orElseThrow(),
                members.stream().map(Line::sharePercent).reduce(BigDecimal::add).orElseThrow())));
        return currencies;
    }

    private static List<GroupCardLimits> cards(List<CardLimitValue> limits) {
        Map<String, List<CardLimitValue>> byCurrencyAndPeriod = new HashMap<>();
        limits.forEach(limit -> byCurrencyAndPeriod
                .computeIfAbsent(
                        limit.remaining().currencyCode() + " " + limit.period().apiName(), k -> new ArrayList<>())
                .add(limit));
        List<GroupCardLimits> lines = new ArrayList<>();
        byCurrencyAndPeriod.values().forEach(members -> {
            CardLimitValue first = members.get(0);
            BigDecimal remaining = members.stream()
                    .map(limit -> limit.remaining().amount())
                    .reduce(BigDecimal::add)
                    .orElseThrow();
            boolean allTotals = members.stream().allMatch(limit -> limit.total().isPresent());
            Optional<BigDecimal> total = allTotals
                    ? Optional.of(members.stream()
                            .map(limit -> limit.total().orElseThrow().amount())
                            .reduce(BigDecimal::add)
                            .orElseThrow())
                    : Optional.empty();
            // utilization is used / total; remaining above the total (a raised limit) counts as nothing used
            Optional<BigDecimal> utilization = total.filter(t -> t.signum() > 0)
                    .map(t -> t.subtract(remaining)
                            .max(BigDecimal.ZERO)
                            .multiply(BigDecimal.valueOf(100))
                            .divide(t, 2, RoundingMode.HALF_EVEN));
            lines.add(new GroupCardLimits(
                    first.remaining().currencyCode(),
                    first.period().apiName(),
                    members.size(),
                    remaining,
                    total,
                    utilization));
        });
        lines.sort(Comparator.comparing(GroupCardLimits::currency)
                .thenComparing(line -> LimitPeriod.fromApiName(line.period())));
        return lines;
    }
}
