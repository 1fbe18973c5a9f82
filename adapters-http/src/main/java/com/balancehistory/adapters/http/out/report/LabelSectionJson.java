package com.balancehistory.adapters.http.out.report;

import com.balancehistory.application.model.report.AllocationReport.GroupCardLimits;
import com.balancehistory.application.model.report.AllocationReport.GroupCurrency;
import com.balancehistory.application.model.report.AllocationReport.LabelGroup;
import com.balancehistory.application.model.report.AllocationReport.LabelSection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's per-label section in JSON, {@code labelGroups}: written only when the report has one, so reports
 * stored before it existed read back unchanged. Amounts and percentages are strings with their exact decimals.
 */
final class LabelSectionJson {

    static final String FIELD = "labelGroups";

    private LabelSectionJson() {}

    static void write(ObjectNode root, Optional<LabelSection> section) {
        if (section.isEmpty()) {
            return;
        }
        ObjectNode node = root.putObject(FIELD);
        node.put("key", section.get().key());
        ArrayNode groups = node.putArray("groups");
        for (LabelGroup group : section.get().groups()) {
            ObjectNode g = groups.addObject();
            g.put("group", group.group());
            g.put("labelled", group.labelled());
            ArrayNode currencies = g.putArray("currencies");
            for (GroupCurrency currency : group.currencies()) {
                ObjectNode c = currencies.addObject();
                c.put("currency", currency.currency());
                c.put("count", currency.count());
                c.put("total", currency.total().toPlainString());
                c.put("sharePercent", currency.sharePercent().toPlainString());
            }
            ArrayNode cards = g.putArray("cardLimits");
            for (GroupCardLimits limits : group.cardLimits()) {
                ObjectNode l = cards.addObject();
                l.put("currency", limits.currency());
                l.put("period", limits.period());
                l.put("cards", limits.cards());
                l.put("remaining", limits.remaining().toPlainString());
                l.put("total", limits.total().map(BigDecimal::toPlainString).orElse(null));
                l.put(
                        "utilizationPercent",
                        limits.utilizationPercent()
                                .map(BigDecimal::toPlainString)
                                .orElse(null));
            }
            ConvertedTotalJson.write(g, group.convertedTotal());
        }
    }

    static Optional<LabelSection> read(JsonNode root) {
        JsonNode node = root.get(FIELD);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        List<LabelGroup> groups = new ArrayList<>();
        for (JsonNode g : node.get("groups")) {
            List<GroupCurrency> currencies = new ArrayList<>();
            for (JsonNode c : g.get("currencies")) {
                currencies.add(new GroupCurrency(
                        c.get("currency").asText(),
                        c.get("count").asInt(),
                        new BigDecimal(c.get("total").asText()),
                        new BigDecimal(c.get("sharePercent").asText())));
            }
            List<GroupCardLimits> cards = new ArrayList<>();
            for (JsonNode l : g.get("cardLimits")) {
                cards.add(new GroupCardLimits(
                        l.get("currency").asText(),
                        l.get("period").asText(),
                        l.get("cards").asInt(),
                        new BigDecimal(l.get("remaining").asText()),
                        decimal(l, "total"),
                        decimal(l, "utilizationPercent")));
            }
            groups.add(new LabelGroup(
                    g.get("group").asText(),
                    g.get("labelled").asBoolean(),
                    currencies,
                    cards,
                    ConvertedTotalJson.read(g)));
        }
        return Optional.of(new LabelSection(node.get("key").asText(), groups));
    }

    private static Optional<BigDecimal> decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(new BigDecimal(value.asText()));
    }
}
