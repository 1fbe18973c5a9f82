package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.adapters.http.in.auth.ApiKey;
import com.balancehistory.adapters.http.in.auth.ApiKeys;
import com.balancehistory.adapters.http.in.auth.ApiRole;
import com.balancehistory.adapters.http.out.SourceSettings;
import com.balancehistory.adapters.persistence.JooqPollScheduleStore;
import com.balancehistory.adapters.persistence.TopUpNoise;
import com.balancehistory.application.service.alert.AlertRules;
import com.balancehistory.application.service.fx.FxSettings;
import com.balancehistory.application.service.query.QuerySettings;
import com.balancehistory.application.service.session.SessionSettings;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.FxRate;
import com.balancehistory.domain.money.Money;
import io.micronaut.runtime.server.EmbeddedServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration mistakes are reported when the service starts, by name, not found out from wrong behaviour later. */
class StartupValidationIT {

    @Test
    void an_api_key_with_an_unknown_role_refuses_start_naming_the_entry_and_the_allowed_roles() {
        Map<String, Object> properties = database();
        properties.putAll(TestProperties.none()
                .apiKey("ops", "superuser", "a-long-enough-key-for-operations")
                .asMap());

        assertThatThrownBy(() -> ServiceContexts.runServer(properties).close())
                .hasStackTraceContaining("balance-history.api.keys[0]")
                .hasStackTraceContaining("role 'superuser' is not reader, admin or metrics");
    }

    @Test
    void api_keys_may_be_given_as_a_map_by_name_as_environment_variables_give_them() {
        Map<String, Object> properties = database();
        properties.put("balance-history.api.keys.operations.role", "admin");
        properties.put("balance-history.api.keys.operations.key", "a-long-enough-key-for-operations");
        properties.put(
                "balance-history.api.keys.dashboards.sha256", ApiKey.sha256Hex("a-long-enough-key-for-dashboards"));

        try (EmbeddedServer server = ServiceContexts.runServer(properties)) {
            ApiKeys keys = server.getApplicationContext().getBean(ApiKeys.class);
            assertThat(keys.authenticate("a-long-enough-key-for-operations").map(ApiKey::role))
                    .contains(ApiRole.ADMIN);
            assertThat(keys.authenticate("a-long-enough-key-for-dashboards").map(ApiKey::name))
                    .contains("dashboards");
            assertThat(server.getApplicationContext()
                            .getBean(UnknownSettings.class)
                            .unknown())
                    .isEmpty();
        }
    }

    @Test
    void a_bad_failed_key_throttle_refuses_start_naming_the_key() {
        Map<String, Object> properties = database();
        properties.put("balance-history.api.failed-key-throttle.max-failures", "0");

        assertThatThrownBy(() -> ServiceContexts.runServer(properties).close())
                .hasStackTraceContaining("balance-history.api.failed-key-throttle: max-failures must be at least 1");

        Map<String, Object> notADuration = database();
        notADuration.put("balance-history.api.failed-key-throttle.window", "soon");
        assertThatThrownBy(() -> ServiceContexts.runServer(notADuration).close())
                .hasStackTraceContaining("balance-history.api.failed-key-throttle.window: 'soon' is not a duration");
    }

