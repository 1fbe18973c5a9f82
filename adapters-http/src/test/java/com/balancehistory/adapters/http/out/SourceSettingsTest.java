package com.balancehistory.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.adapters.http.out.testing.SimulatorSources;
import com.balancehistory.domain.account.ProviderType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a source's settings check and build; binding them from configuration (key forms, durations, sizes, the sources
 * left out) is tested in bootstrap, where it happens.
 */
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
    void settings_of_the_yaml_example_build_its_provider() {
        Map<String, Object> raw = ahrvo();

        SourceSettings settings = SimulatorSources.settings("ahrvo-main", raw);

        assertThat(settings.provider()).isEqualTo(ProviderType.AHRVO);
        assertThat(settings.baseUri().toString()).isEqualTo("https://api.ahrvo.network");
        assertThat(settings.credential("access-token")).contains("token-abcdef");
        assertThat(settings.parameterList("card-ids")).containsExactly("card201907021723076245");
        assertThat(BalanceProviderFactory.create(settings).sourceName()).isEqualTo("ahrvo-main");
    }

    @Test
    void names_the_source_and_the_missing_credential() {
        Map<String, Object> raw = ahrvo();
        raw.remove("access-token");

        assertThatThrownBy(() -> BalanceProviderFactory.create(SimulatorSources.settings("ahrvo-main", raw)))
                .isInstanceOf(SourceConfigurationException.class)
                .hasMessage("source 'ahrvo-main': missing access-token");
    }

    @Test
    void reports_malformed_urls_and_missing_parameters_by_source_name() {
        Map<String, Object> badUrl = ahrvo();
        badUrl.put("base-url", "ftp://api.ahrvo.network");
        Map<String, Object> equals = new LinkedHashMap<>(
                Map.of("provider", "equals-money", "base-url", "https://api.equalsmoney.com", "api-key", "k"));

        assertThatThrownBy(() -> BalanceProviderFactory.create(SimulatorSources.settings("s2", badUrl)))
                .hasMessage(
                        "source 's2': base-url must start with http:// or https:// (got 'ftp://api.ahrvo.network')");
        assertThatThrownBy(() -> BalanceProviderFactory.create(SimulatorSources.settings("s4", equals)))
                .hasMessage("source 's4': missing account-id");
    }

    @Test
    void masks_credentials_in_to_string() {
        SourceSettings settings = SimulatorSources.settings("ahrvo-main", ahrvo());

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
        raw.put("card-ids2", "x");

        assertThatThrownBy(() -> BalanceProviderFactory.create(SimulatorSources.settings("ahrvo-main", raw)))
                .isInstanceOf(SourceConfigurationException.class)
                .hasMessageContaining(
                        "source 'ahrvo-main': unknown setting(s) [card-ids2, intervall] for provider ahrvo")
                .hasMessageContaining("[card-ids, fetch-budgets, max-accounts, max-pages]");
    }
}
