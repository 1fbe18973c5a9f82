package com.balancehistory.adapters.http.out.report;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.report.AllocationReport;
import com.balancehistory.application.model.report.AllocationReport.AccountLine;
import com.balancehistory.application.model.report.AllocationReport.CardLimitLine;
import com.balancehistory.application.model.report.AllocationReport.CurrencySection;
import com.balancehistory.application.model.report.AllocationReport.FailingSource;
import com.balancehistory.application.model.report.AllocationReport.Freshness;
import com.balancehistory.application.model.report.AllocationReport.StaleAccount;
import com.balancehistory.application.model.report.ReportSummary;
import com.balancehistory.application.port.out.report.ReportRenderer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The report's formats. JSON is written field by field: amounts as strings with their exact decimals ("1234.50"),
 * times as ISO-8601 UTC, absent values as null. The same JSON is stored, served and sent to webhooks.
 */
public final class JacksonReportRenderer implements ReportRenderer {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String json(AllocationReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", AllocationReport.TYPE);
        root.put("asOf", report.asOf().toString());
        root.put("previousReportId", report.previousReportId().orElse(null));
        root.put("previousAsOf", report.previousAsOf().map(Instant::toString).orElse(null));
        ArrayNode currencies = root.putArray("currencies");
        for (CurrencySection section : report.currencies()) {
            ObjectNode node = currencies.addObject();
            node.put("currency", section.currency());
            node.put("count", section.count());
            node.put("total", section.total().toPlainString());
            node.put("shareBase", section.shareBase().toPlainString());
            node.put("average", section.average().toPlainString());
            node.put("zeroTotal", section.zeroTotal());
            node.put("totalChange", text(section.totalChange()));
            ArrayNode accounts = node.putArray("accounts");
            for (AccountLine line : section.accounts()) {
                ObjectNode a = accounts.addObject();
                a.put("accountId", line.accountId());
                a.put("name", line.name());
                a.put("source", line.source());
                a.put("kind", line.kind());
                a.put("balance", line.balance().toPlainString());
                a.put("sharePercent", line.sharePercent().toPlainString());
                a.put("change", text(line.change()));
                a.put("healthTier", line.healthTier());
                a.put("healthScore", line.healthScore().orElse(null));
                a.put("low", line.low());
                a.put("lowThreshold", text(line.lowThreshold()));
                a.put("observedAt", line.observedAt().toString());
                a.put("stale", line.stale());
            }
        }
        ArrayNode limits = root.putArray("cardLimits");
        for (CardLimitLine line : report.cardLimits()) {
            ObjectNode l = limits.addObject();
            l.put("accountId", line.accountId());
            l.put("name", line.name());
            l.put("source", line.source());
            l.put("currency", line.currency());
            l.put("period", line.period());
            l.put("remaining", line.remaining().toPlainString());
            l.put("total", text(line.total()));
            l.put("used", text(line.used()));
            l.put("utilizationPercent", text(line.utilizationPercent()));
            l.put("observedAt", line.observedAt().toString());
            l.put("stale", line.stale());
        }
        ObjectNode freshness = root.putObject("freshness");
        freshness.put("allCurrent", report.freshness().allCurrent());
        ArrayNode stale = freshness.putArray("staleAccounts");
        for (StaleAccount account : report.freshness().staleAccounts()) {
            ObjectNode s = stale.addObject();
            s.put("accountId", account.accountId());
            s.put("name", account.name());
            s.put("source", account.source());
            s.put("observedAt", account.observedAt().toString());
            s.put("staleBefore", account.staleBefore().toString());
        }
        ArrayNode failing = freshness.putArray("failingSources");
        for (FailingSource source : report.freshness().failingSources()) {
            ObjectNode f = failing.addObject();
            f.put("source", source.source());
            f.put("consecutiveFailures", source.consecutiveFailures());
            f.put("lastFailureAt", source.lastFailureAt().map(Instant::toString).orElse(null));
            f.put("lastSuccessAt", source.lastSuccessAt().map(Instant::toString).orElse(null));
            f.put("lastError", source.lastError().orElse(null));
        }
        LabelSectionJson.write(root, report.labelGroups());
        ConvertedTotalJson.write(root, report.convertedTotal());
        return write(root);
    }

