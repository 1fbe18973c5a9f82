package com.balancehistory.adapters.http.out.report;

import com.balancehistory.domain.money.ConvertedTotal;
import com.balancehistory.domain.money.ConvertedTotal.AppliedRate;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.FxRate;
import com.balancehistory.domain.money.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's totals in one reporting currency, {@code convertedTotal}: written only when the report has one (a
 * schedule's {@code convert-to}), so reports without it read as before. Amounts and rates are exact decimal text.
 */
final class ConvertedTotalJson {

    static final String FIELD = "convertedTotal";

    private ConvertedTotalJson() {}

    static void write(ObjectNode root, Optional<ConvertedTotal> converted) {
        if (converted.isEmpty()) {
            return;
        }
        ConvertedTotal total = converted.get();
        ObjectNode node = root.putObject(FIELD);
        node.put("currency", total.target().getCurrencyCode());
        node.put("amount", total.total().amount().toPlainString());
        node.put("asOf", total.asOf().toString());
        node.put("rounding", ConvertedTotal.ROUNDING);
        node.put("partial", total.partial());
        ArrayNode missing = node.putArray("missingCurrencies");
        total.missingCurrencies().forEach(c -> missing.add(c.getCurrencyCode()));
        ArrayNode leftOut = node.putArray("leftOut");
        for (Money amount : total.leftOut()) {
            leftOut.addObject()
                    .put("currency", amount.currencyCode())
                    .put("amount", amount.amount().toPlainString());
        }
        node.put("staleRates", total.anyStale());
        ArrayNode rates = node.putArray("rates");
        for (AppliedRate applied : total.rates()) {
            ObjectNode r = rates.addObject();
            r.put("from", applied.rate().from().getCurrencyCode());
            r.put("to", applied.rate().to().getCurrencyCode());
            r.put("rate", applied.rate().rate().toPlainString());
            r.put("date", applied.rate().date().toString());
            r.put("source", applied.rate().source());
            r.put("stale", applied.stale());
            r.put("amount", applied.amount().amount().toPlainString());
            r.put("converted", applied.product().toPlainString());
        }
    }

    static Optional<ConvertedTotal> read(JsonNode root) {
        JsonNode node = root.get(FIELD);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String target = node.get("currency").asText();
        List<AppliedRate> rates = new ArrayList<>();
        for (JsonNode r : node.get("rates")) {
            FxRate rate = FxRate.of(
                    r.get("from").asText(),
                    r.get("to").asText(),
                    r.get("rate").asText(),
                    LocalDate.parse(r.get("date").asText()),
                    r.get("source").asText());
            rates.add(new AppliedRate(
                    rate,
                    Money.parse(r.get("amount").asText(), rate.from()),
                    new BigDecimal(r.get("converted").asText()),
                    r.get("stale").asBoolean()));
        }
        List<Money> leftOut = new ArrayList<>();
        for (JsonNode a : node.get("leftOut")) {
            leftOut.add(Money.parse(
                    a.get("amount").asText(),
                    CurrencyCodes.require(a.get("currency").asText())));
        }
        return Optional.of(new ConvertedTotal(
                Money.parse(node.get("amount").asText(), CurrencyCodes.require(target)),
                Instant.parse(node.get("asOf").asText()),
                rates,
                leftOut));
    }
}
