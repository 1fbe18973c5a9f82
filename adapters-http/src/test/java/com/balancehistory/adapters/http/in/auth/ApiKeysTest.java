package com.balancehistory.adapters.http.in.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final String READER = "reader-secret-0123456789";
    private static final String ADMIN = "admin-secret-0123456789";

    private final ApiKeys keys = new ApiKeys(List.of(
            ApiKey.ofPlain("ops", ApiRole.READER, READER),
            ApiKey.ofSha256Hex("deploy", ApiRole.ADMIN, ApiKey.sha256Hex(ADMIN))));

    @Test
    void a_plain_key_and_a_hashed_key_both_authenticate_with_their_role() {
        assertThat(keys.authenticate(READER)).hasValueSatisfying(key -> {
            assertThat(key.name()).isEqualTo("ops");
            assertThat(key.role()).isEqualTo(ApiRole.READER);
        });
        assertThat(keys.authenticate(ADMIN).map(ApiKey::role)).contains(ApiRole.ADMIN);
    }

    @Test
    void near_misses_empty_and_oversized_keys_do_not_authenticate() {
        assertThat(keys.authenticate(READER + "x")).isEmpty();
        assertThat(keys.authenticate(READER.substring(1))).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("a".repeat(10_000))).isEmpty();
    }

    @Test
    void a_key_never_shows_its_secret_in_text() {
        ApiKey key = ApiKey.ofPlain("ops", ApiRole.READER, READER);
        assertThat(key.toString())
                .doesNotContain(READER)
                .doesNotContain(ApiKey.sha256Hex(READER))
                .contains("ops");
    }

    @Test
    void roles_are_ordered_admin_may_do_what_a_reader_may() {
        assertThat(ApiRole.ADMIN.mayDo(ApiRole.READER)).isTrue();
        assertThat(ApiRole.READER.mayDo(ApiRole.ADMIN)).isFalse();
        assertThat(ApiRole.fromConfig(" Admin ")).isEqualTo(ApiRole.ADMIN);
    }

    @Test
    void malformed_configuration_is_rejected_naming_the_key() {
        assertThatThrownBy(() -> ApiKey.ofSha256Hex("bad", ApiRole.READER, "abc"))
                .hasMessageContaining("bad")
                .hasMessageContaining("64 hex");
        assertThatThrownBy(() -> ApiKey.ofPlain("short", ApiRole.READER, "tooshort"))
                .hasMessageContaining("short")
                .hasMessageContaining("16");
        assertThatThrownBy(() -> new ApiKeys(List.of(
                        ApiKey.ofPlain("twice", ApiRole.READER, READER),
                        ApiKey.ofPlain("twice", ApiRole.ADMIN, ADMIN))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> ApiRole.fromConfig("root")).hasMessageContaining("root");
    }
}
