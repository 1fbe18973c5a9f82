package com.balancehistory.bootstrap.api;

import com.balancehistory.adapters.http.in.auth.ApiKey;
import com.balancehistory.adapters.http.in.auth.ApiKeys;
import com.balancehistory.adapters.http.in.auth.ApiRole;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.HealthScale;
import com.balancehistory.domain.analytics.HealthTier;
import com.balancehistory.domain.analytics.HealthTiers;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the API's bound configuration records into the domain's settings, with errors that name the key at fault.
 * Kept free of the application context so it is tested directly.
 */
final class ApiSettingsReader {

    static final String KEYS = ApiKeyProperties.PREFIX;
    static final String HEALTH_TIERS = HealthTierProperties.PREFIX;
    static final String LOW_BALANCE = LowBalanceProperties.PREFIX;

    private ApiSettingsReader() {}

    /** One configured API key, in either form, with the key it was configured under ({@code at}). */
    record ApiKeyEntry(String at, String name, String role, String sha256, String key) {}

    /** The configured keys, in the order given; a plain {@code key} is hashed here and dropped. */
    static List<ApiKey> apiKeys(List<ApiKeyEntry> entries) {
        List<ApiKey> keys = new ArrayList<>();
        for (ApiKeyEntry entry : entries) {
            keys.add(apiKey(entry));
        }
        return keys;
    }

    /** Refuses keys anyone can know (the demo keys the README publishes), naming the entries. */
    static void refusePublishedKeys(ApiKeys keys, List<String> published) {
        List<String> names = keys.namesOfKeysEqualTo(published);
        if (!names.isEmpty()) {
            throw new ApiConfigurationError(KEYS + ": key(s) " + names + " are published demo keys; outside --demo "
                    + "configure keys of your own (at least 16 characters, ideally 32 random bytes)");
        }
    }

    private static ApiKey apiKey(ApiKeyEntry entry) {
        if (entry.name() == null || entry.name().isBlank()) {
            throw new ApiConfigurationError(entry.at() + ".name is required");
        }
        try {
            ApiRole role = ApiRole.fromConfig(entry.role() == null ? "reader" : entry.role());
            if ((entry.sha256() == null) == (entry.key() == null)) {
                throw new IllegalArgumentException("give exactly one of sha256 and key");
            }
            return entry.sha256() != null
                    ? ApiKey.ofSha256Hex(entry.name(), role, entry.sha256())
                    : ApiKey.ofPlain(entry.name(), role, entry.key());
        } catch (IllegalArgumentException e) {
            throw new ApiConfigurationError(entry.at() + ": " + e.getMessage());
        }
    }

    /**
     * Health tiers per currency, added to the domain's defaults (USD):
     * {@code {EUR: {tiers: [{minimum: "40000", score: 100, label: EXCELLENT}], floor-score: 20, floor-label: CRITICAL}}}.
     */
    static HealthScale healthScale(List<HealthTierProperties> configured) {
        HealthScale scale = HealthScale.defaults();
        List<HealthTierProperties> sorted = new ArrayList<>(configured);
        sorted.sort(Comparator.comparing(HealthTierProperties::currency));
        for (HealthTierProperties entry : sorted) {
            String code = entry.currency().toUpperCase(Locale.ROOT);
            String at = HEALTH_TIERS + "." + code;
            try {
                Currency currency = CurrencyCodes.require(code);
                List<HealthTier> tiers = new ArrayList<>();
                if (entry.tiers() == null || entry.tiers().isEmpty()) {
                    throw new IllegalArgumentException("tiers must be a list of {minimum, score, label}");
                }
                for (Map<String, Object> tier : entry.tiers()) {
                    tiers.add(HealthTier.atLeast(
                            Money.parse(String.valueOf(tier.get("minimum")), currency),
                            Integer.parseInt(String.valueOf(tier.get("score"))),
                            String.valueOf(tier.get("label"))));
                }
                int floorScore = entry.floorScore() == null ? 0 : entry.floorScore();
                String floorLabel = entry.floorLabel() == null ? "CRITICAL" : entry.floorLabel();
                scale = scale.with(new HealthTiers(currency, tiers, floorScore, floorLabel));
            } catch (RuntimeException e) {
                throw new ApiConfigurationError(at + ": " + e.getMessage());
            }
        }
        return scale;
    }

