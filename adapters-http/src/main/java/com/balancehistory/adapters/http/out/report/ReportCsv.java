package com.balancehistory.adapters.http.out.report;

import com.balancehistory.adapters.http.in.CsvWriter;
import com.balancehistory.application.model.report.AllocationReport;
import com.balancehistory.application.model.report.AllocationReport.AccountLine;
import com.balancehistory.application.model.report.AllocationReport.CardLimitLine;
import com.balancehistory.application.model.report.AllocationReport.CurrencySection;
import com.balancehistory.application.model.report.AllocationReport.GroupCardLimits;
import com.balancehistory.application.model.report.AllocationReport.GroupCurrency;
import com.balancehistory.application.model.report.AllocationReport.LabelGroup;
import com.balancehistory.application.model.report.AllocationReport.LabelSection;
import com.balancehistory.domain.money.ConvertedTotal;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The report as one CSV table (RFC 4180, CRLF): a {@code section} column says what a row is: {@code account} rows,
 * one {@code currency} summary row per currency, {@code card-limit} rows, and {@code stale} / {@code failing-source}
 * rows that name values not to be read as current; with a group-by, {@code label-group} rows (a group's accounts in one
 * currency: name holds the label value, share its share of the currency) and {@code label-group-card-limit} rows. Written by {@link CsvWriter}, which also neutralises formulas.
 */
final class ReportCsv {

    static final String HEADER = "section,currency,account_id,name,source,kind_or_period,balance_or_remaining,"
            + "share_percent,change,count,total,average,health_tier,low,stale,observed_at,detail";

    private ReportCsv() {}

    static String render(AllocationReport report) {
        StringBuilder csv = new StringBuilder(CsvWriter.text(HEADER.split(",")));
        for (CurrencySection section : report.currencies()) {
            for (AccountLine a : section.accounts()) {
                row(
                        csv,
                        "account",
                        section.currency(),
                        a.accountId(),
                        a.name(),
                        a.source(),
                        a.kind(),
                        a.balance().toPlainString(),
                        a.sharePercent().toPlainString(),
                        text(a.change()),
                        "",
                        "",
                        "",
                        a.healthTier(),
                        String.valueOf(a.low()),
                        String.valueOf(a.stale()),
                        a.observedAt().toString(),
                        a.lowThreshold()
                                .map(t -> "low below " + t.toPlainString())
                                .orElse(""));
            }
            row(
                    csv,
                    "currency",
                    section.currency(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    section.zeroTotal() ? "0.00" : "100.00",
                    text(section.totalChange()),
                    String.valueOf(section.count()),
                    section.total().toPlainString(),
                    section.average().toPlainString(),
                    "",
                    "",
                    "",
                    report.asOf().toString(),
                    section.zeroTotal() ? "no positive balance: every share is 0.00" : "");
        }
        for (CardLimitLine l : report.cardLimits()) {
            row(
                    csv,
                    "card-limit",
                    l.currency(),
                    l.accountId(),
                    l.name(),
                    l.source(),
                    l.period(),
                    l.remaining().toPlainString(),
                    text(l.utilizationPercent()),
                    "",
                    "",
                    text(l.total()),
                    "",
                    "",
                    "",
                    String.valueOf(l.stale()),
                    l.observedAt().toString(),
                    l.used().map(u -> "used " + u.toPlainString()).orElse(""));
        }
        report.labelGroups().ifPresent(section -> labelGroupRows(csv, section));
        report.convertedTotal().ifPresent(converted -> convertedRows(csv, converted));
        report.freshness()
                .staleAccounts()
                .forEach(s -> row(
                        csv,
                        "stale",
                        "",
                        s.accountId(),
                        s.name(),
                        s.source(),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "true",
                        s.observedAt().toString(),
                        "older than " + s.staleBefore()));
        report.freshness()
                .failingSources()
                .forEach(f -> row(
                        csv,
                        "failing-source",
                        "",
                        "",
                        "",
                        f.source(),
                        "",
                        "",
                        "",
                        "",
                        String.valueOf(f.consecutiveFailures()),
                        "",
                        "",
                        "",
                        "",
                        "",
                        f.lastFailureAt().map(Object::toString).orElse(""),
                        f.lastError().orElse("")));
        return csv.toString();
    }

    private static void labelGroupRows(StringBuilder csv, LabelSection section) {
        for (LabelGroup group : section.groups()) {
            String detail = section.key() + (group.labelled() ? "" : " not set");
            for (GroupCurrency c : group.currencies()) {
                row(
                        csv,
                        "label-group",
                        c.currency(),
                        "",
                        group.group(),
                        "",
                        "",
                        "",
                        c.sharePercent().toPlainString(),
                        "",
                        String.valueOf(c.count()),
                        c.total().toPlainString(),
                        "",
                        "",
                        "",
                        "",
                        "",
                        detail);
            }
            for (GroupCardLimits l : group.cardLimits()) {
                row(
                        csv,
                        "label-group-card-limit",
                        l.currency(),
                        "",
                        group.group(),
                        "",
                        l.period(),
                        l.remaining().toPlainString(),
                        text(l.utilizationPercent()),
                        "",
                        String.valueOf(l.cards()),
                        text(l.total()),
                        "",
                        "",
                        "",
                        "",
                        "",
                        detail);
            }
        }
    }

    private static String text(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse("");
    }

    /**
     * With a convert-to: one {@code converted-rate} row per rate used (currency: from; name: the pair; source: who
     * published it; kind_or_period: its date; balance_or_remaining: the total converted; total: the exact product;
     * detail: the rate), one {@code converted-missing} row per currency left out, and the {@code converted-total} row
     * (currency: target; total: the sum, rounded once; detail: the rounding and whether it is partial).
     */
    private static void convertedRows(StringBuilder csv, ConvertedTotal converted) {
        String target = converted.target().getCurrencyCode();
        for (ConvertedTotal.AppliedRate applied : converted.rates()) {
            row(
                    csv,
                    "converted-rate",
                    applied.rate().from().getCurrencyCode(),
                    "",
                    applied.rate().pair(),
                    applied.rate().source(),
                    applied.rate().date().toString(),
                    applied.amount().amount().toPlainString(),
                    "",
                    "",
                    "",
                    applied.product().toPlainString(),
                    "",
                    "",
                    "",
                    String.valueOf(applied.stale()),
                    converted.asOf().toString(),
                    "rate " + applied.rate().rate().toPlainString() + " into " + target);
        }
        for (Money amount : converted.leftOut()) {
            row(
                    csv,
                    "converted-missing",
                    amount.currencyCode(),
                    "",
                    "",
                    "",
                    "",
                    amount.amount().toPlainString(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    converted.asOf().toString(),
                    "no rate into " + target + " at as-of: left out of the converted total");
        }
        row(
                csv,
                "converted-total",
                target,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                converted.total().amount().toPlainString(),
                "",
                "",
                "",
                String.valueOf(converted.anyStale()),
                converted.asOf().toString(),
                "rounding: " + ConvertedTotal.ROUNDING + "; "
                        + (converted.partial()
                                ? "partial: "
                                        + String.join(
                                                " ",
                                                converted.missingCurrencies().stream()
                                                        .map(c -> c.getCurrencyCode())
                                                        .toList())
                                        + " left out"
                                : "complete"));
    }

    private static void row(StringBuilder csv, String... cells) {
        csv.append(CsvWriter.text(cells));
    }
}