    @Test
    void low_balance_health_tier_and_alert_settings_are_bound_from_configuration() {
        Map<String, Object> properties = database();
        properties.put("balance-history.low-balance.currencies.USD", "1000.00");
        properties.put("balance-history.low-balance.accounts[0].account", "src.budget.b1");
        properties.put("balance-history.low-balance.accounts[0].threshold", "20%");
        properties.put("balance-history.health-tiers.EUR.tiers[0].minimum", "1000");
        properties.put("balance-history.health-tiers.EUR.tiers[0].score", "90");
        properties.put("balance-history.health-tiers.EUR.tiers[0].label", "FINE");
        properties.put("balance-history.health-tiers.EUR.floor-label", "EMPTY");
        properties.put("balance-history.alerts.hysteresis", "0.10");
        properties.put("balance-history.alerts.cooldown", "30m");
        properties.put("balance-history.alerts.stale-intervals", "off");
        properties.put("balance-history.alerts.top-up-settled-window", "2h");
        properties.put("balance-history.alerts.low-limit.daily", "20");

        try (EmbeddedServer server = ServiceContexts.runServer(properties)) {
            QuerySettings settings = server.getApplicationContext().getBean(QuerySettings.class);
            assertThat(settings.lowBalance().currencyRules().get(Currency.getInstance("USD")))
                    .isEqualTo(LowBalanceRule.below(Money.parse("1000.00", "USD")));
            assertThat(settings.lowBalance().accountRules().get(new AccountId("src.budget.b1")))
                    .isEqualTo(LowBalanceRule.belowPercentOfInitial(new BigDecimal("20")));
            assertThat(settings.healthScale().rate(Money.parse("1000", "EUR")).label())
                    .isEqualTo("FINE");
            assertThat(settings.healthScale().rate(Money.parse("999", "EUR")).label())
                    .isEqualTo("EMPTY");
            AlertRules rules = server.getApplicationContext().getBean(AlertRules.class);
            assertThat(rules.hysteresis().band()).isEqualTo(new BigDecimal("0.10"));
            assertThat(rules.lifecycle().cooldown()).isEqualTo(Duration.ofMinutes(30));
            assertThat(rules.staleIntervals()).isEmpty();
            assertThat(rules.significantWindow()).contains(Duration.ofHours(1));
            assertThat(rules.topUpSettledWindow()).contains(Duration.ofHours(2));
            assertThat(rules.lowLimit()).hasSize(1);
            assertThat(server.getApplicationContext()
                            .getBean(UnknownSettings.class)
                            .unknown())
                    .isEmpty();
        }
    }

    @Test
    void a_bad_low_balance_or_alert_setting_refuses_start_naming_the_key() {
        Map<String, Object> lowBalance = database();
        lowBalance.put("balance-history.low-balance.accounts[0].account", "src.budget.b1");
        lowBalance.put("balance-history.low-balance.accounts[0].threshold", "500.00");
        assertThatThrownBy(() -> ServiceContexts.runServer(lowBalance).close())
                .hasStackTraceContaining(
                        "balance-history.low-balance.accounts[0]: an absolute account threshold " + "needs a currency");

        Map<String, Object> cooldown = database();
        cooldown.put("balance-history.alerts.cooldown", "a while");
        assertThatThrownBy(() -> ServiceContexts.runServer(cooldown).close())
                .hasStackTraceContaining("balance-history.alerts.cooldown: 'a while' is not a duration");

        Map<String, Object> window = database();
        window.put("balance-history.alerts.significant-change-window", "never");
        assertThatThrownBy(() -> ServiceContexts.runServer(window).close())
                .hasStackTraceContaining("balance-history.alerts.significant-change-window: 'never' is not a duration");

        Map<String, Object> typo = database();
        typo.put("balance-history.low-balance.currency.USD", "5");
        try (EmbeddedServer server = ServiceContexts.runServer(typo)) {
            assertThat(server.getApplicationContext()
                            .getBean(UnknownSettings.class)
                            .unknown())
                    .containsExactly("balance-history.low-balance.currency");
        }
    }