    /**
     * Low-balance rules, the one set used by the account detail, the overview, the allocation report and the
     * low-balance alerts: {@code {currencies: {USD: "1000.00", EUR: "20%", GBP: "5% of total"}, accounts: [{account:
     * id, threshold: "500.00", currency: USD}]}}. A threshold {@code "20%"} or {@code "20% of initial"} is a share of
     * the account's initial balance; {@code "5% of total"} a share of the total of positive balances in the account's
     * currency. Without rules no balance counts as low (the domain's default).
     */
    static LowBalancePolicy lowBalance(LowBalanceProperties settings, List<LowBalanceAccountProperties> accounts) {
        LowBalancePolicy policy = LowBalancePolicy.none();
        if (settings.currencies() != null) {
            for (Map.Entry<String, String> entry : new TreeMap<>(settings.currencies()).entrySet()) {
                String code = entry.getKey().toUpperCase(Locale.ROOT);
                String at = LOW_BALANCE + ".currencies." + code;
                try {
                    Currency currency = CurrencyCodes.require(code);
                    policy = policy.forCurrency(currency, rule(String.valueOf(entry.getValue()), currency));
                } catch (RuntimeException e) {
                    throw new ApiConfigurationError(at + ": " + e.getMessage());
                }
            }
        }
        List<LowBalanceAccountProperties> sorted = new ArrayList<>(accounts);
        sorted.sort(Comparator.comparing(LowBalanceAccountProperties::index));
        for (LowBalanceAccountProperties rule : sorted) {
            String at = LOW_BALANCE + ".accounts[" + rule.index() + "]";
            try {
                if (rule.account() == null || rule.threshold() == null) {
                    throw new IllegalArgumentException("an account rule needs account and threshold");
                }
                AccountId account = new AccountId(rule.account());
                String threshold = rule.threshold();
                policy = policy.forAccount(
                        account,
                        threshold.contains("%")
                                        || threshold
                                                .strip()
                                                .toLowerCase(Locale.ROOT)
                                                .startsWith("runway")
                                ? rule(threshold, null)
                                : rule(threshold, CurrencyCodes.require(requireCurrency(rule.currency()))));
            } catch (RuntimeException e) {
                throw new ApiConfigurationError(at + ": " + e.getMessage());
            }
        }
        return policy;
    }

    private static String requireCurrency(String currency) {
        if (currency == null) {
            throw new IllegalArgumentException("an absolute account threshold needs a currency");
        }
        return currency.toUpperCase(Locale.ROOT);
    }

    /**
     * {@code "1000.00"}, {@code "20%"} / {@code "20% of initial"}, {@code "5% of total"}, or {@code "runway < 7d"}
     * (also hours, {@code "runway < 36h"}, or an ISO-8601 duration, {@code "runway < P7D"}).
     */
    private static LowBalanceRule rule(String text, Currency currency) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("runway")) {
            return runwayRule(text, value.substring("runway".length()).strip());
        }
        int percent = value.indexOf('%');
        if (percent < 0) {
            return LowBalanceRule.below(Money.of(Money.parseDecimal(value), currency));
        }
        BigDecimal share = Money.parseDecimal(value.substring(0, percent).strip());
        String of = value.substring(percent + 1).strip();
        return switch (of) {
            case "", "of initial" -> LowBalanceRule.belowPercentOfInitial(share);
            case "of total" -> LowBalanceRule.belowPercentOfTotal(share);
            default ->
                throw new IllegalArgumentException(
                        "'" + text + "' is not an amount, \"N%\", \"N% of initial\"" + " or \"N% of total\"");
        };
    }

    private static LowBalanceRule runwayRule(String text, String rest) {
        if (!rest.startsWith("<")) {
            throw new IllegalArgumentException("'" + text + "' is not a runway rule such as \"runway < 7d\"");
        }
        String length = rest.substring(1).strip();
        try {
            Duration minimum;
            if (length.startsWith("p")) {
                minimum = Duration.parse(length.toUpperCase(Locale.ROOT));
            } else if (length.endsWith("d")) {
                minimum = Duration.ofDays(
                        Long.parseLong(length.substring(0, length.length() - 1).strip()));
            } else if (length.endsWith("h")) {
                minimum = Duration.ofHours(
                        Long.parseLong(length.substring(0, length.length() - 1).strip()));
            } else {
                throw new IllegalArgumentException("no unit");
            }
            return LowBalanceRule.runwayBelow(minimum);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a runway rule such as \"runway < 7d\" (days "
                    + "d, hours h, or an ISO-8601 duration): " + e.getMessage());
        }
    }

    /** A configuration value of the API that cannot be used; the message names the key. */
    static final class ApiConfigurationError extends IllegalArgumentException {
        ApiConfigurationError(String message) {
            super(message);
        }
    }
}
