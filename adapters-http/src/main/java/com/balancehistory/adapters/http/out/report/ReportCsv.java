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
import java.util.Arrays;
import java.util.List;
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
                new Row("account")
                        .set("currency", section.currency())
                        .set("account_id", a.accountId())
                        .set("name", a.name())
                        .set("source", a.source())
                        .set("kind_or_period", a.kind())
                        .set("balance_or_remaining", a.balance().toPlainString())
                        .set("share_percent", a.sharePercent().toPlainString())
                        .set("change", text(a.change()))
                        .set("health_tier", a.healthTier())
                        .set("low", String.valueOf(a.low()))
                        .set("stale", String.valueOf(a.stale()))
                        .set("observed_at", a.observedAt().toString())
                        .set(
                                "detail",
                                a.lowThreshold()
                                        .map(t -> "low below " + t.toPlainString())
                                        .orElse(""))
                        .writeTo(csv);
            }
            new Row("currency")
                    .set("currency", section.currency())
                    .set("share_percent", section.zeroTotal() ? "0.00" : "100.00")
                    .set("change", text(section.totalChange()))
                    .set("count", String.valueOf(section.count()))
                    .set("total", section.total().toPlainString())
                    .set("average", section.average().toPlainString())
                    .set("observed_at", report.asOf().toString())
                    .set("detail", section.zeroTotal() ? "no positive balance: every share is 0.00" : "")
                    .writeTo(csv);
        }
        for (CardLimitLine l : report.cardLimits()) {
            new Row("card-limit")
                    .set("currency", l.currency())
                    .set("account_id", l.accountId())
                    .set("name", l.name())
                    .set("source", l.source())
                    .set("kind_or_period", l.period())
                    .set("balance_or_remaining", l.remaining().toPlainString())
                    .set("share_percent", text(l.utilizationPercent()))
                    .set("total", text(l.total()))
                    .set("stale", String.valueOf(l.stale()))
                    .set("observed_at", l.observedAt().toString())
                    .set(
                            "detail",
                            l.used().map(u -> "used " + u.toPlainString()).orElse(""))
                    .writeTo(csv);
        }
        report.labelGroups().ifPresent(section -> labelGroupRows(csv, section));
        report.convertedTotal().ifPresent(converted -> convertedRows(csv, converted, "", Optional.empty()));
        report.freshness()
                .staleAccounts()
                .forEach(s -> new Row("stale")
                        .set("account_id", s.accountId())
                        .set("name", s.name())
                        .set("source", s.source())
                        .set("stale", "true")
                        .set("observed_at", s.observedAt().toString())
                        .set("detail", "older than " + s.staleBefore())
                        .writeTo(csv));
        report.freshness()
                .failingSources()
                .forEach(f -> new Row("failing-source")
                        .set("source", f.source())
                        .set("count", String.valueOf(f.consecutiveFailures()))
                        .set(
                                "observed_at",
                                f.lastFailureAt().map(Object::toString).orElse(""))
                        .set("detail", f.lastError().orElse(""))
                        .writeTo(csv));
        return csv.toString();
    }

    private static void labelGroupRows(StringBuilder csv, LabelSection section) {
        for (LabelGroup group : section.groups()) {
            String detail = section.key() + (group.labelled() ? "" : " not set");
            for (GroupCurrency c : group.currencies()) {
                new Row("label-group")
                        .set("currency", c.currency())
                        .set("name", group.group())
                        .set("share_percent", c.sharePercent().toPlainString())
                        .set("count", String.valueOf(c.count()))
                        .set("total", c.total().toPlainString())
                        .set("detail", detail)
                        .writeTo(csv);
            }
            for (GroupCardLimits l : group.cardLimits()) {
                new Row("label-group-card-limit")
                        .set("currency", l.currency())
                        .set("name", group.group())
                        .set("kind_or_period", l.period())
                        .set("balance_or_remaining", l.remaining().toPlainString())
                        .set("share_percent", text(l.utilizationPercent()))
                        .set("count", String.valueOf(l.cards()))
                        .set("total", text(l.total()))
                        .set("detail", detail)
                        .writeTo(csv);
            }
            group.convertedTotal()
                    .ifPresent(converted -> convertedRows(csv, converted, "label-group-", Optional.of(group.group())));
        }
    }

    private static String text(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse("");
    }

    /**
     * With a convert-to: one {@code converted-rate} row per rate used (currency: from; name: the pair; source: who
     * published it; kind_or_period: its date; balance_or_remaining: the total converted; total: the exact product;
     * detail: the rate), one {@code converted-missing} row per currency left out, and the {@code converted-total} row
     * (currency: target; total: the sum, rounded once; detail: the rounding and whether it is partial). A label group's
     * rows are the same, their sections prefixed {@code label-group-} and their name the group's (the pair is then the
     * row's currency into the target).
     */
    private static void convertedRows(
            StringBuilder csv, ConvertedTotal converted, String prefix, Optional<String> group) {
        String target = converted.target().getCurrencyCode();
        for (ConvertedTotal.AppliedRate applied : converted.rates()) {
            new Row(prefix + "converted-rate")
                    .set("currency", applied.rate().from().getCurrencyCode())
                    .set("name", group.orElse(applied.rate().pair()))
                    .set("source", applied.rate().source())
                    .set("kind_or_period", applied.rate().date().toString())
                    .set("balance_or_remaining", applied.amount().amount().toPlainString())
                    .set("total", applied.product().toPlainString())
                    .set("stale", String.valueOf(applied.stale()))
                    .set("observed_at", converted.asOf().toString())
                    .set("detail", "rate " + applied.rate().rate().toPlainString() + " into " + target)
                    .writeTo(csv);
        }
        for (Money amount : converted.leftOut()) {
            new Row(prefix + "converted-missing")
                    .set("currency", amount.currencyCode())
                    .set("name", group.orElse(""))
                    .set("balance_or_remaining", amount.amount().toPlainString())
                    .set("observed_at", converted.asOf().toString())
                    .set("detail", "no rate into " + target + " at as-of: left out of the converted total")
                    .writeTo(csv);
        }
        new Row(prefix + "converted-total")
                .set("currency", target)
                .set("name", group.orElse(""))
                .set("total", converted.total().amount().toPlainString())
                .set("stale", String.valueOf(converted.anyStale()))
                .set("observed_at", converted.asOf().toString())
                .set(
                        "detail",
                        "rounding: " + ConvertedTotal.ROUNDING + "; "
                                + (converted.partial()
                                        ? "partial: "
                                                + String.join(
                                                        " ",
                                                        converted.missingCurrencies().stream()
                                                                .map(c -> c.getCurrencyCode())
                                                                .toList())
                                                + " left out"
                                        : "complete"))
                .writeTo(csv);
    }

    /** One line of the table, its cells set by column name; the cells a section does not use stay empty. */
    private static final class Row {
        private static final List<String> COLUMNS = List.of(HEADER.split(","));
        private final String[] cells = new String[COLUMNS.size()];

        Row(String section) {
            Arrays.fill(cells, "");
            set("section", section);
        }

        Row set(String column, String value) {
            int index = COLUMNS.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no report CSV column " + column);
            }
            cells[index] = value;
            return this;
        }

        void writeTo(StringBuilder csv) {
            csv.append(CsvWriter.text(cells));
        }
    }
}
