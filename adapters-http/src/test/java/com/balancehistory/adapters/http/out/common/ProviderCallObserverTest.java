package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderCallObserverTest {

    @Test
    void an_endpoint_label_drops_the_query_and_replaces_ids_so_series_stay_few() {
        assertThat(ProviderCallObserver.endpointOf("/v1/cards/card201907021723076245/balance"))
                .isEqualTo("/v1/cards/{id}/balance");
        assertThat(ProviderCallObserver.endpointOf("/v2/budgets?offset=100&limit=50"))
                .isEqualTo("/v2/budgets");
        assertThat(ProviderCallObserver.endpointOf("/v1/grants/grnt_01HXYZ")).isEqualTo("/v1/grants/{id}");
        assertThat(ProviderCallObserver.endpointOf("")).isEqualTo("/");
    }
}
