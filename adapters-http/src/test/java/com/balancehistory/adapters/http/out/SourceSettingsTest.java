package com.balancehistory.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.domain.account.ProviderType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceSettingsTest {

    private static Map<String, Object> ahrvo() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("provider", "ahrvo");
        raw.put("base-url", "https://api.ahrvo.network/");
        raw.put("api-key", "key-123456");
        raw.put("access-token", "token-abcdef");
        raw.put("card-ids", List.of("card201907021723076245"));
        return raw;
    }

    @Test
    void binds_the_yaml_example_with_kebab_case_keys() {
        Map<String, Object> raw = ahrvo();
        raw.put("connect-timeout", "3s");
        raw.put("read-timeout", "PT20S");
        raw.put("max-concurrency", 20);
        raw.put("max-requests-per-second", "90.5");
        raw.put("max-response-bytes", "2MiB");

        SourceSettings settings = SourceSettings.fromMap("ahrvo-main", raw);

        assertThat(settings.provider()).isEqualTo(ProviderType.AHRVO);
        assertThat(settings.baseUri().toString()).isEqualTo("https://api.ahrvo.network");
        assertThat(settings.credential("access-token")).contains("token-abcdef");
        assertThat(settings.parameterList("card-ids")).containsExactly("card201907021723076245");
        assertThat(settings.http().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.http().readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.http().maxConcurrency()).isEqualTo(20);
        assertThat(settings.http().maxRequestsPerSecond()).isEqualTo(90.5);
        assertThat(settings.http().maxResponseBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(BalanceProviderFactory.create(settings).sourceName()).isEqualTo("ahrvo-main");
    }

    @Test
    void accepts_camel_case_keys_comma_separated_lists_and_flattened_list_entries() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("provider", "grantex");
        raw.put("baseUrl", "https://api.grantex.dev");
        raw.put("apiKey", "gx_123");
        raw.put("grantIds", "grnt_1, grnt_2");
        Map<String, Object> flattened = new LinkedHashMap<>(ahrvo());
        flattened.remove("card-ids");
        flattened.put("card-ids[0]", "c1");
        flattened.put("card-ids[1]", "c2");

        assertThat(SourceSettings.fromMap("g", raw).parameterList("grant-ids")).containsExactly("grnt_1", "grnt_2");
        assertThat(SourceSettings.fromMap("a", flattened).parameterList("card-ids"))
                .containsExactly("c1", "c2");
    }

    @Test
    void names_the_source_and_the_missing_credential() {
        Map<String, Object> raw = ahrvo();
        raw.remove("access-token");

        assertThatThrownBy(() -> BalanceProviderFactory.create(SourceSettings.fromMap("ahrvo-main", raw)))
                .isInstanceOf(SourceConfigurationException.class)
                .hasMessage("source 'ahrvo-main': missing access-token");
    }

    @Test
    void reports_unknown_providers_malformed_urls_and_bad_values_by_source_name() {
        Map<String, Object> unknown = ahrvo();
        unknown.put("provider", "paypal");
        Map<String, Object> badUrl = ahrvo();
        badUrl.put("base-url", "ftp://api.ahrvo.network");
        Map<String, Object> badDuration = ahrvo();
        badDuration.put("read-timeout", "soon");
        Map<String, Object> equals = new LinkedHashMap<>(
                Map.of("provider", "equals-money", "base-url", "https://api.equalsmoney.com", "api-key", "k"));

        assertThatThrownBy(() -> SourceSettings.fromMap("s1", unknown))
                .hasMessageStartingWith("source 's1': unknown provider 'paypal'");
        assertThatThrownBy(() -> BalanceProviderFactory.create(SourceSettings.fromMap("s2", badUrl)))
                .hasMessage(
                        "source 's2': base-url must start with http:// or https:// (got 'ftp://api.ahrvo.network')");
        assertThatThrownBy(() -> SourceSettings.fromMap("s3", badDuration))
                .hasMessageStartingWith("source 's3': read-timeout: 'soon' is not a duration");
        assertThatThrownBy(() -> BalanceProviderFactory.create(SourceSettings.fromMap("s4", equals)))
                .hasMessage("source 's4': missing account-id");
    }

    @Test
    void builds_the_good_sources_and_reports_the_bad_ones_by_name() {
        Map<String, Object> broken = ahrvo();
        broken.remove("api-key");
        Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
        sources.put("ahrvo-main", ahrvo());
        sources.put("ahrvo-broken", broken);
        sources.put(
                "holyheld-bot1",
                Map.of("provider", "holyheld", "base-url", "https://apicore.holyheld.com", "token", "hh-token"));

        BalanceProviderFactory.ConfiguredSources configured = BalanceProviderFactory.createAll(sources);

        assertThat(configured.providers())
                .extracting(BalanceProvider::sourceName)
                .containsExactly("ahrvo-main", "holyheld-bot1");
        assertThat(configured.problems())
                .containsExactly(Map.entry("ahrvo-broken", "source 'ahrvo-broken': missing api-key"));
    }

    @Test
    void masks_credentials_in_to_string() {
        SourceSettings settings = SourceSettings.fromMap("ahrvo-main", ahrvo());

        assertThat(settings.toString())
                .contains("access-token=***")
                .contains("api-key=***")
                .doesNotContain("token-abcdef")
                .doesNotContain("key-123456");
    }

    @Test
    void a_key_the_provider_does_not_know_is_refused_naming_it_and_the_keys_it_knows() {
        Map<String, Object> raw = ahrvo();
        raw.put("intervall", "2s");
        raw.put("cardIds2", "x");

        assertThatThrownBy(() -> BalanceProviderFactory.create(SourceSettings.fromMap("ahrvo-main", raw)))
                .isInstanceOf(SourceConfigurationException.class)
                .hasMessageContaining(
                        "source 'ahrvo-main': unknown setting(s) [card-ids2, intervall] for provider ahrvo")
                .hasMessageContaining("[card-ids, fetch-budgets, max-accounts, max-pages]");
    }
}
