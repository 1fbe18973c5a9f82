package com.balancehistory.adapters.http.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.adapters.http.in.problem.ApiProblem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void a_time_is_an_iso_instant_a_date_time_with_offset_or_a_date_meaning_its_midnight_utc() {
        assertThat(Params.instant("from", "2026-11-20T10:00:00Z")).contains(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(Params.instant("from", "2026-10-25T00:00:00+01:00")).contains(Instant.parse("2026-10-24T23:00:00Z"));
        assertThat(Params.instant("from", " 2026-11-20 ")).contains(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(Params.instant("from", "")).isEmpty();
        assertThat(Params.instant("from", null)).isEmpty();
    }

    @Test
    void a_malformed_or_extreme_time_is_a_400_naming_the_parameter_and_what_it_accepts() {
        assertThatThrownBy(() -> Params.instant("to", "yesterday"))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        p -> assertThat(p.toProblem("/x").parameter()).isEqualTo("to"))
                .hasMessage(
                        "to must be a date (2026-11-20) or an ISO-8601 time (2026-11-20T10:00:00Z), got 'yesterday'");
        assertThatThrownBy(() -> Params.instant("from", "-999999999-01-01T00:00:00Z"))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("from must lie between 0001-01-01 and 9999-12-31");
        assertThatThrownBy(() -> Params.instant("to", "+999999999-12-31"))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("to must lie between 0001-01-01 and 9999-12-31");
    }

    @Test
    void a_whole_number_out_of_its_range_or_not_a_number_is_a_400_naming_the_parameter() {
        assertThat(Params.integer("limit", null, 50, 1, 500)).isEqualTo(50);
        assertThat(Params.integer("limit", " 7 ", 50, 1, 500)).isEqualTo(7);
        assertThatThrownBy(() -> Params.integer("limit", "0", 50, 1, 500))
                .hasMessage("limit must be between 1 and 500, got 0");
        assertThatThrownBy(() -> Params.integer("limit", "many", 50, 1, 500))
                .hasMessage("limit must be a whole number, got 'many'");
    }
}