    @Override
    public AllocationReport parseJson(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored report content is not JSON: " + e.getOriginalMessage(), e);
        }
        List<CurrencySection> sections = list(
                root.get("currencies"),
                node -> new CurrencySection(
                        node.get("currency").asText(),
                        node.get("count").asInt(),
                        decimal(node, "total").orElseThrow(),
                        decimal(node, "shareBase").orElseThrow(),
                        decimal(node, "average").orElseThrow(),
                        node.get("zeroTotal").asBoolean(),
                        decimal(node, "totalChange"),
                        list(
                                node.get("accounts"),
                                a -> new AccountLine(
                                        a.get("accountId").asText(),
                                        a.get("name").asText(),
                                        a.get("source").asText(),
                                        a.get("kind").asText(),
                                        decimal(a, "balance").orElseThrow(),
                                        decimal(a, "sharePercent").orElseThrow(),
                                        decimal(a, "change"),
                                        a.get("healthTier").asText(),
                                        present(a, "healthScore").map(JsonNode::asInt),
                                        a.get("low").asBoolean(),
                                        decimal(a, "lowThreshold"),
                                        instant(a, "observedAt").orElseThrow(),
                                        a.get("stale").asBoolean()))));
        List<CardLimitLine> limits = list(
                root.get("cardLimits"),
                l -> new CardLimitLine(
                        l.get("accountId").asText(),
                        l.get("name").asText(),
                        l.get("source").asText(),
                        l.get("currency").asText(),
                        l.get("period").asText(),
                        decimal(l, "remaining").orElseThrow(),
                        decimal(l, "total"),
                        decimal(l, "used"),
                        decimal(l, "utilizationPercent"),
                        instant(l, "observedAt").orElseThrow(),
                        l.get("stale").asBoolean()));
        JsonNode freshness = root.get("freshness");
        Freshness fresh = new Freshness(
                list(
                        freshness.get("staleAccounts"),
                        s -> new StaleAccount(
                                s.get("accountId").asText(),
                                s.get("name").asText(),
                                s.get("source").asText(),
                                instant(s, "observedAt").orElseThrow(),
                                instant(s, "staleBefore").orElseThrow())),
                list(
                        freshness.get("failingSources"),
                        f -> new FailingSource(
                                f.get("source").asText(),
                                f.get("consecutiveFailures").asInt(),
                                instant(f, "lastFailureAt"),
                                instant(f, "lastSuccessAt"),
                                present(f, "lastError").map(JsonNode::asText))));
        return new AllocationReport(
                instant(root, "asOf").orElseThrow(),
                present(root, "previousReportId").map(JsonNode::asLong),
                instant(root, "previousAsOf"),
                sections,
                limits,
                fresh,
                LabelSectionJson.read(root),
                ConvertedTotalJson.read(root));
    }

    @Override
    public String csv(AllocationReport report) {
        return ReportCsv.render(report);
    }

    @Override
    public String html(Optional<ReportSummary> summary, AllocationReport report) {
        return ReportHtml.render(summary, report);
    }

    @Override
    public String alertJson(AlertEvent event) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", event.id());
        root.put("event", event.type().code());
        root.put("kind", event.key().kind().apiName());
        root.put("subject", event.key().subject());
        root.put("source", event.source());
        root.put("occurredAt", event.occurredAt().toString());
        root.put("firedAt", event.firedAt().toString());
        root.put("value", text(event.value()));
        root.put("threshold", text(event.threshold()));
        root.put("unit", event.unit().orElse(null));
        root.put("message", event.message());
        return write(root);
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String text(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse(null);
    }

    private static Optional<JsonNode> present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<BigDecimal> decimal(JsonNode node, String field) {
        return present(node, field).map(value -> new BigDecimal(value.asText()));
    }

    private static Optional<Instant> instant(JsonNode node, String field) {
        return present(node, field).map(value -> Instant.parse(value.asText()));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> items.add(item.apply(node)));
        }
        return items;
    }
}
