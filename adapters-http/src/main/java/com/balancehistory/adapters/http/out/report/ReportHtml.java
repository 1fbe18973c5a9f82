package com.balancehistory.adapters.http.out.report;

import com.balancehistory.application.model.report.AllocationReport;
import com.balancehistory.application.model.report.AllocationReport.AccountLine;
import com.balancehistory.application.model.report.AllocationReport.CardLimitLine;
import com.balancehistory.application.model.report.AllocationReport.CurrencySection;
import com.balancehistory.application.model.report.AllocationReport.GroupCardLimits;
import com.balancehistory.application.model.report.AllocationReport.GroupCurrency;
import com.balancehistory.application.model.report.AllocationReport.LabelGroup;
import com.balancehistory.application.model.report.AllocationReport.LabelSection;
import com.balancehistory.application.model.report.ReportSummary;
import com.balancehistory.domain.money.ConvertedTotal;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.util.Optional;

/** The report as a self-contained HTML page; every value is escaped. Stale values are marked in every table. */
final class ReportHtml {

    private ReportHtml() {}

    static String render(Optional<ReportSummary> summary, AllocationReport report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Budget allocation report</title><style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:4px 8px}"
                + "td.n{text-align:right}.stale{color:#a00;font-weight:bold}</style></head><body>\n");
        html.append("<h1>Budget allocation report</h1>\n<p>As of <time>")
                .append(e(report.asOf().toString()))
                .append("</time>");
        summary.ifPresentOrElse(
                s -> html.append(" &middot; report ")
                        .append(s.id())
                        .append(" (")
                        .append(e(s.trigger().code()))
                        .append(s.schedule().map(n -> ", schedule " + e(n)).orElse(""))
                        .append(")"),
                () -> html.append(" &middot; live, not stored"));
        report.previousReportId()
                .ifPresent(id -> html.append(" &middot; changes since report ")
                        .append(id)
                        .append(" of ")
                        .append(e(report.previousAsOf().map(Object::toString).orElse(""))));
        html.append("</p>\n");
        if (!report.freshness().allCurrent()) {
            html.append("<p class=\"stale\">Some values are not current: see Freshness below.</p>\n");
        }
        for (CurrencySection section : report.currencies()) {
            html.append("<h2>")
                    .append(e(section.currency()))
                    .append("</h2>\n<p>")
                    .append(section.count())
                    .append(" accounts &middot; total ")
                    .append(e(section.total().toPlainString()))
                    .append(' ')
                    .append(e(section.currency()))
                    .append(" &middot; average ")
                    .append(e(section.average().toPlainString()))
                    .append(section.totalChange()
                            .map(c -> " &middot; change " + e(signed(c)))
                            .orElse(""))
                    .append(section.zeroTotal() ? " &middot; no positive balance, shares are 0.00 %" : "")
                    .append("</p>\n<table><tr><th>Account</th><th>Source</th><th>Balance</th><th>Share %</th>"
                            + "<th>Change</th><th>Health</th><th>Low</th><th>Observed</th></tr>\n");
            for (AccountLine a : section.accounts()) {
                html.append("<tr><td>")
                        .append(e(a.name()))
                        .append("<br><small>")
                        .append(e(a.accountId()))
                        .append("</small></td><td>")
                        .append(e(a.source()))
                        .append("</td><td class=\"n\">")
                        .append(e(a.balance().toPlainString()))
                        .append("</td><td class=\"n\">")
                        .append(e(a.sharePercent().toPlainString()))
                        .append("</td><td class=\"n\">")
                        .append(e(a.change().map(ReportHtml::signed).orElse("")))
                        .append("</td><td>")
                        .append(e(a.healthTier()))
                        .append("</td><td>")
                        .append(a.low() ? "LOW" : "")
                        .append("</td><td")
                        .append(a.stale() ? " class=\"stale\">STALE " : ">")
                        .append(e(a.observedAt().toString()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Card limits</h2>\n<table><tr><th>Card</th><th>Period</th><th>Remaining</th><th>Total</th>"
                + "<th>Used</th><th>Utilization %</th><th>Observed</th></tr>\n");
        for (CardLimitLine l : report.cardLimits()) {
            html.append("<tr><td>")
                    .append(e(l.name()))
                    .append("<br><small>")
                    .append(e(l.accountId()))
                    .append("</small></td><td>")
                    .append(e(l.period()))
                    .append("</td><td class=\"n\">")
                    .append(e(l.remaining().toPlainString() + " " + l.currency()))
                    .append("</td><td class=\"n\">")
                    .append(e(text(l.total())))
                    .append("</td><td class=\"n\">")
                    .append(e(text(l.used())))
                    .append("</td><td class=\"n\">")
                    .append(e(text(l.utilizationPercent())))
                    .append("</td><td")
                    .append(l.stale() ? " class=\"stale\">STALE " : ">")
                    .append(e(l.observedAt().toString()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        report.labelGroups().ifPresent(section -> labelGroups(html, section));
        report.convertedTotal().ifPresent(converted -> converted(html, converted));
        html.append("<h2>Freshness</h2>\n");
        if (report.freshness().allCurrent()) {
            html.append("<p>All values are current.</p>\n");
        }
        if (!report.freshness().staleAccounts().isEmpty()) {
            html.append("<h3>Stale accounts</h3><ul>\n");
            report.freshness()
                    .staleAccounts()
                    .forEach(s -> html.append("<li>")
                            .append(e(s.name()))
                            .append(" (")
                            .append(e(s.source()))
                            .append("): last value from ")
                            .append(e(s.observedAt().toString()))
                            .append("</li>\n"));
            html.append("</ul>\n");
        }
        if (!report.freshness().failingSources().isEmpty()) {
            html.append("<h3>Failing sources</h3><ul>\n");
            report.freshness()
                    .failingSources()
                    .forEach(f -> html.append("<li>")
                            .append(e(f.source()))
                            .append(": ")
                            .append(f.consecutiveFailures())
                            .append(" failed poll(s) in a row")
                            .append(f.lastError()
                                    .map(err -> ", last: " + e(err))
                                    .orElse(""))
                            .append(f.lastSuccessAt()
                                    .map(t -> "; last success " + e(t.toString()))
                                    .orElse("; never succeeded"))
                            .append("</li>\n"));
            html.append("</ul>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** Per label value, per currency: never a figure across currencies. */
    /** The totals in one reporting currency: the sum, how it is rounded, every rate used, what was left out. */
    private static void converted(StringBuilder html, ConvertedTotal converted) {
        String target = converted.target().getCurrencyCode();
        html.append("<h2>Total in ")
                .append(e(target))
                .append("</h2>\n<p><strong>")
                .append(e(converted.total().amount().toPlainString() + " " + target))
                .append("</strong>")
                .append(converted.partial() ? " <span class=\"stale\">PARTIAL</span>" : "")
                .append(". Rounding: ")
                .append(e(ConvertedTotal.ROUNDING))
                .append(" (the exact products are summed, then rounded). Rates in force at ")
                .append(e(converted.asOf().toString()))
                .append("; never 1:1.</p>\n<table><tr><th>Pair</th><th>Rate</th><th>Date</th><th>Source</th>"
                        + "<th>Total converted</th><th>Exact product</th></tr>\n");
        for (ConvertedTotal.AppliedRate applied : converted.rates()) {
            html.append("<tr><td>")
                    .append(e(applied.rate().pair()))
                    .append("</td><td class=\"n\">")
                    .append(e(applied.rate().rate().toPlainString()))
                    .append("</td><td")
                    .append(applied.stale() ? " class=\"stale\">STALE " : ">")
                    .append(e(applied.rate().date().toString()))
                    .append("</td><td>")
                    .append(e(applied.rate().source()))
                    .append("</td><td class=\"n\">")
                    .append(e(applied.amount().toString()))
                    .append("</td><td class=\"n\">")
                    .append(e(applied.product().toPlainString() + " " + target))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (converted.partial()) {
            html.append("<p>Left out, no rate into ").append(e(target)).append(" at as-of:</p><ul>\n");
            for (Money amount : converted.leftOut()) {
                html.append("<li>").append(e(amount.toString())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
    }

    /** A group's totals in the reporting currency: the sum, whether partial, each rate used and what was left out. */
    private static void groupConverted(StringBuilder html, LabelGroup group, ConvertedTotal converted) {
        String target = converted.target().getCurrencyCode();
        String rates = String.join(
                "; ",
                converted.rates().stream()
                        .map(applied -> applied.rate().pair() + " "
                                + applied.rate().rate().toPlainString() + " ("
                                + applied.rate().date() + ", " + applied.rate().source()
                                + (applied.stale() ? ", stale" : "") + ")")
                        .toList());
        String leftOut = converted.partial()
                ? "; left out, no rate: "
                        + String.join(
                                ", ",
                                converted.leftOut().stream()
                                        .map(Money::toString)
                                        .toList())
                : "";
        html.append("<tr><td>")
                .append(group.labelled() ? e(group.group()) : "<em>" + e(group.group()) + "</em>")
                .append("</td><td>in ")
                .append(e(target))
                .append("</td><td></td><td class=\"n\"><strong>")
                .append(e(converted.total().amount().toPlainString() + " " + target))
                .append("</strong>")
                .append(converted.partial() ? " <span class=\"stale\">PARTIAL</span>" : "")
                .append("</td><td>")
                .append(e("rates: " + (rates.isEmpty() ? "none" : rates) + leftOut))
                .append("</td></tr>\n");
    }

    private static void labelGroups(StringBuilder html, LabelSection section) {
        html.append("<h2>Per ")
                .append(e(section.key()))
                .append("</h2>\n<table><tr><th>")
                .append(e(section.key()))
                .append("</th><th>Currency</th><th>Accounts</th><th>Total</th><th>Share %</th></tr>\n");
        for (LabelGroup group : section.groups()) {
            for (GroupCurrency c : group.currencies()) {
                html.append("<tr><td>")
                        .append(group.labelled() ? e(group.group()) : "<em>" + e(group.group()) + "</em>")
                        .append("</td><td>")
                        .append(e(c.currency()))
                        .append("</td><td class=\"n\">")
                        .append(c.count())
                        .append("</td><td class=\"n\">")
                        .append(e(c.total().toPlainString() + " " + c.currency()))
                        .append("</td><td class=\"n\">")
                        .append(e(c.sharePercent().toPlainString()))
                        .append("</td></tr>\n");
            }
            group.convertedTotal().ifPresent(converted -> groupConverted(html, group, converted));
        }
        html.append("</table>\n<h3>Card limits per ")
                .append(e(section.key()))
                .append("</h3>\n<table><tr><th>")
                .append(e(section.key()))
                .append(
                        "</th><th>Period</th><th>Cards</th><th>Remaining</th><th>Total</th><th>Utilization %</th></tr>\n");
        for (LabelGroup group : section.groups()) {
            for (GroupCardLimits l : group.cardLimits()) {
                html.append("<tr><td>")
                        .append(group.labelled() ? e(group.group()) : "<em>" + e(group.group()) + "</em>")
                        .append("</td><td>")
                        .append(e(l.period()))
                        .append("</td><td class=\"n\">")
                        .append(l.cards())
                        .append("</td><td class=\"n\">")
                        .append(e(l.remaining().toPlainString() + " " + l.currency()))
                        .append("</td><td class=\"n\">")
                        .append(e(text(l.total())))
                        .append("</td><td class=\"n\">")
                        .append(e(text(l.utilizationPercent())))
                        .append("</td></tr>\n");
            }
        }
        html.append("</table>\n");
    }

    private static String text(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse("");
    }

    private static String signed(BigDecimal value) {
        return value.signum() > 0 ? "+" + value.toPlainString() : value.toPlainString();
    }

    static String e(String text) {
        return com.balancehistory.adapters.http.in.web.Html.escape(text);
    }
}