    @Test
    void a_bad_session_scheduler_change_or_top_up_setting_is_refused_naming_the_key() {
        assertRefusedNaming(
                SessionSettings.class,
                "balance-history.dashboard.session.idle-timeout",
                "soon",
                "balance-history.dashboard.session.idle-timeout: 'soon' is not a duration");
        assertRefusedNaming(
                SessionSettings.class,
                "balance-history.dashboard.session.max-lifetime",
                "1m",
                "balance-history.dashboard.session: session max-lifetime (PT1M) must not be shorter than idle-timeout");
        assertRefusedNaming(
                JooqPollScheduleStore.class,
                "balance-history.scheduler.affinity-grace",
                "later",
                "balance-history.scheduler.affinity-grace: 'later' is not a duration");
        assertRefusedNaming(
                JooqPollScheduleStore.class,
                "balance-history.scheduler.tick",
                "0s",
                "balance-history.scheduler.tick: must be positive");
        for (String scheduledInterval : List.of(
                "balance-history.reports.tick", "balance-history.outbox.every", "balance-history.rollup.every")) {
            assertRefusedNaming(
                    ChangeDetector.class, scheduledInterval, "0s", scheduledInterval + ": must be positive, got PT0S");
            assertRefusedNaming(
                    ChangeDetector.class,
                    scheduledInterval,
                    "often",
                    scheduledInterval + ": 'often' is not a duration");
        }
        assertRefusedNaming(
                ChangeDetector.class,
                "balance-history.changes.significant-percent",
                "a tenth",
                "balance-history.changes.significant-percent: 'a tenth' is not a decimal number");
        assertRefusedNaming(
                ChangeDetector.class,
                "balance-history.changes.significant-amounts.USD",
                "1e3",
                "balance-history.changes.significant-amounts.USD: amount '1e3' is not a plain decimal number");
        assertRefusedNaming(
                TopUpNoise.class,
                "balance-history.top-ups.noise-amount.XXQ",
                "1.00",
                "balance-history.top-ups.noise-amount.XXQ:");
    }

    /** The key's bad value stops the start, or at the latest the first use of the bean it configures, naming it. */
    private static void assertRefusedNaming(Class<?> bean, String key, String value, String message) {
        Map<String, Object> properties = database();
        properties.put(key, value);
        assertThatThrownBy(() -> {
                    try (EmbeddedServer server = ServiceContexts.runServer(properties)) {
                        server.getApplicationContext().getBean(bean);
                    }
                })
                .hasStackTraceContaining(message);
    }

