package com.balancehistory.application.model.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SourceOutcomeTest {

    @Test
    void a_poll_succeeded_when_it_recorded_all_or_some_balances_and_failed_otherwise() {
        assertThat(Arrays.stream(SourceOutcome.values()).filter(SourceOutcome::succeeded))
                .containsExactly(SourceOutcome.OK, SourceOutcome.PARTIAL);
        assertThat(SourceOutcome.succeededCodes()).containsExactly("ok", "partial");
    }
}
