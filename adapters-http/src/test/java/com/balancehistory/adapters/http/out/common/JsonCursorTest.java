package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JsonCursorTest {

    @Test
    void reads_json_fractions_as_exact_decimals_never_doubles() {
        JsonNode node = ProviderJson.parse("{\"a\":0.1,\"b\":94.50,\"c\":12345678901234567.89,\"d\":50}");
        JsonCursor root = JsonCursor.root(node);

        assertThat(node.get("a").isBigDecimal()).isTrue();
        assertThat(root.decimal("a")).isEqualTo(new BigDecimal("0.1"));
        assertThat(root.decimal("b")).isEqualTo(new BigDecimal("94.50"));
        assertThat(root.decimal("c")).isEqualTo(new BigDecimal("12345678901234567.89"));
        assertThat(root.decimal("d")).isEqualTo(new BigDecimal("50"));
    }

    @Test
    void names_the_path_of_a_field_of_the_wrong_type() {
        JsonCursor root = JsonCursor.root(ProviderJson.parse("{\"data\":[{\"balance\":\"1\"},{\"balance\":2}]}"));

        assertThatThrownBy(() -> root.objects("data").get(1).decimalString("balance"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("data[1].balance: expected a decimal string, got number");
    }

    @Test
    void rejects_duplicate_keys_and_trailing_garbage() {
        assertThatThrownBy(() -> ProviderJson.parse("{\"a\":1,\"a\":2}"))
                .hasMessageStartingWith("body: not valid JSON");
        assertThatThrownBy(() -> ProviderJson.parse("{\"a\":1} x")).hasMessageStartingWith("body: not valid JSON");
        assertThatThrownBy(() -> JsonCursor.root(ProviderJson.parse("[1]")))
                .hasMessage("body: expected a JSON object, got array");
    }

    @Test
    void a_json_number_with_a_huge_exponent_is_rejected_by_its_size_without_ever_being_expanded() {
        JsonCursor root = JsonCursor.root(ProviderJson.parse(
                "{\"huge\":1e999999999,\"negative\":-1e999999999,\"tiny\":1e-999999999,\"wide\":1e20}"));

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThatThrownBy(() -> root.decimal("huge"))
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessage("huge: amount 1E+999999999 has more than 20 digits before the decimal point");
            assertThatThrownBy(() -> root.decimal("negative")).hasMessageStartingWith("negative: amount -1E+99999");
            assertThatThrownBy(() -> root.decimal("tiny")).hasMessageContaining("has more than 40 decimals");
            assertThatThrownBy(() -> root.decimal("wide")).hasMessageContaining("more than 20 digits");
        });
    }

    @Test
    void a_json_number_with_a_small_exponent_is_read_exactly_within_the_stored_width() {
        JsonCursor root = JsonCursor.root(ProviderJson.parse("{\"a\":1e5,\"b\":1.25e2,\"c\":99999999999999999999}"));

        assertThat(root.decimal("a")).isEqualByComparingTo("100000");
        assertThat(root.decimal("b")).isEqualByComparingTo("125");
        assertThat(root.decimal("c")).isEqualByComparingTo("99999999999999999999");
    }
}
