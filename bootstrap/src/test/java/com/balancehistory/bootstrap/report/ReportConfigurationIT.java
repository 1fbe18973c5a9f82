package com.balancehistory.bootstrap.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.service.alert.AlertRules;
import com.balancehistory.application.service.report.ReportSchedule;
import com.balancehistory.application.service.report.ScheduledReportService;
import com.balancehistory.bootstrap.ConfiguredSources;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.UnknownSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.jackson.core.env.EnvJsonPropertySourceLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Report schedules, delivery targets, delivery and outbox settings are bound from configuration in every form it
 * comes in (properties, MICRONAUT_APPLICATION_JSON), and a value that cannot be used stops the
 * start naming its key, never echoing a webhook secret.
 */
class ReportConfigurationIT {

    private static final String SCHEDULE = "balance-history.reports.schedules.weekly.";
    private static final String SECRET = "weekly-webhook-secret-0123456789";

    @Test
    void a_schedule_with_its_delivery_targets_is_bound_and_a_disabled_one_left_out() {
        Map<String, Object> properties = service();
        properties.put(SCHEDULE + "cron", "0 0 7 * * MON");
        properties.put(SCHEDULE + "zone", "Europe/London");
        properties.put(SCHEDULE + "catch-up", "false");
        properties.put(SCHEDULE + "group-by", "department");
        properties.put(SCHEDULE + "convert-to", "EUR");
        properties.put(SCHEDULE + "deliver.directory", "/var/reports");
        properties.put(SCHEDULE + "deliver.webhook.url", "https://example.org/hook");
        properties.put(SCHEDULE + "deliver.webhook.secret", SECRET);
        properties.put(SCHEDULE + "deliver.log", "true");
        properties.put("balance-history.reports.schedules.paused.enabled", "false");
        properties.put("balance-history.reports.catch-up-grace", "5m");
        properties.put("balance-history.delivery.timeout", "3s");
        properties.put("balance-history.outbox.lease", "1m");
        properties.put("balance-history.alerts.deliver.webhook.url", "https://example.org/alerts");
        properties.put("balance-history.alerts.deliver.webhook.secret", SECRET);

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            List<ReportSchedule> schedules = schedules(context);

            assertThat(schedules).extracting(ReportSchedule::name).containsExactly("weekly");
            ReportSchedule weekly = schedules.get(0);
            assertThat(weekly.type()).isEqualTo("allocation");
            assertThat(weekly.catchUp()).isFalse();
            assertThat(weekly.groupBy()).contains("department");
            assertThat(weekly.convertTo()).contains(Currency.getInstance("EUR"));
            // Monday 07:00 in London is 06:00 UTC in summer
            assertThat(weekly.nextDueAfter().apply(Instant.parse("2026-06-03T00:00:00Z")))
                    .isEqualTo(Instant.parse("2026-06-08T06:00:00Z"));
            assertThat(weekly.targets())
                    .containsExactly(
                            new DeliveryTarget.Directory("/var/reports"),
                            new DeliveryTarget.Webhook("https://example.org/hook", SECRET),
                            new DeliveryTarget.Log());
            assertThat(context.getBean(AlertRules.class).targets())
                    .containsExactly(new DeliveryTarget.Webhook("https://example.org/alerts", SECRET));
        }
    }

    @Test
    void without_schedules_one_daily_allocation_report_at_six_utc_and_alerts_go_to_the_log() {
        try (ApplicationContext context = ApplicationContext.run(service())) {
            List<ReportSchedule> schedules = schedules(context);

            assertThat(schedules).extracting(ReportSchedule::name).containsExactly("daily");
            assertThat(schedules.get(0).catchUp()).isTrue();
            assertThat(schedules.get(0).targets()).isEmpty();
            assertThat(schedules.get(0).nextDueAfter().apply(Instant.parse("2026-06-03T05:00:00Z")))
                    .isEqualTo(Instant.parse("2026-06-03T06:00:00Z"));
            assertThat(context.getBean(AlertRules.class).targets()).containsExactly(new DeliveryTarget.Log());
        }
    }

    @Test
    void schedules_are_read_from_micronaut_application_json() {
        String json = "{\"balance-history\":{\"reports\":{\"schedules\":{\"json\":{\"cron\":\"0 30 6 * * *\","
                + "\"deliver\":{\"directory\":\"/srv/reports\"}}}}}}";
        // the loader that reads MICRONAUT_APPLICATION_JSON, given this document as the variable's value
        PropertySource applicationJson = new EnvJsonPropertySourceLoader() {
            @Override
            protected String getEnvValue() {
                return json;
            }
        }.load("application", ClassPathResourceLoader.defaultLoader(getClass().getClassLoader()))
                .orElseThrow();
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(service())
                .propertySources(applicationJson)
                .start()) {
            ReportSchedule fromJson = schedule(schedules(context), "json");
            assertThat(fromJson.targets()).containsExactly(new DeliveryTarget.Directory("/srv/reports"));
            assertThat(fromJson.nextDueAfter().apply(Instant.parse("2026-06-03T00:00:00Z")))
                    .isEqualTo(Instant.parse("2026-06-03T06:30:00Z"));
        }
    }

    @Test
    void sources_are_read_from_micronaut_application_json_in_order_with_environment_variables_filling_in() {
        String json = "{\"balance-history\":{\"sources\":{"
                + "\"zeta\":{\"provider\":\"holyheld\",\"base-url\":\"http://127.0.0.1:1\",\"interval\":\"2m\"},"
                + "\"alpha\":{\"provider\":\"holyheld\",\"base-url\":\"http://127.0.0.1:1\",\"token\":\"t-2\"}}}}";
        PropertySource applicationJson = new EnvJsonPropertySourceLoader() {
            @Override
            protected String getEnvValue() {
                return json;
            }
        }.load("application", ClassPathResourceLoader.defaultLoader(getClass().getClassLoader()))
                .orElseThrow();
        // as the process environment gives them: BALANCE_HISTORY_SOURCES_ZETA_TOKEN
        PropertySource environmentVariables = PropertySource.of(
                "variables",
                Map.of("BALANCE_HISTORY_SOURCES_ZETA_TOKEN", "t-1"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(service())
                .propertySources(applicationJson, environmentVariables)
                .start()) {
            ConfiguredSources sources = context.getBean(ConfiguredSources.class);
            assertThat(sources.misconfigured()).isEmpty();
            assertThat(sources.all()).extracting(ConfiguredSources.Source::name).containsExactly("zeta", "alpha");
            assertThat(sources.typicalIntervals()).containsEntry("zeta", Duration.ofMinutes(2));
        }
    }

    @Test
    void a_mistyped_schedule_or_delivery_key_is_reported_at_start_up_by_name() {
        Map<String, Object> properties = service();
        properties.put(SCHEDULE + "cron", "0 0 7 * * MON");
        properties.put(SCHEDULE + "zoen", "Europe/London");
        properties.put(SCHEDULE + "deliver.directoy", "/var/reports");
        properties.put("balance-history.alerts.deliver.logg", "true");
        properties.put("balance-history.reports.tik", "1m");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(UnknownSettings.class).unknown())
                    .containsExactlyInAnyOrder(
                            "balance-history.reports.tik",
                            SCHEDULE + "zoen",
                            SCHEDULE + "deliver.directoy",
                            "balance-history.alerts.deliver.logg");
        }
    }

    @Test
    void a_value_that_cannot_be_used_refuses_start_naming_the_key_and_never_the_secret() {
        Map<String, Object> shortSecret = service();
        shortSecret.put(SCHEDULE + "deliver.webhook.url", "https://example.org/hook");
        shortSecret.put(SCHEDULE + "deliver.webhook.secret", "short-secret");
        assertThatThrownBy(() -> ApplicationContext.run(shortSecret).close())
                .hasStackTraceContaining(SCHEDULE + "deliver.webhook.secret: at least 16 characters are required")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("short-secret"));

        refused(SCHEDULE + "zone", "Mars/Olympus", SCHEDULE + "zone: ");
        refused(SCHEDULE + "cron", "every day", SCHEDULE + "cron: 'every day' is not a cron expression");
        refused(
                "balance-history.delivery.timeout",
                "soon",
                "balance-history.delivery.timeout: 'soon' is not a duration");
        refused("balance-history.outbox.lease", "0s", "balance-history.outbox.lease: must be positive");
        refused(
                "balance-history.reports.catch-up-grace",
                "a while",
                "balance-history.reports.catch-up-grace: 'a while' is not a duration");
        refused("balance-history.delivery.max-attempts", "many", "balance-history.delivery.max-attempts: 'many'");
    }

    private static void refused(String key, String value, String message) {
        Map<String, Object> properties = service();
        properties.put(key, value);
        // the schedules' service is built at the server's start, the outbox's (and delivery's) at the context's
        assertThatThrownBy(() -> {
                    try (ApplicationContext context = ApplicationContext.run(properties)) {
                        context.getBean(ScheduledReportService.class);
                    }
                })
                .hasStackTraceContaining(message);
    }

    private static List<ReportSchedule> schedules(ApplicationContext context) {
        return ReportSchedules.of(
                context.getBean(Environment.class),
                List.copyOf(context.getBeansOfType(ReportScheduleProperties.class)));
    }

    private static ReportSchedule schedule(List<ReportSchedule> schedules, String name) {
        Optional<ReportSchedule> found =
                schedules.stream().filter(s -> s.name().equals(name)).findFirst();
        assertThat(found).as("schedule " + name + " in " + schedules).isPresent();
        return found.get();
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    /** The service's test database; a refused start keeps its small pool open, so it lets idle connections go. */
    private static Map<String, Object> service() {
        Map<String, Object> properties = new HashMap<>(new ServiceTestSupport() {}.getProperties());
        properties.put("datasources.default.maximum-pool-size", "3");
        properties.put("datasources.default.minimum-idle", "0");
        properties.put("datasources.default.idle-timeout", "10000");
        properties.put("balance-history.outbox.every", "1h");
        properties.put("balance-history.reports.tick", "1h");
        properties.put("balance-history.api.exports.max-concurrent", "1");
        return properties;
    }
}