    @Test
    void sources_are_bound_from_kebab_or_camel_case_keys_and_the_bad_ones_are_left_out_naming_the_key() {
        Map<String, Object> properties = database();
        String ahrvo = "balance-history.sources.ahrvo-main.";
        properties.put(ahrvo + "provider", "ahrvo");
        properties.put(ahrvo + "base-url", "http://127.0.0.1:1/");
        properties.put(ahrvo + "api-key", "key-123456");
        properties.put(ahrvo + "access-token", "token-abcdef");
        properties.put(ahrvo + "card-ids[0]", "c1");
        properties.put(ahrvo + "card-ids[1]", "c2");
        properties.put(ahrvo + "connect-timeout", "3s");
        properties.put(ahrvo + "read-timeout", "PT20S");
        properties.put(ahrvo + "max-concurrency", "20");
        properties.put(ahrvo + "max-requests-per-second", "90.5");
        properties.put(ahrvo + "max-response-bytes", "2MiB");
        properties.put(ahrvo + "interval", "30s");
        properties.put(ahrvo + "card-limit-totals.c1.daily", "2000.00");
        properties.put("balance-history.sources.grantex-camel.provider", "grantex");
        properties.put("balance-history.sources.grantex-camel.baseUrl", "http://127.0.0.1:1");
        properties.put("balance-history.sources.grantex-camel.apiKey", "gx_123");
        properties.put("balance-history.sources.grantex-camel.grantIds", "grnt_1, grnt_2");
        properties.put("balance-history.sources.grantex-camel.interval", "PT5M");
        properties.put("balance-history.sources.holyheld-bot1.provider", "holyheld");
        properties.put("balance-history.sources.holyheld-bot1.base-url", "http://127.0.0.1:1");
        properties.put("balance-history.sources.holyheld-bot1.token", "hh-token");
        properties.put("balance-history.sources.holyheld-bot1.interval", "2h");
        properties.put("balance-history.sources.holyheld-bot1.circuit-cool-down", "7m");
        String broken = "balance-history.sources.ahrvo-broken.";
        properties.put(broken + "provider", "ahrvo");
        properties.put(broken + "base-url", "http://127.0.0.1:1");
        properties.put(broken + "access-token", "token-abcdef");
        properties.put(broken + "card-ids", "c1");
        bad(properties, "s1", "provider", "paypal");
        bad(properties, "s3", "read-timeout", "soon");
        bad(properties, "s5", "interval", "soon");
        bad(properties, "s6", "interval", "0s");
        bad(properties, "s7", "card-limit-totals.c1.daily", "lots");
        bad(properties, "s8", "max-response-bytes", "huge");

        try (EmbeddedServer server = ServiceContexts.runServer(properties)) {
            ConfiguredSources sources = server.getApplicationContext().getBean(ConfiguredSources.class);
            assertThat(sources.all())
                    .extracting(ConfiguredSources.Source::name)
                    .containsExactlyInAnyOrder("ahrvo-main", "grantex-camel", "holyheld-bot1");
            assertThat(sources.typicalIntervals())
                    .containsEntry("ahrvo-main", Duration.ofSeconds(30))
                    .containsEntry("grantex-camel", Duration.ofMinutes(5))
                    .containsEntry("holyheld-bot1", Duration.ofHours(2));
            assertThat(sources.byName("ahrvo-main").orElseThrow().cardLimitTotals())
                    .isEqualTo(Map.of("c1", Map.of(LimitPeriod.DAILY, new BigDecimal("2000.00"))));
            Map<String, String> problems = sources.misconfigured();
            assertThat(problems)
                    .containsOnlyKeys("ahrvo-broken", "s1", "s3", "s5", "s6", "s7", "s8")
                    .containsEntry("ahrvo-broken", "source 'ahrvo-broken': missing api-key");
            assertThat(problems.get("s1")).startsWith("source 's1': unknown provider 'paypal'");
            assertThat(problems.get("s3"))
                    .startsWith("balance-history.sources.s3.read-timeout: 'soon' is not a duration");
            assertThat(problems.get("s5")).startsWith("balance-history.sources.s5.interval: 'soon' is not a duration");
            assertThat(problems.get("s6")).startsWith("balance-history.sources.s6.interval: must be positive");
            assertThat(problems.get("s7")).startsWith("balance-history.sources.s7.card-limit-totals.c1.daily:");
            assertThat(problems.get("s8"))
                    .startsWith("balance-history.sources.s8.max-response-bytes: 'huge' is not a size");

            SourceSettings main = bound(server, "ahrvo-main");
            assertThat(main.baseUri().toString()).isEqualTo("http://127.0.0.1:1");
            assertThat(main.credential("access-token")).contains("token-abcdef");
            assertThat(main.parameterList("card-ids")).containsExactly("c1", "c2");
            assertThat(main.http().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(main.http().readTimeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(main.http().maxConcurrency()).isEqualTo(20);
            assertThat(main.http().maxRequestsPerSecond()).isEqualTo(90.5);
            assertThat(main.http().maxResponseBytes()).isEqualTo(2 * 1024 * 1024);
            assertThat(bound(server, "grantex-camel").parameterList("grant-ids"))
                    .containsExactly("grnt_1", "grnt_2");
            assertThat(bound(server, "holyheld-bot1").http().circuitOpenFor()).isEqualTo(Duration.ofMinutes(7));
        }
    }

    private static void bad(Map<String, Object> properties, String source, String key, String value) {
        String at = "balance-history.sources." + source + ".";
        properties.put(at + "provider", "holyheld");
        properties.put(at + "base-url", "http://127.0.0.1:1");
        properties.put(at + "token", "a-token");
        properties.put(at + key, value);
    }

    private static SourceSettings bound(EmbeddedServer server, String name) {
        SourceProperties source = server.getApplicationContext()
                .getBean(SourceProperties.class, io.micronaut.inject.qualifiers.Qualifiers.byName(name));
        return SourceBinding.read(server.getEnvironment(), source).orElseThrow().connection();
    }

    @Test
    void a_mistyped_key_under_a_source_leaves_that_source_out_naming_the_key() {
        Map<String, Object> properties = database();
        properties.put("balance-history.sources.typo.provider", "holyheld");
        properties.put("balance-history.sources.typo.base-url", "http://127.0.0.1:1");
        properties.put("balance-history.sources.typo.token", "a-token");
        properties.put("balance-history.sources.typo.intervall", "2s");

        try (EmbeddedServer server = ServiceContexts.runServer(properties)) {
            ConfiguredSources sources = server.getApplicationContext().getBean(ConfiguredSources.class);
            assertThat(sources.all()).isEmpty();
            assertThat(sources.misconfigured()).containsOnlyKeys("typo");
            assertThat(sources.misconfigured().get("typo")).contains("unknown setting(s) [intervall]");
        }
    }

    @Test
    void a_mistyped_key_under_another_balance_history_section_is_reported_at_start_up_by_name() {
        Map<String, Object> properties = database();
        properties.put("balance-history.scheduler.tik", "1s");
        properties.put("balance-history.retension.raw-months", "3");

        try (EmbeddedServer server = ServiceContexts.runServer(properties)) {
            assertThat(server.getApplicationContext()
                            .getBean(UnknownSettings.class)
                            .unknown())
                    .containsExactly("balance-history.retension", "balance-history.scheduler.tik");
        }
    }

    @Test
    void a_bad_exchange_rate_refuses_start_naming_the_key_and_what_is_wrong() {
        Map<String, Object> properties = database();
        rate(properties, 0, "EUR", "USD", "1.08", "2026-11-30", "ECB");
        rate(properties, 1, "GBP", "USD", "-1.27", "2026-11-30", "BoE");

        assertThatThrownBy(() -> ServiceContexts.runServer(properties).close())
                .hasStackTraceContaining("balance-history.fx.rates[1].rate: exchange rate GBP->USD must be positive");

        Map<String, Object> sameCurrency = database();
        rate(sameCurrency, 0, "EUR", "EUR", "1", "2026-11-30", "ECB");
        assertThatThrownBy(() -> ServiceContexts.runServer(sameCurrency).close())
                .hasStackTraceContaining("balance-history.fx.rates[0].to: a rate needs two different currencies");

        Map<String, Object> badDate = database();
        rate(badDate, 0, "EUR", "USD", "1.08", "30/11/2026", "ECB");
        assertThatThrownBy(() -> ServiceContexts.runServer(badDate).close())
                .hasStackTraceContaining("balance-history.fx.rates[0].date: '30/11/2026' is not an ISO date");
    }

    @Test
    void configured_exchange_rates_and_their_stale_age_are_bound_in_order() {
        Map<String, Object> properties = database();
        rate(properties, 0, "EUR", "USD", "1.0800", "2026-11-30", "ECB");
        rate(properties, 1, "GBP", "USD", "1.27", "2026-11-29", "BoE");
        properties.put("balance-history.fx.stale-after", "3d");

        try (EmbeddedServer server = ServiceContexts.runServer(properties)) {
            FxSettings settings = server.getApplicationContext().getBean(FxSettings.class);
            assertThat(settings.configuredRates())
                    .containsExactly(
                            FxRate.of("EUR", "USD", "1.08", LocalDate.of(2026, 11, 30), "ECB"),
                            FxRate.of("GBP", "USD", "1.27", LocalDate.of(2026, 11, 29), "BoE"));
            assertThat(settings.staleAfter()).isEqualTo(Duration.ofDays(3));
            assertThat(server.getApplicationContext()
                            .getBean(UnknownSettings.class)
                            .unknown())
                    .isEmpty();
        }
    }

    private static void rate(
            Map<String, Object> properties,
            int index,
            String from,
            String to,
            String rate,
            String date,
            String source) {
        String at = "balance-history.fx.rates[" + index + "].";
        properties.put(at + "from", from);
        properties.put(at + "to", to);
        properties.put(at + "rate", rate);
        properties.put(at + "date", date);
        properties.put(at + "source", source);
    }

    private static Map<String, Object> database() {
        return TestProperties.service().asObjects();
    }
}
